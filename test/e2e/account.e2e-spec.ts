import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed } from '../catalogue-fixtures.js';

// What the web app's Account page and catalogue need: the person's own name and
// language kept by the API, signing out everywhere, and test beds that name their owner.
describe("the account and the catalogue's owners", () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  const api = () => request(app.getHttpServer());
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
  });
  afterAll(() => app.close());

  describe('PATCH /me', () => {
    it("keeps the person's name and language, answers GET /me with them, and audits the change", async () => {
      const user = await factory.user();
      const changed = await api()
        .patch('/api/v1/me')
        .set('Authorization', bearer(user.token))
        .send({ name: '  Kim Ek  ', language: 'en' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: user.id, name: 'Kim Ek', language: 'en', memberships: [] });
      expect((await api().get('/api/v1/me').set('Authorization', bearer(user.token))).body).toMatchObject({
        name: 'Kim Ek',
        language: 'en',
      });

      const onlyLanguage = await api()
        .patch('/api/v1/me')
        .set('Authorization', bearer(user.token))
        .send({ language: 'sv' });
      expect(onlyLanguage.body).toMatchObject({ name: 'Kim Ek', language: 'sv' });

      const audit = await app
        .get(DataSource)
        .query(`SELECT action, details FROM audit_entries WHERE subject_id = $1 ORDER BY at`, [user.id]);
      expect(audit).toEqual([
        { action: 'user.update-profile', details: { fields: ['name', 'language'], language: 'en' } },
        { action: 'user.update-profile', details: { fields: ['language'], language: 'sv' } },
      ]);
    });

    it('refuses an empty name, an unknown language and unknown fields, field by field', async () => {
      const user = await factory.user();
      const patch = (body: object) => api().patch('/api/v1/me').set('Authorization', bearer(user.token)).send(body);
      const blank = await patch({ name: '   ' });
      expect(blank.status).toBe(400);
      expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'name', code: 'minLength' })]);
      expect((await patch({ language: 'de' })).body.errors).toEqual([
        expect.objectContaining({ field: 'language', code: 'isIn' }),
      ]);
      expect((await patch({ email: 'other@example.se' })).body.errors).toEqual([
        expect.objectContaining({ field: 'email', code: 'unknownField' }),
      ]);
      expect((await api().get('/api/v1/me').set('Authorization', bearer(user.token))).body).toMatchObject({
        name: 'Test User',
        language: 'sv',
      });
    });

    it('is refused anonymously (401) and to an API token (403)', async () => {
      const company = await factory.organization('company');
      const token = await factory.apiToken(company.id, 'admin');
      expect((await api().patch('/api/v1/me').send({ language: 'en' })).status).toBe(401);
      expect(
        (await api().patch('/api/v1/me').set('Authorization', bearer(token)).send({ language: 'en' })).status,
      ).toBe(403);
    });
  });

  describe('DELETE /me/sessions', () => {
    it('ends every session of the person, this one too, and only theirs', async () => {
      const user = await factory.user();
      const other = await factory.user();
      const login = (email: string, password: string) => api().post('/api/v1/auth/login').send({ email, password });
      const here = (await login(user.email, user.password)).body;
      const elsewhere = (await login(user.email, user.password)).body;
      const someoneElse = (await login(other.email, other.password)).body;

      expect((await api().delete('/api/v1/me/sessions').set('Authorization', bearer(here.accessToken))).status).toBe(
        204,
      );
      for (const session of [here, elsewhere]) {
        expect((await api().get('/api/v1/me').set('Authorization', bearer(session.accessToken))).status).toBe(401);
        expect((await api().post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(
          401,
        );
      }
      expect((await api().get('/api/v1/me').set('Authorization', bearer(someoneElse.accessToken))).status).toBe(200);
      expect((await login(user.email, user.password)).status).toBe(200);
      const audit = await app
        .get(DataSource)
        .query(`SELECT action FROM audit_entries WHERE subject_id = $1`, [user.id]);
      expect(audit).toEqual([{ action: 'user.sign-out-everywhere' }]);
    });
  });

  describe('owners of test beds', () => {
    it('names the owner on every test-bed view, and lists the owners of published test beds (public)', async () => {
      const region = await factory.organization('region', { name: 'Region Ägarprovet' });
      const municipality = await factory.organization('municipality', {
        name: 'Ägarprovets kommun',
        parentId: region.id,
      });
      const manager = await factory.member(region.id, 'manager');
      const inMunicipality = await factory.member(municipality.id, 'manager');
      const published = await createTestbed(app, manager.token, region.id, { name: 'Ägarprovets labb' });
      await createTestbed(app, manager.token, region.id, { name: 'Ägarprovets andra labb' });
      const draft = await createTestbed(
        app,
        inMunicipality.token,
        municipality.id,
        { name: 'Ägarprovets utkast' },
        false,
      );

      expect(published.owner).toEqual({ id: region.id, name: 'Region Ägarprovet' });
      expect(draft.owner).toEqual({ id: municipality.id, name: 'Ägarprovets kommun' });
      expect((await api().get(`/api/v1/testbeds/${published.id}`)).body.owner).toEqual({
        id: region.id,
        name: 'Region Ägarprovet',
      });
      const search = await api().get('/api/v1/testbeds').query({ q: 'Ägarprovets' });
      expect(search.body.items.map((item: { owner: unknown }) => item.owner)).toEqual([
        { id: region.id, name: 'Region Ägarprovet' },
        { id: region.id, name: 'Region Ägarprovet' },
      ]);

      const owners = await api().get('/api/v1/testbed-owners');
      expect(owners.status).toBe(200);
      expect(owners.body.items).toContainEqual({ id: region.id, name: 'Region Ägarprovet', testbeds: 2 });
      // A draft does not make its organization an owner in the public catalogue.
      expect(owners.body.items.map((item: { id: string }) => item.id)).not.toContain(municipality.id);
      const names = owners.body.items.map((item: { name: string }) => item.name);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
    });
  });
});
