import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createApiApp } from '../api-app.js';

describe('organizations, members, API tokens and the audit log', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let platformAdmin: TestUser;
  const as = (user: { token: string } | string) => `Bearer ${typeof user === 'string' ? user : user.token}`;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createApiApp();
    factory = new IdentityFactory(app);
    platformAdmin = await factory.user({ platformAdmin: true });
  });
  afterAll(() => app.close());

  describe('organizations', () => {
    it('lets a platform admin create a region and a municipality inside it', async () => {
      const region = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Västra Götalandsregionen', kind: 'region', orgNumber: `23${String(Date.now()).slice(-8)}` });
      expect(region.status).toBe(201);
      expect(region.body).toMatchObject({
        id: expect.any(String),
        name: 'Västra Götalandsregionen',
        kind: 'region',
        parentId: null,
      });

      const municipality = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Göteborgs Stad', kind: 'municipality', parentId: region.body.id });
      expect(municipality.status).toBe(201);
      expect(municipality.body.parentId).toBe(region.body.id);
    });

    it('refuses a parent that is not a region, or a parent for anything but a municipality', async () => {
      const company = await factory.organization('company');
      const region = await factory.organization('region');
      const underCompany = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'X', kind: 'municipality', parentId: company.id });
      expect(underCompany.status).toBe(400);
      expect(underCompany.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);
      const agencyUnderRegion = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Y', kind: 'agency', parentId: region.id });
      expect(agencyUnderRegion.status).toBe(400);
      const unknownParent = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Z', kind: 'municipality', parentId: randomUUID() });
      expect(unknownParent.status).toBe(400);
      const badKind = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Z', kind: 'church' });
      expect(badKind.status).toBe(400);
    });

    it('refuses a second organization with the same organisationsnummer with 409', async () => {
      const number = `21${String(Date.now()).slice(-8)}`;
      expect(
        (
          await api()
            .post('/api/v1/organizations')
            .set('Authorization', as(platformAdmin))
            .send({ name: 'A', kind: 'agency', orgNumber: number })
        ).status,
      ).toBe(201);
      const again = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'B', kind: 'agency', orgNumber: `${number.slice(0, 6)}-${number.slice(6)}` });
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('organization number');
    });

    it('lists public bodies and the caller’s own companies, never another company', async () => {
      const mine = await factory.organization('company');
      const theirs = await factory.organization('company');
      const region = await factory.organization('region');
      const me = await factory.member(mine.id, 'member');

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await api()
          .get('/api/v1/organizations')
          .query({ limit: 3, ...(cursor ? { cursor } : {}) })
          .set('Authorization', as(me));
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.body.items.map((item: { id: string; kind: string }) => item.id));
        for (const item of page.body.items) expect(item.kind !== 'company' || item.id === mine.id).toBe(true);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining([mine.id, region.id]));
      expect(seen).not.toContain(theirs.id);

      // Other test files add companies to the same database: read every page.
      const companies: string[] = [];
      let next: string | null = null;
      do {
        const page: request.Response = await api()
          .get('/api/v1/organizations')
          .query({ limit: 200, kind: 'company', ...(next ? { cursor: next } : {}) })
          .set('Authorization', as(platformAdmin));
        companies.push(...page.body.items.map((item: { id: string }) => item.id));
        next = page.body.nextCursor;
      } while (next);
      expect(companies).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    });

    it('answers 404 for another company, a bad cursor with 400, and a bad id with 400', async () => {
      const theirs = await factory.organization('company');
      const me = await factory.member((await factory.organization('company')).id, 'admin');
      expect((await api().get(`/api/v1/organizations/${theirs.id}`).set('Authorization', as(me))).status).toBe(404);
      expect(
        (await api().get(`/api/v1/organizations/${randomUUID()}`).set('Authorization', as(platformAdmin))).status,
      ).toBe(404);
      expect(
        (await api().get('/api/v1/organizations').query({ cursor: 'garbage' }).set('Authorization', as(me))).status,
      ).toBe(400);
      expect((await api().get('/api/v1/organizations').query({ limit: 500 }).set('Authorization', as(me))).status).toBe(
        400,
      );
      expect((await api().get('/api/v1/organizations/123').set('Authorization', as(me))).status).toBe(400);
    });
  });

  describe('members', () => {
    it('adds a new user who can then sign in; an existing account is invited instead and keeps its password', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const email = `erik.${randomUUID().slice(0, 8)}@medtech.se`;
      const added = await api()
        .post(`/api/v1/organizations/${company.id}/members`)
        .set('Authorization', as(admin))
        .send({ email, name: 'Erik Lund', role: 'member', password: 'ett bra lösenord här' });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({
        organizationId: company.id,
        userId: expect.any(String),
        email,
        name: 'Erik Lund',
        role: 'member',
      });
      expect((await api().post('/api/v1/auth/login').send({ email, password: 'ett bra lösenord här' })).status).toBe(
        200,
      );

      const other = await factory.organization('company');
      const otherAdmin = await factory.member(other.id, 'admin');
      const again = await api()
        .post(`/api/v1/organizations/${other.id}/members`)
        .set('Authorization', as(otherAdmin))
        .send({
          email: email.toUpperCase(),
          name: 'Someone Else',
          role: 'manager',
          password: 'ett helt annat lösenord',
        });
      expect(again.status).toBe(202);
      expect(again.body).toEqual({ invitationId: expect.any(String) });
      expect((await api().post('/api/v1/auth/login').send({ email, password: 'ett helt annat lösenord' })).status).toBe(
        401,
      );

      const twice = await api()
        .post(`/api/v1/organizations/${company.id}/members`)
        .set('Authorization', as(admin))
        .send({ email, name: 'Erik', role: 'member' });
      expect(twice.status).toBe(409);
    });

    it('lists, changes roles and removes; a removed member loses access at once', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const member = await factory.member(company.id, 'member');

      const list = await api().get(`/api/v1/organizations/${company.id}/members`).set('Authorization', as(admin));
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { userId: string }) => item.userId).sort()).toEqual(
        [admin.id, member.id].sort(),
      );
      expect(list.body.nextCursor).toBeNull();

      const promoted = await api()
        .patch(`/api/v1/organizations/${company.id}/members/${member.id}`)
        .set('Authorization', as(admin))
        .send({ role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(promoted.body.role).toBe('admin');
      expect(
        (await api().get(`/api/v1/organizations/${company.id}/members`).set('Authorization', as(member))).status,
      ).toBe(200);

      expect(
        (await api().delete(`/api/v1/organizations/${company.id}/members/${member.id}`).set('Authorization', as(admin)))
          .status,
      ).toBe(204);
      expect((await api().get(`/api/v1/organizations/${company.id}`).set('Authorization', as(member))).status).toBe(
        404,
      );
      expect(
        (await api().delete(`/api/v1/organizations/${company.id}/members/${member.id}`).set('Authorization', as(admin)))
          .status,
      ).toBe(404);
    });

    it('never leaves an organization without an admin', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const demote = await api()
        .patch(`/api/v1/organizations/${company.id}/members/${admin.id}`)
        .set('Authorization', as(admin))
        .send({ role: 'member' });
      expect(demote.status).toBe(409);
      expect(demote.body.detail).toContain('admin');
      expect(
        (await api().delete(`/api/v1/organizations/${company.id}/members/${admin.id}`).set('Authorization', as(admin)))
          .status,
      ).toBe(409);
    });

    it('lets only one of two admins removing each other at the same moment succeed', async () => {
      for (let round = 0; round < 5; round++) {
        const company = await factory.organization('company');
        const [first, second] = await Promise.all([
          factory.member(company.id, 'admin'),
          factory.member(company.id, 'admin'),
        ]);
        const [a, b] = await Promise.all([
          api().delete(`/api/v1/organizations/${company.id}/members/${second.id}`).set('Authorization', as(first)),
          api().delete(`/api/v1/organizations/${company.id}/members/${first.id}`).set('Authorization', as(second)),
        ]);
        expect([a.status, b.status].sort()).toEqual([204, expect.any(Number)]);
        expect([a.status, b.status].filter((status) => status === 204)).toHaveLength(1);
        const members = await api()
          .get(`/api/v1/organizations/${company.id}/members`)
          .set('Authorization', as(platformAdmin));
        expect(members.body.items.filter((item: { role: string }) => item.role === 'admin')).toHaveLength(1);
      }
    });
  });

  describe('API tokens', () => {
    it('are shown once, act with their role, list without secrets, and stop working when revoked', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const created = await api()
        .post(`/api/v1/organizations/${company.id}/api-tokens`)
        .set('Authorization', as(admin))
        .send({ name: 'Procurement system', role: 'member' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        id: expect.any(String),
        token: expect.stringMatching(/^slt_/),
        name: 'Procurement system',
        role: 'member',
        revokedAt: null,
      });

      const token = created.body.token as string;
      expect((await api().get(`/api/v1/organizations/${company.id}`).set('Authorization', as(token))).status).toBe(200);
      expect(
        (await api().get(`/api/v1/organizations/${company.id}/members`).set('Authorization', as(token))).status,
      ).toBe(403);

      const list = await api().get(`/api/v1/organizations/${company.id}/api-tokens`).set('Authorization', as(admin));
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: created.body.id,
          tokenPrefix: token.slice(0, 10),
          lastUsedAt: expect.any(String),
        }),
      ]);
      expect(JSON.stringify(list.body)).not.toContain(token);

      expect(
        (
          await api()
            .delete(`/api/v1/organizations/${company.id}/api-tokens/${created.body.id}`)
            .set('Authorization', as(admin))
        ).status,
      ).toBe(204);
      expect((await api().get(`/api/v1/organizations/${company.id}`).set('Authorization', as(token))).status).toBe(401);
      expect(
        (
          await api()
            .delete(`/api/v1/organizations/${company.id}/api-tokens/${randomUUID()}`)
            .set('Authorization', as(admin))
        ).status,
      ).toBe(404);
    });
  });

  describe('audit log', () => {
    it('records every change with who, what and the request id; newest first', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const email = `audit.${randomUUID().slice(0, 8)}@medtech.se`;
      const added = await api()
        .post(`/api/v1/organizations/${company.id}/members`)
        .set('Authorization', as(admin))
        .set('X-Request-Id', 'audit-req-1')
        .send({ email, name: 'Ny', role: 'member' });
      await api()
        .patch(`/api/v1/organizations/${company.id}/members/${added.body.userId}`)
        .set('Authorization', as(admin))
        .send({ role: 'manager' });
      const token = await api()
        .post(`/api/v1/organizations/${company.id}/api-tokens`)
        .set('Authorization', as(admin))
        .send({ name: 'CI', role: 'member' });
      await api()
        .delete(`/api/v1/organizations/${company.id}/api-tokens/${token.body.id}`)
        .set('Authorization', as(admin));
      await api()
        .delete(`/api/v1/organizations/${company.id}/members/${added.body.userId}`)
        .set('Authorization', as(admin));

      const log = await api().get(`/api/v1/organizations/${company.id}/audit`).set('Authorization', as(admin));
      expect(log.status).toBe(200);
      expect(log.body.items.map((entry: { action: string }) => entry.action)).toEqual([
        'member.remove',
        'api-token.revoke',
        'api-token.create',
        'member.change-role',
        'member.add',
      ]);
      expect(log.body.items.at(-1)).toMatchObject({
        organizationId: company.id,
        subjectType: 'user',
        subjectId: added.body.userId,
        actor: { userId: admin.id, apiTokenId: null },
        details: { email, role: 'member', newUser: true },
        requestId: 'audit-req-1',
      });
      expect(log.body.items[3].details).toEqual({ from: 'member', to: 'manager' });

      const firstPage = await api()
        .get(`/api/v1/organizations/${company.id}/audit`)
        .query({ limit: 2 })
        .set('Authorization', as(admin));
      const secondPage = await api()
        .get(`/api/v1/organizations/${company.id}/audit`)
        .query({ limit: 2, cursor: firstPage.body.nextCursor })
        .set('Authorization', as(admin));
      expect([...firstPage.body.items, ...secondPage.body.items].map((entry: { id: string }) => entry.id)).toEqual(
        log.body.items.slice(0, 4).map((entry: { id: string }) => entry.id),
      );
    });

    it('records the creation of organizations and sign-ups', async () => {
      const created = await api()
        .post('/api/v1/organizations')
        .set('Authorization', as(platformAdmin))
        .send({ name: 'Vinnova-lik myndighet', kind: 'agency' });
      const log = await api()
        .get(`/api/v1/organizations/${created.body.id}/audit`)
        .set('Authorization', as(platformAdmin));
      expect(log.body.items).toEqual([
        expect.objectContaining({
          action: 'organization.create',
          actor: { userId: platformAdmin.id, apiTokenId: null },
        }),
      ]);
    });
  });
});
