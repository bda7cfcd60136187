import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApiApp } from '../api-app.js';

type Operation = {
  security?: Array<Record<string, string[]>>;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
};

describe("the OpenAPI document the web app's client is generated from", () => {
  let app: NestExpressApplication;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const operation = (method: string, path: string) => document.paths[path]![method]!;
  const okSchema = (method: string, path: string, status = '200') =>
    operation(method, path).responses[status]!.content!['application/json']!.schema;

  beforeAll(async () => {
    app = await createApiApp();
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('is valid OpenAPI 3', async () => {
    await SwaggerParser.validate(structuredClone(document) as never);
  });

  it('marks public routes as needing no credential, and keeps the bearer optional where signing in adds to the answer', () => {
    for (const path of ['/api/v1/testbeds', '/api/v1/testbeds/{id}', '/api/v1/testbeds/{id}/slots'])
      expect(operation('get', path).security).toEqual([{}, { bearer: [] }]);
    expect(operation('get', '/api/v1/domains').security).toEqual([{}, { bearer: [] }]);
    for (const path of ['/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/session'])
      expect(operation('post', path).security).toEqual([]);
    expect(operation('get', '/health/ready').security).toEqual([]);
    // Routes that need a credential keep it.
    expect(operation('get', '/api/v1/bookings').security).toEqual([{ bearer: [] }]);
    expect(operation('post', '/api/v1/testbeds').security).toEqual([{ bearer: [] }]);
    expect(JSON.stringify(document)).not.toContain('x-slussen-public');
  });

  it('describes the answers of every operation the web app uses', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(okSchema('get', '/api/v1/testbeds')).toEqual(ref('TestbedPageDto'));
    expect(okSchema('get', '/api/v1/testbeds/{id}')).toEqual(ref('TestbedDto'));
    expect(okSchema('get', '/api/v1/testbeds/{id}/slots')).toEqual(ref('SlotListDto'));
    expect(okSchema('get', '/api/v1/domains')).toEqual(ref('DomainListDto'));
    expect(okSchema('get', '/api/v1/bookings')).toEqual(ref('BookingPageDto'));
    expect(okSchema('get', '/api/v1/bookings/{id}')).toEqual(ref('BookingDto'));
    expect(okSchema('get', '/api/v1/bookings/{id}/events')).toEqual(ref('BookingEventListDto'));
    expect(okSchema('post', '/api/v1/slots/{id}/bookings', '201')).toEqual(ref('BookingDto'));
    for (const action of ['cancel', 'reschedule'])
      expect(okSchema('post', `/api/v1/bookings/{id}/${action}`)).toEqual(ref('BookingDto'));
    expect(okSchema('get', '/api/v1/me')).toEqual(ref('MeDto'));
    expect(okSchema('post', '/api/v1/auth/signup', '201')).toEqual(ref('SignupResultDto'));
    expect(okSchema('post', '/api/v1/auth/login')).toEqual(ref('TokenPairDto'));
    expect(okSchema('post', '/api/v1/auth/session')).toEqual(ref('BrowserSessionDto'));

    const properties = (name: string) => Object.keys(document.components.schemas[name]!.properties ?? {});
    expect(properties('TestbedDto')).toEqual(
      expect.arrayContaining(['name', 'timezone', 'rules', 'location', 'trl', 'domains', 'contactEmail']),
    );
    expect(properties('BookingDto')).toEqual(
      expect.arrayContaining([
        'status',
        'testbedName',
        'testbedTimezone',
        'slotStartsAt',
        'slotEndsAt',
        'decisionDueAt',
      ]),
    );
    expect(properties('BookingEventDto')).toEqual(
      expect.arrayContaining(['at', 'type', 'fromStatus', 'toStatus', 'actor', 'reason']),
    );
    expect(properties('MeDto')).toEqual(expect.arrayContaining(['email', 'language', 'memberships']));
  });

  it("answers every operation's errors with the problem+json schema", () => {
    expect(Object.keys(document.components.schemas.Problem!.properties!)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'errors']),
    );
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect({ path, method, schema: op.responses.default?.content?.['application/problem+json']?.schema }).toEqual({
          path,
          method,
          schema: { $ref: '#/components/schemas/Problem' },
        });
      }
    }
  });
});
