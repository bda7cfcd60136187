import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { createApiApp } from '../../api-app.js';
import { createTestbed, daysFromNow } from '../../catalogue-fixtures.js';

// Issue 12, finding 10, and issue 14's "validation messages that say what is wrong".
describe('Hostile strings and validation messages', () => {
  let app: NestExpressApplication;
  let manager: TestUser;
  let company: TestUser;
  let slotId: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createApiApp();
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    manager = await factory.member(region.id, 'manager');
    company = await factory.member((await factory.organization('company')).id, 'member');
    const testbed = await createTestbed(app, manager.token, region.id, {
      rules: {
        requiresApproval: false,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    const slots = await api()
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ startsAt: daysFromNow(30, 8), endsAt: daysFromNow(30, 16), capacity: 2 });
    slotId = slots.body.items[0].id;
  });
  afterAll(() => app.close());

  const expectValidation = (response: request.Response) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.type).toBe('/problems/validation');
  };

  describe('validation messages', () => {
    it('says a missing field is required, with a code, not that it is too long', async () => {
      const response = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({});
      expectValidation(response);
      expect(response.body.errors).toEqual([{ field: 'title', message: 'title is required', code: 'required' }]);
    });

    it('names the kind first, then the rule broken, each with its constraint as code', async () => {
      const wrongKind = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 42 });
      expect(wrongKind.body.errors).toEqual([{ field: 'title', message: 'title must be a string', code: 'isString' }]);
      const tooLong = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'x'.repeat(201) });
      expect(tooLong.body.errors).toEqual([
        { field: 'title', message: expect.stringContaining('200'), code: 'maxLength' },
      ]);
      const unknown = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Pilot', admin: true });
      expect(unknown.body.errors).toEqual([
        { field: 'admin', message: expect.stringContaining('should not exist'), code: 'unknownField' },
      ]);
    });

    it('gives nested fields their path, and errors raised by services a code too', async () => {
      const signup = await api()
        .post('/api/v1/auth/signup')
        .send({ email: 'ny@bolag.example.se', password: 'ett långt lösenord', name: 'Ny', company: {} });
      expectValidation(signup);
      expect(signup.body.errors).toEqual([{ field: 'company.name', message: 'name is required', code: 'required' }]);
      const badId = await api().get('/api/v1/testbeds/not-a-uuid');
      expect(badId.body.errors).toEqual([{ field: 'id', message: 'must be a UUID', code: 'isUuid' }]);
      const badCursor = await api().get('/api/v1/testbeds?cursor=nonsense');
      expect(badCursor.body.errors).toEqual([{ field: 'cursor', message: 'is not valid', code: 'invalid' }]);
    });
  });

  describe('control characters', () => {
    it('refuses a NUL in a JSON string with 400, not 500 (POST /auth/login)', async () => {
      const response = await api()
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .send('{"email":"\\u0000","password":"whatever it is"}');
      expectValidation(response);
      expect(response.body.errors).toEqual([
        { field: 'email', message: 'must not contain control characters', code: 'controlCharacter' },
      ]);
    });

    it('refuses control characters in query strings and path parameters', async () => {
      const query = await api().get('/api/v1/testbeds?q=v%00rd');
      expectValidation(query);
      expect(query.body.errors).toEqual([expect.objectContaining({ field: 'q', code: 'controlCharacter' })]);
      const escape = await api().get('/api/v1/testbeds?municipality=Lund%1B%5B31m');
      expect(escape.status).toBe(400);
      const path = await api().get('/api/v1/testbeds/%00');
      expectValidation(path);
    });

    it('refuses every C0 and C1 control, DEL and an unpaired surrogate in a one-line field', async () => {
      for (const hostile of ['\u0000', '\u0001', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f']) {
        const response = await api()
          .post(`/api/v1/slots/${slotId}/bookings`)
          .set('Authorization', `Bearer ${company.token}`)
          .send({ title: `Pilot${hostile}X` });
        expectValidation(response);
        expect(response.body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'controlCharacter' })]);
      }
      const surrogate = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Pilot \ud800' });
      expect(surrogate.body.errors).toEqual([expect.objectContaining({ field: 'title', code: 'malformedUnicode' })]);
    });

    it('refuses an unpaired surrogate before validators that would throw on it (an e-mail: 500 before, found by the fuzzer)', async () => {
      const response = await api()
        .post('/api/v1/auth/signup')
        .send({ email: 'x\udc00y', password: 'ett långt lösenord', name: 'Ny', company: { name: 'Bolaget' } });
      expectValidation(response);
      expect(response.body.errors).toEqual([{ field: 'email', message: expect.any(String), code: 'malformedUnicode' }]);
    });

    it('answers a request line too large for Node’s parser with 431 problem+json, not a bare status line (found by the fuzzer)', async () => {
      const response = await api().get(`/api/v1/testbeds?q=${'%C3%A4'.repeat(4000)}`);
      expect(response.status).toBe(431);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ type: '/problems/headers-too-large', status: 431 });
    });

    it('refuses a cursor that carries a NUL into SQL (500 before, found while fuzzing)', async () => {
      const cursor = Buffer.from(JSON.stringify(['\u0000', '6f1c2a8e-1f0e-4d7e-9a55-2b1c3d4e5f60'])).toString(
        'base64url',
      );
      for (const path of ['/api/v1/bookings', '/api/v1/pilots', '/api/v1/organizations']) {
        const response = await api().get(`${path}?cursor=${cursor}`).set('Authorization', `Bearer ${company.token}`);
        expectValidation(response);
        expect(response.body.errors).toEqual([{ field: 'cursor', message: 'is not valid', code: 'invalid' }]);
      }
    });

    it('lets free text keep tabs and line breaks (CRLF becomes LF) and refuses the other controls there', async () => {
      const bad = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Pilot', description: 'rad ett\u0000' });
      expectValidation(bad);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'description', code: 'controlCharacter' })]);
      const bareCr = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Pilot', description: 'rad ett\rrad två' });
      expectValidation(bareCr);

      const good = await api()
        .post(`/api/v1/slots/${slotId}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Pilot', description: 'rad ett\r\nrad två\n\tindrag' });
      expect(good.status).toBe(201);
      const read = await api().get(`/api/v1/bookings/${good.body.id}`).set('Authorization', `Bearer ${company.token}`);
      expect(read.body.description).toBe('rad ett\nrad två\n\tindrag');
    });
  });
});
