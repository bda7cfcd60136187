// The access matrix of the routes that hand out access to an organization's
// data besides members and API tokens: webhooks and calendar feed tokens
// (see test/access-matrix.ts). Every world's API token has the admin role, so
// a 403 for it comes from the rule that only a person may change who acts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld, type ActorName } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed } from '../catalogue-fixtures.js';

// A public address literal: no DNS needed, and never called (no event fires here).
const HOOK_URL = 'https://93.184.215.14/slussen-hook';

describe('organization access matrix: webhooks and calendar feed tokens', () => {
  let app: NestExpressApplication;
  let company: AccessWorld;
  let region: AccessWorld;
  let testbedId: string;
  const api = () => request(app.getHttpServer());
  const mayChange = (actor: ActorName) => actor === 'admin' || actor === 'platformAdmin';

  beforeAll(async () => {
    app = await createApiApp();
    [company, region] = await Promise.all([
      createAccessWorld(app, { kind: 'company', apiTokenRole: 'admin' }),
      createAccessWorld(app, { kind: 'region', apiTokenRole: 'admin' }),
    ]);
    testbedId = (await createTestbed(app, region.users.manager.token, region.organization.id)).id;
  }, 120_000);
  afterAll(() => app.close());

  describe('webhooks of a company', () => {
    const outsiders = { anonymous: 401, otherCompanyMember: 404, otherRegionManager: 404 } as const;
    /** A subscription to remove for those who may; the others are refused before it is looked up. */
    const webhookFor = async (actor: ActorName) => {
      if (!mayChange(actor)) return randomUUID();
      const response = await api()
        .post(`/api/v1/organizations/${company.organization.id}/webhooks`)
        .set('Authorization', `Bearer ${company.users.admin.token}`)
        .send({ url: HOOK_URL, events: ['*'] });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };

    it('POST /organizations/:id/webhooks', async () => {
      await expectAccess(
        app,
        company,
        () => ({
          method: 'post',
          path: `/api/v1/organizations/${company.organization.id}/webhooks`,
          body: { url: HOOK_URL, events: ['booking.confirmed'] },
        }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 201,
          platformAdmin: 201,
          apiToken: 403,
        },
      );
    });

    it('GET /organizations/:id/webhooks', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}/webhooks` }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 200,
        },
      );
    });

    it('DELETE /organizations/:id/webhooks/:webhookId', async () => {
      await expectAccess(
        app,
        company,
        async (actor) => ({
          method: 'delete',
          path: `/api/v1/organizations/${company.organization.id}/webhooks/${await webhookFor(actor)}`,
        }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 204,
          platformAdmin: 204,
          apiToken: 403,
        },
      );
    });
  });

  describe('calendar feed tokens', () => {
    const feedToken = async (path: string, token: string) => {
      const response = await api().post(path).set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(201);
      return response.body.id as string;
    };

    it('POST /organizations/:id/calendar-tokens', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'post', path: `/api/v1/organizations/${company.organization.id}/calendar-tokens` }),
        {
          anonymous: 401,
          otherCompanyMember: 404,
          otherRegionManager: 404,
          member: 403,
          manager: 201,
          admin: 201,
          platformAdmin: 201,
          apiToken: 403,
        },
      );
    });

    it('DELETE /calendar-tokens/:id of an organization feed', async () => {
      await expectAccess(
        app,
        company,
        async () => ({
          method: 'delete',
          path: `/api/v1/calendar-tokens/${await feedToken(`/api/v1/organizations/${company.organization.id}/calendar-tokens`, company.users.admin.token)}`,
        }),
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

    it('POST /testbeds/:id/calendar-tokens', async () => {
      await expectAccess(
        app,
        region,
        () => ({ method: 'post', path: `/api/v1/testbeds/${testbedId}/calendar-tokens` }),
        {
          anonymous: 401,
          otherCompanyMember: 403,
          otherRegionManager: 403,
          member: 403,
          manager: 201,
          admin: 201,
          platformAdmin: 201,
          apiToken: 403,
        },
      );
    });

    it('DELETE /calendar-tokens/:id of a test bed feed', async () => {
      await expectAccess(
        app,
        region,
        async () => ({
          method: 'delete',
          path: `/api/v1/calendar-tokens/${await feedToken(`/api/v1/testbeds/${testbedId}/calendar-tokens`, region.users.manager.token)}`,
        }),
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
    });
  });
});
