// The access matrix of every identity route (see test/access-matrix.ts).
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createAccessWorld, expectAccess, type AccessWorld, type ActorName } from '../access-matrix.js';
import { TEST_PASSWORD } from '@slussen/testing';
import { LinkTokens } from '../../libs/identity/src/link-tokens.js';
import { createApiApp } from '../api-app.js';

describe('identity access matrix', () => {
  let app: NestExpressApplication;
  let company: AccessWorld;
  let region: AccessWorld;

  beforeAll(async () => {
    app = await createApiApp();
    // The company's API token has the admin role: routes that change who acts for
    // an organization refuse it because it is a token (PersonOnly), not for its role.
    [company, region] = await Promise.all([
      createAccessWorld(app, { kind: 'company', apiTokenRole: 'admin' }),
      createAccessWorld(app, { kind: 'region' }),
    ]);
  });
  afterAll(() => app.close());

  /** A fresh member to change or remove, one per caller. */
  const freshMember = async (world: AccessWorld) => (await world.factory.member(world.organization.id, 'member')).id;
  const freshToken = async (world: AccessWorld) => {
    const { body } = await request(app.getHttpServer())
      .post(`/api/v1/organizations/${world.organization.id}/api-tokens`)
      .set('Authorization', `Bearer ${world.users.admin.token}`)
      .send({ name: 'to revoke', role: 'member' });
    return body.id as string;
  };
  const newMember = (actor: ActorName) => ({
    email: `new-${actor}-${randomUUID()}@test.slussen.se`,
    name: 'New Member',
    role: 'member',
  });
  /** An invitation of the company world's member to a fresh organization, by a platform admin. */
  const invitationOfMember = async (world: AccessWorld) => {
    const target = (await world.factory.organization('company')).id;
    const { body, status } = await request(app.getHttpServer())
      .post(`/api/v1/organizations/${target}/members`)
      .set('Authorization', `Bearer ${world.users.platformAdmin.token}`)
      .send({ email: world.users.member.email, name: 'Invited', role: 'member' });
    if (status !== 202) throw new Error(`inviting answered ${status}`);
    return body.invitationId as string;
  };

  it('GET /me', async () => {
    await expectAccess(app, company, () => ({ method: 'get', path: '/api/v1/me' }), {
      anonymous: 401,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 403,
    });
  });

  it('POST /organizations: platform admins only', async () => {
    await expectAccess(
      app,
      company,
      () => ({
        method: 'post',
        path: '/api/v1/organizations',
        body: { name: `Region ${randomUUID()}`, kind: 'region' },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 403,
        otherRegionManager: 403,
        member: 403,
        manager: 403,
        admin: 403,
        platformAdmin: 201,
        apiToken: 403,
      },
    );
  });

  it('GET /organizations: anyone signed in', async () => {
    await expectAccess(app, company, () => ({ method: 'get', path: '/api/v1/organizations' }), {
      anonymous: 401,
      otherCompanyMember: 200,
      otherRegionManager: 200,
      member: 200,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  describe('on a company (invisible to outsiders: 404)', () => {
    const outsiders = { anonymous: 401, otherCompanyMember: 404, otherRegionManager: 404 } as const;

    it('GET /organizations/:id', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}` }),
        {
          ...outsiders,
          member: 200,
          manager: 200,
          admin: 200,
          platformAdmin: 200,
          apiToken: 200,
        },
      );
    });

    it('POST /organizations/:id/members', async () => {
      await expectAccess(
        app,
        company,
        (actor) => ({
          method: 'post',
          path: `/api/v1/organizations/${company.organization.id}/members`,
          body: newMember(actor),
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

    it('GET /organizations/:id/members', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}/members` }),
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

    it('PATCH /organizations/:id/members/:userId', async () => {
      await expectAccess(
        app,
        company,
        async () => ({
          method: 'patch',
          path: `/api/v1/organizations/${company.organization.id}/members/${await freshMember(company)}`,
          body: { role: 'manager' },
        }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 403,
        },
      );
    });

    it('DELETE /organizations/:id/members/:userId', async () => {
      await expectAccess(
        app,
        company,
        async () => ({
          method: 'delete',
          path: `/api/v1/organizations/${company.organization.id}/members/${await freshMember(company)}`,
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

    it('POST /organizations/:id/api-tokens', async () => {
      await expectAccess(
        app,
        company,
        () => ({
          method: 'post',
          path: `/api/v1/organizations/${company.organization.id}/api-tokens`,
          body: { name: 'CI', role: 'member' },
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

    it('GET /organizations/:id/api-tokens', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}/api-tokens` }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 403,
        },
      );
    });

    it('DELETE /organizations/:id/api-tokens/:tokenId', async () => {
      await expectAccess(
        app,
        company,
        async () => ({
          method: 'delete',
          path: `/api/v1/organizations/${company.organization.id}/api-tokens/${await freshToken(company)}`,
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

    it('GET /organizations/:id/audit', async () => {
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}/audit` }),
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
  });

  describe('on a region (visible to everyone signed in: outsiders get 403)', () => {
    const outsiders = { anonymous: 401, otherCompanyMember: 403, otherRegionManager: 403 } as const;

    it('GET /organizations/:id', async () => {
      await expectAccess(
        app,
        region,
        () => ({ method: 'get', path: `/api/v1/organizations/${region.organization.id}` }),
        {
          anonymous: 401,
          otherCompanyMember: 200,
          otherRegionManager: 200,
          member: 200,
          manager: 200,
          admin: 200,
          platformAdmin: 200,
          apiToken: 200,
        },
      );
    });

    it('POST /organizations/:id/members', async () => {
      await expectAccess(
        app,
        region,
        (actor) => ({
          method: 'post',
          path: `/api/v1/organizations/${region.organization.id}/members`,
          body: newMember(actor),
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

    it('GET /organizations/:id/members', async () => {
      await expectAccess(
        app,
        region,
        () => ({ method: 'get', path: `/api/v1/organizations/${region.organization.id}/members` }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 403,
        },
      );
    });

    it('DELETE /organizations/:id/members/:userId', async () => {
      await expectAccess(
        app,
        region,
        async () => ({
          method: 'delete',
          path: `/api/v1/organizations/${region.organization.id}/members/${await freshMember(region)}`,
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

    it('POST /organizations/:id/api-tokens', async () => {
      await expectAccess(
        app,
        region,
        () => ({
          method: 'post',
          path: `/api/v1/organizations/${region.organization.id}/api-tokens`,
          body: { name: 'CI', role: 'member' },
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

    it('GET /organizations/:id/audit', async () => {
      await expectAccess(
        app,
        region,
        () => ({ method: 'get', path: `/api/v1/organizations/${region.organization.id}/audit` }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 403,
        },
      );
    });
  });

  describe('passwords (issue 12, finding 9)', () => {
    it('POST /me/password: a signed-in person, not an API token', async () => {
      await expectAccess(
        app,
        company,
        () => ({
          method: 'post',
          path: '/api/v1/me/password',
          body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        }),
        {
          anonymous: 401,
          otherCompanyMember: 204,
          otherRegionManager: 204,
          member: 204,
          manager: 204,
          admin: 204,
          platformAdmin: 204,
          apiToken: 403,
        },
      );
    });

    it('POST /auth/password/forgot: anyone, the same 202 whatever the address', async () => {
      await expectAccess(
        app,
        company,
        (actor) => ({
          method: 'post',
          path: '/api/v1/auth/password/forgot',
          body: { email: `forgot-${actor}-${randomUUID()}@test.slussen.se` },
        }),
        {
          anonymous: 202,
          otherCompanyMember: 202,
          otherRegionManager: 202,
          member: 202,
          manager: 202,
          admin: 202,
          platformAdmin: 202,
          apiToken: 202,
        },
      );
    });

    it('POST /auth/password/reset: the holder of the link only (an unknown token is 400 for all)', async () => {
      await expectAccess(
        app,
        company,
        () => ({
          method: 'post',
          path: '/api/v1/auth/password/reset',
          body: { token: `slp_${randomUUID()}`, password: 'long enough password' },
        }),
        {
          anonymous: 400,
          otherCompanyMember: 400,
          otherRegionManager: 400,
          member: 400,
          manager: 400,
          admin: 400,
          platformAdmin: 400,
          apiToken: 400,
        },
      );
    });
  });

  describe("the person's own account", () => {
    it('PATCH /me: a signed-in person, not an API token', async () => {
      await expectAccess(app, company, () => ({ method: 'patch', path: '/api/v1/me', body: { language: 'sv' } }), {
        anonymous: 401,
        otherCompanyMember: 200,
        otherRegionManager: 200,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 403,
      });
    });

    it('DELETE /me/sessions: a signed-in person, not an API token', async () => {
      // It ends the caller's sessions: a world of its own, so the others' tokens keep working.
      const own = await createAccessWorld(app, { kind: 'company' });
      await expectAccess(app, own, () => ({ method: 'delete', path: '/api/v1/me/sessions' }), {
        anonymous: 401,
        otherCompanyMember: 204,
        otherRegionManager: 204,
        member: 204,
        manager: 204,
        admin: 204,
        platformAdmin: 204,
        apiToken: 403,
      });
    });
  });

  describe('invitations (issue 12, finding 6)', () => {
    const onlyTheInvitee = {
      anonymous: 401,
      otherCompanyMember: 404,
      otherRegionManager: 404,
      manager: 404,
      admin: 404,
      platformAdmin: 404,
      apiToken: 403,
    } as const;

    it('GET /me/invitations: a signed-in person, not an API token', async () => {
      await expectAccess(app, company, () => ({ method: 'get', path: '/api/v1/me/invitations' }), {
        anonymous: 401,
        otherCompanyMember: 200,
        otherRegionManager: 200,
        member: 200,
        manager: 200,
        admin: 200,
        platformAdmin: 200,
        apiToken: 403,
      });
    });

    it('POST /me/invitations/:id/accept and /decline: the invitee only', async () => {
      await expectAccess(
        app,
        company,
        async () => ({ method: 'post', path: `/api/v1/me/invitations/${await invitationOfMember(company)}/accept` }),
        { ...onlyTheInvitee, member: 200 },
      );
      await expectAccess(
        app,
        company,
        async () => ({ method: 'post', path: `/api/v1/me/invitations/${await invitationOfMember(company)}/decline` }),
        { ...onlyTheInvitee, member: 204 },
      );
    });

    it('POST /invitations/accept: the invitee, signed in, with the link’s token', async () => {
      const tokenFor = async () =>
        app.get(LinkTokens, { strict: false }).tokenOf('invitation', await invitationOfMember(company));
      await expectAccess(
        app,
        company,
        async () => ({ method: 'post', path: '/api/v1/invitations/accept', body: { token: await tokenFor() } }),
        { ...onlyTheInvitee, member: 200 },
      );
    });

    it('GET /organizations/:id/invitations and DELETE .../:invitationId: the organization’s admins, in person', async () => {
      const outsiders = { anonymous: 401, otherCompanyMember: 404, otherRegionManager: 404 } as const;
      await expectAccess(
        app,
        company,
        () => ({ method: 'get', path: `/api/v1/organizations/${company.organization.id}/invitations` }),
        {
          ...outsiders,
          member: 403,
          manager: 403,
          admin: 200,
          platformAdmin: 200,
          apiToken: 403,
        },
      );
      const freshInvitation = async () => {
        const invitee = await company.factory.user();
        const { body } = await request(app.getHttpServer())
          .post(`/api/v1/organizations/${company.organization.id}/members`)
          .set('Authorization', `Bearer ${company.users.admin.token}`)
          .send({ email: invitee.email, name: 'Invited', role: 'member' })
          .expect(202);
        return body.invitationId as string;
      };
      await expectAccess(
        app,
        company,
        async () => ({
          method: 'delete',
          path: `/api/v1/organizations/${company.organization.id}/invitations/${await freshInvitation()}`,
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
});
