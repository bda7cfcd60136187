import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { LinkTokens } from '../../libs/identity/src/link-tokens.js';
import { createApiApp } from '../api-app.js';

// What the web app's administration pages need beyond the first identity routes:
// platform admins find people (GET /users), and an organization's audit log is
// narrowed by who, what and when and names who acted.
describe('administration: finding people and reading the audit log', () => {
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

  describe('GET /users', () => {
    it('finds a person by part of the name or e-mail, any case, with every organization they belong to', async () => {
      const marker = randomUUID().slice(0, 8);
      const region = await factory.organization('region', { name: `Region ${marker}` });
      const company = await factory.organization('company', { name: `Bolaget ${marker} AB` });
      const person = await factory.member(region.id, 'manager', { email: `Hitta.${marker}@Exempel.se` });
      await api()
        .post(`/api/v1/organizations/${company.id}/members`)
        .set('Authorization', as(platformAdmin))
        .send({ email: `other.${marker}@exempel.se`, name: 'Annan', role: 'member' })
        .expect(201);
      const admin = await factory.member(company.id, 'admin');
      // The person joins the company too (as a platform admin adds them: an invitation for an existing account).
      await api()
        .post(`/api/v1/organizations/${company.id}/members`)
        .set('Authorization', as(admin))
        .send({ email: person.email, name: 'x', role: 'member' })
        .expect(202);

      const byEmail = await api()
        .get('/api/v1/users')
        .query({ q: `hitta.${marker.toUpperCase()}` })
        .set('Authorization', as(platformAdmin));
      expect(byEmail.status).toBe(200);
      expect(byEmail.body.items).toEqual([
        expect.objectContaining({
          id: person.id,
          email: person.email,
          platformAdmin: false,
          memberships: [
            { organizationId: region.id, organizationName: `Region ${marker}`, kind: 'region', role: 'manager' },
          ],
        }),
      ]);
      expect(byEmail.body.nextCursor).toBeNull();
      expect(byEmail.body.items[0]).not.toHaveProperty('passwordHash');
    });

    it('treats % and _ as letters, and pages by name without repeating anyone', async () => {
      const marker = randomUUID().slice(0, 8);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await factory.user({ email: `pages_${marker}_${i}@exempel.se` })).id);
      expect(
        (await api().get('/api/v1/users').query({ q: '%%' }).set('Authorization', as(platformAdmin))).body.items,
      ).toEqual([]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: request.Response = await api()
          .get('/api/v1/users')
          .query({ q: `pages_${marker}`, limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', as(platformAdmin));
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...ids].sort());
    });

    it('is for platform admins only: others, even org admins, get 403; API tokens 403; bad input 400', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      expect((await api().get('/api/v1/users').set('Authorization', as(admin))).status).toBe(403);
      expect(
        (
          await api()
            .get('/api/v1/users')
            .set('Authorization', as(await factory.apiToken(company.id, 'admin')))
        ).status,
      ).toBe(403);
      expect((await api().get('/api/v1/users')).status).toBe(401);
      const short = await api().get('/api/v1/users').query({ q: 'a' }).set('Authorization', as(platformAdmin));
      expect(short.status).toBe(400);
      expect(short.headers['content-type']).toContain('application/problem+json');
      expect(
        (await api().get('/api/v1/users').query({ cursor: 'not-a-cursor' }).set('Authorization', as(platformAdmin)))
          .status,
      ).toBe(400);
    });
  });

  describe('GET /organizations/:id/audit filters', () => {
    it('narrows by who, what and when, names who acted, and pages within the filter', async () => {
      const company = await factory.organization('company');
      const first = await factory.member(company.id, 'admin');
      const second = await factory.member(company.id, 'admin');
      const before = new Date(Date.now() - 1000).toISOString();
      for (let i = 0; i < 3; i++) {
        await api()
          .post(`/api/v1/organizations/${company.id}/members`)
          .set('Authorization', as(first))
          .send({ email: `a${i}.${randomUUID().slice(0, 6)}@exempel.se`, name: `A ${i}`, role: 'member' })
          .expect(201);
      }
      const token = await api()
        .post(`/api/v1/organizations/${company.id}/api-tokens`)
        .set('Authorization', as(second))
        .send({ name: 'Integration', role: 'member' });
      expect(token.status).toBe(201);
      const log = (query: Record<string, string | number>) =>
        api().get(`/api/v1/organizations/${company.id}/audit`).query(query).set('Authorization', as(first));

      const all = await log({});
      expect(all.body.items.map((entry: { action: string }) => entry.action)).toEqual([
        'api-token.create',
        'member.add',
        'member.add',
        'member.add',
      ]);
      expect(all.body.items[0]).toMatchObject({
        actor: { userId: second.id, apiTokenId: null },
        actorName: 'Test User',
        actorEmail: second.email,
      });

      const byWho = await log({ actorUserId: second.id });
      expect(byWho.body.items.map((entry: { action: string }) => entry.action)).toEqual(['api-token.create']);
      const byWhat = await log({ action: 'member' });
      expect(byWhat.body.items).toHaveLength(3);
      expect((await log({ action: 'member.add' })).body.items).toHaveLength(3);
      expect((await log({ action: 'member.remove' })).body.items).toHaveLength(0);
      // `member` is a subject, not a prefix of any word: `mem` finds nothing.
      expect((await log({ action: 'mem' })).body.items).toHaveLength(0);

      expect((await log({ from: before })).body.items).toHaveLength(4);
      expect((await log({ to: before })).body.items).toHaveLength(0);
      expect((await log({ from: new Date(Date.now() + 60_000).toISOString() })).body.items).toHaveLength(0);

      const firstPage = await log({ action: 'member', limit: 2 });
      expect(firstPage.body.items).toHaveLength(2);
      const secondPage = await log({ action: 'member', limit: 2, cursor: firstPage.body.nextCursor });
      expect(secondPage.body.items).toHaveLength(1);
      expect(secondPage.body.nextCursor).toBeNull();
    });

    it('names everyone "who" can be: members and former members who acted, for its admins only', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const leaving = await factory.member(company.id, 'admin');
      const quiet = await factory.member(company.id, 'member');
      const member = await factory.member(company.id, 'member');
      await api()
        .post(`/api/v1/organizations/${company.id}/api-tokens`)
        .set('Authorization', as(leaving))
        .send({ name: 'Före avgången', role: 'member' })
        .expect(201);
      await api()
        .delete(`/api/v1/organizations/${company.id}/members/${leaving.id}`)
        .set('Authorization', as(admin))
        .expect(204);
      const actors = await api()
        .get(`/api/v1/organizations/${company.id}/audit/actors`)
        .set('Authorization', as(admin))
        .expect(200);
      expect(actors.body.items).toEqual(
        expect.arrayContaining([
          { userId: leaving.id, name: 'Test User', email: leaving.email, member: false },
          { userId: quiet.id, name: 'Test User', email: quiet.email, member: true },
          { userId: admin.id, name: 'Test User', email: admin.email, member: true },
        ]),
      );
      expect(actors.body.items).toHaveLength(4);
      // The former member's changes are still found by choosing them.
      const theirs = await api()
        .get(`/api/v1/organizations/${company.id}/audit`)
        .query({ actorUserId: leaving.id })
        .set('Authorization', as(admin));
      expect(theirs.body.items.map((entry: { action: string }) => entry.action)).toEqual(['api-token.create']);
      const stranger = await factory.member((await factory.organization('company')).id, 'admin');
      for (const [who, status] of [
        [member, 403],
        [stranger, 404],
      ] as const)
        expect(
          (await api().get(`/api/v1/organizations/${company.id}/audit/actors`).set('Authorization', as(who))).status,
        ).toBe(status);
    });

    it('refuses bad filters with 400 beside the field', async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      for (const [field, value] of [
        ['action', 'DROP TABLE'],
        ['actorUserId', 'someone'],
        ['from', 'yesterday'],
      ] as const) {
        const bad = await api()
          .get(`/api/v1/organizations/${company.id}/audit`)
          .query({ [field]: value })
          .set('Authorization', as(admin));
        expect(bad.status).toBe(400);
        expect(bad.body.errors).toEqual([expect.objectContaining({ field })]);
      }
    });

    it('is still for the organization’s admins only (members 403, other companies 404)', async () => {
      const company = await factory.organization('company');
      const member = await factory.member(company.id, 'member');
      const stranger = await factory.member((await factory.organization('company')).id, 'admin');
      expect(
        (
          await api()
            .get(`/api/v1/organizations/${company.id}/audit`)
            .query({ action: 'member' })
            .set('Authorization', as(member))
        ).status,
      ).toBe(403);
      expect(
        (
          await api()
            .get(`/api/v1/organizations/${company.id}/audit`)
            .query({ action: 'member' })
            .set('Authorization', as(stranger))
        ).status,
      ).toBe(404);
    });
  });

  describe('POST /invitations/preview', () => {
    it('shows the invitee what the link offers, changes nothing, and is 404 for anyone else or once decided', async () => {
      const region = await factory.organization('region', { name: `Region ${randomUUID().slice(0, 6)}` });
      const admin = await factory.member(region.id, 'admin');
      const invitee = await factory.user();
      const stranger = await factory.user();
      const invited = await api()
        .post(`/api/v1/organizations/${region.id}/members`)
        .set('Authorization', as(admin))
        .send({ email: invitee.email, name: 'x', role: 'manager' });
      expect(invited.status).toBe(202);
      const token = app.get(LinkTokens, { strict: false }).tokenOf('invitation', invited.body.invitationId);
      const preview = (user: TestUser, body: object = { token }) =>
        api().post('/api/v1/invitations/preview').set('Authorization', as(user)).send(body);

      const shown = await preview(invitee);
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({
        id: invited.body.invitationId,
        organizationId: region.id,
        organizationName: region.name,
        organizationKind: 'region',
        role: 'manager',
        invitedByName: 'Test User',
        expiresAt: expect.any(String),
      });
      expect((await preview(invitee)).status).toBe(200);
      expect((await preview(stranger)).status).toBe(404);
      expect((await preview(invitee, { token: 'not-a-token' })).status).toBe(404);
      expect((await preview(invitee, {})).status).toBe(400);
      expect((await api().post('/api/v1/invitations/preview').send({ token })).status).toBe(401);

      expect(
        (await api().post('/api/v1/invitations/accept').set('Authorization', as(invitee)).send({ token })).status,
      ).toBe(200);
      expect((await preview(invitee)).status).toBe(404);
    });
  });

  describe('GET /organizations/:id/webhooks/:webhookId/deliveries', () => {
    it("lists a subscription's recent deliveries newest first, each failure as a short code, for its admins only", async () => {
      const company = await factory.organization('company');
      const admin = await factory.member(company.id, 'admin');
      const member = await factory.member(company.id, 'member');
      const stranger = await factory.member((await factory.organization('company')).id, 'admin');
      const made = await api()
        .post(`/api/v1/organizations/${company.id}/webhooks`)
        .set('Authorization', as(admin))
        .send({ url: 'https://93.184.215.14/slussen-hook', events: ['booking.confirmed'] });
      expect(made.status).toBe(201);
      const path = `/api/v1/organizations/${company.id}/webhooks/${made.body.id}/deliveries`;
      expect((await api().get(path).set('Authorization', as(admin))).body).toEqual({ items: [] });

      const db = app.get(DataSource);
      const [outbox] = await db.query(
        `INSERT INTO outbox_messages (topic, payload, dispatched_at) VALUES ('booking.confirmed', '{}', now()) RETURNING id`,
      );
      const deliver = (status: string, lastError: string | null, minutesAgo: number) =>
        db.query(
          `INSERT INTO deliveries (outbox_id, channel, subscription_id, dedupe_key, recipient, status, attempts, last_error, created_at, sent_at)
           VALUES ($1, 'webhook', $2, $3, $4, $5, 1, $6, now() - make_interval(mins => $7), CASE WHEN $5 = 'sent' THEN now() END)`,
          [
            outbox.id,
            made.body.id,
            `${outbox.id}:webhook:${minutesAgo}`,
            'https://93.184.215.14/slussen-hook',
            status,
            lastError,
            minutesAgo,
          ],
        );
      await deliver('sent', null, 30);
      await deliver('failed', 'timeout', 20);
      await deliver('failed', 'the subscription is gone or disabled', 10);

      const listed = await api().get(path).set('Authorization', as(admin));
      expect(listed.status).toBe(200);
      expect(
        listed.body.items.map((item: { status: string; failure: string | null; event: string }) => [
          item.event,
          item.status,
          item.failure,
        ]),
      ).toEqual([
        ['booking.confirmed', 'failed', 'skipped'],
        ['booking.confirmed', 'failed', 'timeout'],
        ['booking.confirmed', 'sent', null],
      ]);
      expect(listed.body.items[2].sentAt).toEqual(expect.any(String));

      expect((await api().get(path).set('Authorization', as(member))).status).toBe(403);
      expect((await api().get(path).set('Authorization', as(stranger))).status).toBe(404);
      expect(
        (
          await api()
            .get(`/api/v1/organizations/${company.id}/webhooks/${randomUUID()}/deliveries`)
            .set('Authorization', as(admin))
        ).status,
      ).toBe(404);
      const other = await factory.organization('company');
      const otherAdmin = await factory.member(other.id, 'admin');
      expect(
        (
          await api()
            .get(`/api/v1/organizations/${other.id}/webhooks/${made.body.id}/deliveries`)
            .set('Authorization', as(otherAdmin))
        ).status,
      ).toBe(404);
    });
  });
});
