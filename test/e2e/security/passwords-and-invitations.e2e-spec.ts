// Issue 12, findings 6 and 9, with a real worker and SMTP server:
//  6. An organization admin could attach any existing account by e-mail and
//     learn its name; a person added without a password could never sign in.
//     Now an existing account gets an invitation it must accept (202, nothing
//     of the account shown or granted before), and a new person gets a link.
//  9. There was no way to change or reset a password.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../../worker-app.js';
import { createApiApp } from '../../api-app.js';
import { startSmtpReceiver, type ReceivedMail } from '../../smtp-receiver.js';

const PUBLIC_URL = 'https://slussen.test';
const NEW_PASSWORD = 'ett helt nytt lösenord 2026';

describe('security: passwords and invitations by e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
  let app: NestExpressApplication;
  let worker: INestApplication;
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let factory: IdentityFactory;
  const api = () => request(app.getHttpServer());
  const db = () => app.get(DataSource);

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    database = await isolatedDatabase();
    const env = {
      DATABASE_URL: database.url,
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-pw-${randomUUID().slice(0, 8)}`,
      OUTBOX_POLL_MS: '200',
      THROTTLE_AUTH_ACCOUNT_LIMIT: '4',
    };
    app = await createApiApp({ env });
    worker = await createWorkerApp({ env });
    factory = new IdentityFactory(app);
  }, 120_000);
  afterAll(async () => {
    await worker.close();
    await app.close();
    await smtp.close();
    await database.drop();
  });

  /** The newest e-mail to `to` whose text has the pattern, waiting for the worker to send it. */
  const mailTo = async (
    to: string,
    pattern: RegExp,
    after = 0,
  ): Promise<{ mail: ReceivedMail; match: RegExpMatchArray }> => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const mail = smtp.received
        .slice(after)
        .filter((received) => received.to === to.toLowerCase() && pattern.test(received.text))
        .at(-1);
      if (mail) return { mail, match: mail.text.match(pattern)! };
      if (Date.now() > deadline) throw new Error(`no e-mail to ${to} matching ${pattern}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  };
  const resetLink = /https:\/\/slussen\.test\/reset-password\?token=(slp_[\w-]+)/;
  const invitationLink = /https:\/\/slussen\.test\/invitations\/(sli_[\w-]+)/;
  const login = (email: string, password: string) => api().post('/api/v1/auth/login').send({ email, password });
  const me = (token: string) => api().get('/api/v1/me').set('Authorization', `Bearer ${token}`);

  describe('finding 9: change, forget and reset a password', () => {
    it('answers 202 for any address, and e-mails a single-use link only to an account’s owner, in their language', async () => {
      const user = await factory.user();
      await db().query(`UPDATE users SET language = 'en' WHERE id = $1`, [user.id]);
      const unknown = `nobody-${randomUUID()}@test.slussen.se`;
      const forKnown = await api().post('/api/v1/auth/password/forgot').send({ email: user.email });
      const forUnknown = await api().post('/api/v1/auth/password/forgot').send({ email: unknown });
      expect([forKnown.status, forUnknown.status]).toEqual([202, 202]);
      expect(forKnown.body).toEqual(forUnknown.body);

      const { mail, match } = await mailTo(user.email, resetLink);
      expect(mail.subject).toBe('Choose a new password for Slussen');
      const token = match[1]!;
      // Neither the database nor the outbox holds the token itself.
      const [{ stored }] = await db().query(
        `SELECT count(*)::int AS stored FROM password_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex') AND expires_at <= now() + interval '30 minutes 5 seconds'`,
        [token],
      );
      expect(stored).toBe(1);
      expect(
        await db().query(
          `SELECT 1 FROM outbox_messages WHERE payload::text LIKE '%' || $1 || '%' UNION ALL SELECT 1 FROM password_tokens WHERE token_hash = $1`,
          [token],
        ),
      ).toEqual([]);
      expect(smtp.received.some((received) => received.to === unknown)).toBe(false);
    });

    it('sets the password through the link once, ending every session; a used or expired link is 400', async () => {
      const user = await factory.user();
      const before = await login(user.email, user.password);
      expect(before.status).toBe(200);
      await api().post('/api/v1/auth/password/forgot').send({ email: user.email }).expect(202);
      const token = (await mailTo(user.email, resetLink)).match[1]!;

      expect((await api().post('/api/v1/auth/password/reset').send({ token, password: NEW_PASSWORD })).status).toBe(
        204,
      );
      expect((await me(before.body.accessToken)).status).toBe(401);
      expect((await api().post('/api/v1/auth/refresh').send({ refreshToken: before.body.refreshToken })).status).toBe(
        401,
      );
      expect((await login(user.email, user.password)).status).toBe(401);
      expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);

      const again = await api()
        .post('/api/v1/auth/password/reset')
        .send({ token, password: 'ett tredje lösenord 2026' });
      expect(again.status).toBe(400);
      expect(again.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);

      const sentBefore = smtp.received.length;
      await api().post('/api/v1/auth/password/forgot').send({ email: user.email }).expect(202);
      const late = (await mailTo(user.email, resetLink, sentBefore)).match[1]!;
      expect(late).not.toBe(token);
      await db().query(
        `UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
        [late],
      );
      expect(
        (await api().post('/api/v1/auth/password/reset').send({ token: late, password: 'ett tredje lösenord 2026' }))
          .status,
      ).toBe(400);
    });

    it('changes the signed-in person’s password with the current one, ending their other sessions only', async () => {
      const user = await factory.user();
      const here = await login(user.email, user.password);
      const elsewhere = await login(user.email, user.password);
      const change = (body: object, token = here.body.accessToken) =>
        api().post('/api/v1/me/password').set('Authorization', `Bearer ${token}`).send(body);

      const wrong = await change({ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
      expect((await change({ currentPassword: user.password, newPassword: 'short' })).status).toBe(400);

      expect((await change({ currentPassword: user.password, newPassword: NEW_PASSWORD })).status).toBe(204);
      expect((await me(here.body.accessToken)).status).toBe(200);
      expect((await me(elsewhere.body.accessToken)).status).toBe(401);
      expect(
        (await api().post('/api/v1/auth/refresh').send({ refreshToken: elsewhere.body.refreshToken })).status,
      ).toBe(401);
      expect((await api().post('/api/v1/auth/refresh').send({ refreshToken: here.body.refreshToken })).status).toBe(
        200,
      );
      expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
    });

    it('refuses an API token (403), and throttles guesses at the current password', async () => {
      const organizationId = (await factory.organization('company')).id;
      const token = await factory.apiToken(organizationId, 'admin');
      expect(
        (
          await api()
            .post('/api/v1/me/password')
            .set('Authorization', `Bearer ${token}`)
            .send({ currentPassword: 'x', newPassword: NEW_PASSWORD })
        ).status,
      ).toBe(403);

      const user = await factory.user();
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (
            await api()
              .post('/api/v1/me/password')
              .set('Authorization', `Bearer ${user.token}`)
              .send({ currentPassword: `guess ${i} at it`, newPassword: NEW_PASSWORD })
          ).status,
        );
      expect(statuses).toEqual([400, 400, 400, 400, 429]);
    });

    it('throttles forgotten-password requests per address like login', async () => {
      const user = await factory.user();
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await api().post('/api/v1/auth/password/forgot').send({ email: user.email })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 429]);
    });
  });

  describe('finding 6: adding an address that has an account invites its owner', () => {
    let organizationId: string;
    let admin: TestUser;

    beforeAll(async () => {
      organizationId = (await factory.organization('company', { name: 'Inbjudarbolaget AB' })).id;
      admin = await factory.member(organizationId, 'admin');
    });

    const add = (email: string, extra: object = {}) =>
      api()
        .post(`/api/v1/organizations/${organizationId}/members`)
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email, name: 'Namn Som Admin Skrev', role: 'manager', ...extra });
    const members = async () =>
      (
        await api().get(`/api/v1/organizations/${organizationId}/members`).set('Authorization', `Bearer ${admin.token}`)
      ).body.items.map((item: { userId: string }) => item.userId);

    it('shows nothing of the account and grants nothing until its owner accepts the e-mailed invitation', async () => {
      const invitee = await factory.user();
      const added = await add(invitee.email.toUpperCase(), { password: 'chosen by the admin, ignored' });
      expect(added.status).toBe(202);
      expect(added.body).toEqual({ invitationId: expect.any(String) });
      expect(await members()).not.toContain(invitee.id);
      expect((await me(invitee.token)).body.memberships).toEqual([]);
      expect((await login(invitee.email, 'chosen by the admin, ignored')).status).toBe(401);
      const audit = await api()
        .get(`/api/v1/organizations/${organizationId}/audit`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(JSON.stringify(audit.body)).not.toContain(invitee.id);

      const { mail, match } = await mailTo(invitee.email, invitationLink);
      expect(mail.subject).toBe('Inbjudan till Inbjudarbolaget AB i Slussen');
      const token = match[1]!;

      const listed = await api().get('/api/v1/me/invitations').set('Authorization', `Bearer ${invitee.token}`);
      expect(listed.body.items).toEqual([
        expect.objectContaining({
          id: added.body.invitationId,
          organizationId,
          organizationName: 'Inbjudarbolaget AB',
          role: 'manager',
        }),
      ]);

      // Only the invitee may use the link, signed in; anyone else learns nothing.
      const stranger = await factory.user();
      expect(
        (
          await api()
            .post('/api/v1/invitations/accept')
            .set('Authorization', `Bearer ${stranger.token}`)
            .send({ token })
        ).status,
      ).toBe(404);
      expect((await api().post('/api/v1/invitations/accept').send({ token })).status).toBe(401);

      const accepted = await api()
        .post('/api/v1/invitations/accept')
        .set('Authorization', `Bearer ${invitee.token}`)
        .send({ token });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toEqual({ organizationId, role: 'manager' });
      expect(await members()).toContain(invitee.id);
      expect(
        (await api().post('/api/v1/invitations/accept').set('Authorization', `Bearer ${invitee.token}`).send({ token }))
          .status,
      ).toBe(404);
    });

    it('lets the invitee decline, and the admins list and withdraw what is pending', async () => {
      const invitee = await factory.user();
      const declined = (await add(invitee.email)).body.invitationId as string;
      expect(
        (await api().post(`/api/v1/me/invitations/${declined}/decline`).set('Authorization', `Bearer ${invitee.token}`))
          .status,
      ).toBe(204);
      expect(
        (await api().post(`/api/v1/me/invitations/${declined}/accept`).set('Authorization', `Bearer ${invitee.token}`))
          .status,
      ).toBe(404);

      const withdrawn = (await add(invitee.email)).body.invitationId as string;
      const pending = await api()
        .get(`/api/v1/organizations/${organizationId}/invitations`)
        .set('Authorization', `Bearer ${admin.token}`);
      expect(pending.body.items).toEqual([
        expect.objectContaining({ id: withdrawn, email: invitee.email, role: 'manager' }),
      ]);
      expect(JSON.stringify(pending.body)).not.toContain(invitee.id);
      expect(
        (
          await api()
            .delete(`/api/v1/organizations/${organizationId}/invitations/${withdrawn}`)
            .set('Authorization', `Bearer ${admin.token}`)
        ).status,
      ).toBe(204);
      expect(
        (await api().post(`/api/v1/me/invitations/${withdrawn}/accept`).set('Authorization', `Bearer ${invitee.token}`))
          .status,
      ).toBe(404);
      expect(await members()).not.toContain(invitee.id);
    });

    it('e-mails a new person added without a password a link to choose one, so they can sign in', async () => {
      const email = `ny-${randomUUID()}@test.slussen.se`;
      const added = await add(email);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ organizationId, email, role: 'manager' });
      const { mail, match } = await mailTo(email, resetLink);
      expect(mail.subject).toBe('Välkommen till Inbjudarbolaget AB i Slussen');
      expect(
        (await api().post('/api/v1/auth/password/reset').send({ token: match[1], password: NEW_PASSWORD })).status,
      ).toBe(204);
      const signedIn = await login(email, NEW_PASSWORD);
      expect(signedIn.status).toBe(200);
      expect((await me(signedIn.body.accessToken)).body.memberships).toEqual([
        expect.objectContaining({ organizationId, role: 'manager' }),
      ]);
    });
  });
});
