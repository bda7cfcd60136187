import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccessWorld, expectAccess } from '../../access-matrix.js';
import { createApiApp } from '../../api-app.js';
import { createTestbed, daysFromNow } from '../../catalogue-fixtures.js';

// Issue 12, findings 4 (the organization feed follows the policy), 5 (feed tokens
// expire, stop with their creator's role, are listed and revocable) and 10 (no bare CR in a feed).
describe('Calendar feeds and their tokens', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let regionId: string;
  let otherRegionId: string;
  let admin: TestUser;
  let manager: TestUser;
  let secondManager: TestUser;
  let member: TestUser;
  let company: TestUser;
  let companyMember: TestUser;
  let companyId: string;
  let testbedId: string;
  let bookingId: string;
  const api = () => request(app.getHttpServer());
  const as = (user: TestUser) => `Bearer ${user.token}`;
  const db = () => app.get(DataSource);
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
  const setRole = (user: TestUser, organizationId: string, role: string) =>
    db().query('UPDATE memberships SET role = $3 WHERE user_id = $1 AND organization_id = $2', [
      user.id,
      organizationId,
      role,
    ]);

  beforeAll(async () => {
    app = await createApiApp({ env: { CALENDAR_FEED_TOKEN_TTL_DAYS: '30' } });
    factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    regionId = region.id;
    otherRegionId = (await factory.organization('region')).id;
    [admin, manager, secondManager, member] = await Promise.all([
      factory.member(regionId, 'admin'),
      factory.member(regionId, 'manager'),
      factory.member(regionId, 'manager'),
      factory.member(regionId, 'member'),
    ]);
    companyId = (await factory.organization('company', { name: 'Flödesbolaget AB' })).id;
    [company, companyMember] = await Promise.all([
      factory.member(companyId, 'admin'),
      factory.member(companyId, 'member'),
    ]);
    testbedId = (
      await createTestbed(app, manager.token, regionId, {
        name: 'Flödeslabbet',
        rules: {
          requiresApproval: false,
          minLeadDays: 1,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 5,
          decisionDays: 5,
        },
      })
    ).id;
    const slots = await api()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set('Authorization', as(manager))
      .send({ startsAt: daysFromNow(25, 8), endsAt: daysFromNow(25, 16), capacity: 2 });
    bookingId = (
      await api()
        .post(`/api/v1/slots/${slots.body.items[0].id}/bookings`)
        .set('Authorization', as(company))
        .send({ title: 'Hemlig pilot' })
    ).body.id;
  });
  afterAll(() => app.close());

  describe('finding 4: an organization’s feed is for its managers and admins', () => {
    it('refuses a plain member of the region, and of the company, with 403', async () => {
      const plain = await api().get(`/api/v1/organizations/${regionId}/calendar.ics`).set('Authorization', as(member));
      expect(plain.status).toBe(403);
      expect(plain.text).not.toContain('Hemlig pilot');
      expect(
        (await api().get(`/api/v1/organizations/${companyId}/calendar.ics`).set('Authorization', as(companyMember)))
          .status,
      ).toBe(403);
      expect(
        (await api().post(`/api/v1/organizations/${regionId}/calendar-tokens`).set('Authorization', as(member))).status,
      ).toBe(403);
    });

    it('still gives managers and admins the feed', async () => {
      for (const user of [manager, admin]) {
        const response = await api()
          .get(`/api/v1/organizations/${regionId}/calendar.ics`)
          .set('Authorization', as(user));
        expect(response.status).toBe(200);
        expect(response.text).toContain('Flödesbolaget AB at Flödeslabbet: Hemlig pilot');
      }
      expect(
        (await api().get(`/api/v1/organizations/${companyId}/calendar.ics`).set('Authorization', as(company))).status,
      ).toBe(200);
    });
  });

  describe('finding 5: feed tokens', () => {
    it('expire after CALENDAR_FEED_TOKEN_TTL_DAYS, and an expired one opens nothing', async () => {
      const created = await api()
        .post(`/api/v1/testbeds/${testbedId}/calendar-tokens`)
        .set('Authorization', as(manager));
      expect(created.status).toBe(201);
      const days = (new Date(created.body.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
      expect((await api().get(pathOf(created.body.url))).status).toBe(200);
      await db().query(`UPDATE calendar_feed_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [
        created.body.id,
      ]);
      const expired = await api().get(pathOf(created.body.url));
      expect(expired.status).toBe(401);
      expect(expired.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('stop when their creator loses the role, checked at each use', async () => {
      const created = await api()
        .post(`/api/v1/organizations/${regionId}/calendar-tokens`)
        .set('Authorization', as(secondManager));
      const feed = pathOf(created.body.url);
      expect((await api().get(feed)).status).toBe(200);
      await setRole(secondManager, regionId, 'member');
      expect((await api().get(feed)).status).toBe(401);
      await setRole(secondManager, regionId, 'manager');
      expect((await api().get(feed)).status).toBe(200);

      const onTestbed = await api()
        .post(`/api/v1/testbeds/${testbedId}/calendar-tokens`)
        .set('Authorization', as(secondManager));
      expect((await api().get(pathOf(onTestbed.body.url))).status).toBe(200);
      await db().query('DELETE FROM memberships WHERE user_id = $1 AND organization_id = $2', [
        secondManager.id,
        regionId,
      ]);
      expect((await api().get(pathOf(onTestbed.body.url))).status).toBe(401);
      expect((await api().get(feed)).status).toBe(401);
      await db().query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, 'manager')`, [
        secondManager.id,
        regionId,
      ]);
    });

    it('are listed: all of them for the organization’s admins, one’s own for a manager, with their status', async () => {
      const mine = await api().post(`/api/v1/testbeds/${testbedId}/calendar-tokens`).set('Authorization', as(manager));
      const theirs = await api()
        .post(`/api/v1/organizations/${regionId}/calendar-tokens`)
        .set('Authorization', as(secondManager));
      await setRole(secondManager, regionId, 'member');
      try {
        const all = await api()
          .get(`/api/v1/organizations/${regionId}/calendar-tokens`)
          .set('Authorization', as(admin));
        expect(all.status).toBe(200);
        const byId = new Map(
          (
            all.body.items as Array<{
              id: string;
              status: string;
              createdByUserId: string;
              scope: string;
              tokenPrefix: string;
              expiresAt: string;
            }>
          ).map((item) => [item.id, item]),
        );
        expect(byId.get(mine.body.id)).toMatchObject({
          status: 'active',
          scope: 'testbed',
          createdByUserId: manager.id,
          tokenPrefix: mine.body.token.slice(0, 10),
        });
        expect(byId.get(theirs.body.id)).toMatchObject({
          status: 'stopped',
          scope: 'organization',
          createdByUserId: secondManager.id,
        });
        expect([...byId.values()].some((item) => item.status === 'expired')).toBe(true);
        expect(JSON.stringify(all.body)).not.toContain(mine.body.token);

        const own = await api().get(`/api/v1/testbeds/${testbedId}/calendar-tokens`).set('Authorization', as(manager));
        expect(own.status).toBe(200);
        expect(own.body.items.length).toBeGreaterThan(0);
        expect(own.body.items.every((item: { createdByUserId: string }) => item.createdByUserId === manager.id)).toBe(
          true,
        );

        expect(
          (await api().get(`/api/v1/organizations/${regionId}/calendar-tokens`).set('Authorization', as(member)))
            .status,
        ).toBe(403);
        expect(
          (await api().get(`/api/v1/organizations/${regionId}/calendar-tokens`).set('Authorization', as(company)))
            .status,
        ).toBe(403);
        expect((await api().get(`/api/v1/organizations/${regionId}/calendar-tokens`)).status).toBe(401);
        const apiToken = await factory.apiToken(regionId, 'admin');
        expect(
          (
            await api()
              .get(`/api/v1/organizations/${regionId}/calendar-tokens`)
              .set('Authorization', `Bearer ${apiToken}`)
          ).status,
        ).toBe(403);
      } finally {
        await setRole(secondManager, regionId, 'manager');
      }
    });

    it('are revoked by their creator or any admin of the organization, by no one else', async () => {
      const created = await api()
        .post(`/api/v1/testbeds/${testbedId}/calendar-tokens`)
        .set('Authorization', as(manager));
      const feed = pathOf(created.body.url);
      const otherAdmin = await factory.member(otherRegionId, 'admin');
      expect(
        (
          await api()
            .delete(`/api/v1/testbeds/${testbedId}/calendar-tokens/${created.body.id}`)
            .set('Authorization', as(secondManager))
        ).status,
      ).toBe(403);
      expect(
        (await api().delete(`/api/v1/calendar-tokens/${created.body.id}`).set('Authorization', as(otherAdmin))).status,
      ).toBe(404);
      expect(
        (
          await api()
            .delete(`/api/v1/organizations/${otherRegionId}/calendar-tokens/${created.body.id}`)
            .set('Authorization', as(otherAdmin))
        ).status,
      ).toBe(404);
      expect((await api().get(feed)).status).toBe(200);
      expect(
        (
          await api()
            .delete(`/api/v1/organizations/${regionId}/calendar-tokens/${created.body.id}`)
            .set('Authorization', as(admin))
        ).status,
      ).toBe(204);
      expect((await api().get(feed)).status).toBe(401);
      const listed = await api().get(`/api/v1/testbeds/${testbedId}/calendar-tokens`).set('Authorization', as(manager));
      expect(listed.body.items.find((item: { id: string }) => item.id === created.body.id)).toMatchObject({
        status: 'revoked',
        revokedAt: expect.any(String),
      });

      const own = await api()
        .post(`/api/v1/organizations/${regionId}/calendar-tokens`)
        .set('Authorization', as(secondManager));
      expect(
        (await api().delete(`/api/v1/calendar-tokens/${own.body.id}`).set('Authorization', as(secondManager))).status,
      ).toBe(204);
      expect((await api().get(pathOf(own.body.url))).status).toBe(401);
    });

    it('follow the access matrix on the list and revoke routes under the organization and the test bed', async () => {
      const [companyWorld, regionWorld] = await Promise.all([
        createAccessWorld(app, { kind: 'company', apiTokenRole: 'admin' }),
        createAccessWorld(app, { kind: 'region', apiTokenRole: 'admin' }),
      ]);
      const bedId = (await createTestbed(app, regionWorld.users.manager.token, regionWorld.organization.id)).id;
      const tokenBy = async (path: string, user: TestUser) =>
        (await api().post(path).set('Authorization', as(user))).body.id as string;
      const orgPath = `/api/v1/organizations/${companyWorld.organization.id}/calendar-tokens`;
      const bedPath = `/api/v1/testbeds/${bedId}/calendar-tokens`;
      await expectAccess(app, companyWorld, () => ({ method: 'get', path: orgPath }), {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        member: 403,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 403,
      });
      await expectAccess(app, regionWorld, () => ({ method: 'get', path: bedPath }), {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        member: 403,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 403,
      });
      await expectAccess(
        app,
        companyWorld,
        async () => ({ method: 'delete', path: `${orgPath}/${await tokenBy(orgPath, companyWorld.users.manager)}` }),
        {
          anonymous: 401,
          otherCompanyMember: 404,
          otherRegionManager: 404,
          member: 403,
          manager: 204,
          admin: 204,
          platformAdmin: 204,
          apiToken: 403,
        },
      );
      await expectAccess(
        app,
        regionWorld,
        async () => ({ method: 'delete', path: `${bedPath}/${await tokenBy(bedPath, regionWorld.users.admin)}` }),
        {
          anonymous: 401,
          otherCompanyMember: 404,
          otherRegionManager: 404,
          member: 403,
          manager: 403,
          admin: 204,
          platformAdmin: 204,
          apiToken: 403,
        },
      );
    });

    it('are documented in the OpenAPI document', async () => {
      const paths = (await api().get('/docs-json')).body.paths as Record<string, Record<string, unknown>>;
      expect(Object.keys(paths['/api/v1/organizations/{id}/calendar-tokens'] ?? {})).toEqual(
        expect.arrayContaining(['get', 'post']),
      );
      expect(Object.keys(paths['/api/v1/testbeds/{id}/calendar-tokens/{tokenId}'] ?? {})).toEqual(['delete']);
    });
  });

  describe('finding 10: iCalendar text', () => {
    it('carries no bare CR or other control character from a stored title', async () => {
      await db().query(`UPDATE bookings SET title = $2 WHERE id = $1`, [bookingId, 'Hemlig\rBEGIN:VALARM\u0007 pilot']);
      const response = await api().get(`/api/v1/testbeds/${testbedId}/calendar.ics`).set('Authorization', as(manager));
      expect(response.status).toBe(200);
      const withoutLineEnds = response.text.replace(/\r\n/g, '');
      expect(withoutLineEnds).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
      expect(response.text).not.toMatch(/\r\nBEGIN:VALARM/);
    });
  });
});
