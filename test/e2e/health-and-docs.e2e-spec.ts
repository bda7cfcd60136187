import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServer } from 'node:net';
import request from 'supertest';
import { createApiApp } from '../api-app.js';

/** A port that nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('health and docs', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await createApiApp();
  });
  afterAll(() => app.close());

  it('is live', async () => {
    const response = await request(app.getHttpServer()).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and Redis answer', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('serves a valid OpenAPI 3 document and the Swagger UI', async () => {
    const json = await request(app.getHttpServer()).get('/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    const validated = await SwaggerParser.validate(structuredClone(json.body));
    expect(Object.keys(validated.paths ?? {})).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));

    const ui = await request(app.getHttpServer()).get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('is not under the API prefix', async () => {
    const response = await request(app.getHttpServer()).get('/api/v1/health/ready');
    expect(response.status).toBe(404);
  });

  describe('when Redis is not reachable', () => {
    let broken: NestExpressApplication;

    beforeAll(async () => {
      broken = await createApiApp({
        env: { REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, HEALTH_CHECK_TIMEOUT_MS: '500' },
      });
    });
    afterAll(() => broken.close());

    it('still starts, is live and ready (it serves from PostgreSQL), and reports Redis as degraded', async () => {
      expect((await request(broken.getHttpServer()).get('/health/live')).status).toBe(200);
      const response = await request(broken.getHttpServer()).get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'degraded',
        info: { database: { status: 'up' }, redis: { status: 'degraded' } },
      });
    });
  });
});
