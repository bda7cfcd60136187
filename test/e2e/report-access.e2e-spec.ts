// The access matrix of every report route (see test/access-matrix.ts). The
// world's organization is a region that owns a test bed; reports are read by
// its admins and managers, agencies and platform admins.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ReportBuilderService } from '@slussen/reporting';
import type { TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createAccessWorld, expectAccess, type AccessWorld } from '../access-matrix.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('report access matrix', () => {
  let app: NestExpressApplication;
  let world: AccessWorld;
  let agency: TestUser;
  let testbedId: string;
  const snapshots: Record<string, string> = {};

  beforeAll(async () => {
    app = await createApiApp();
    world = await createAccessWorld(app, { kind: 'region', apiTokenRole: 'manager' });
    agency = await world.factory.member((await world.factory.organization('agency')).id, 'member');
    testbedId = (await createTestbed(app, world.users.manager.token, world.organization.id)).id;
    // Build the world's organization and test-bed reports, and the platform's, in this app.
    const builder = app.get(ReportBuilderService, { strict: false });
    const db = app.get(DataSource);
    for (const [scope, subject] of [
      ['organization', world.organization.id],
      ['testbed', testbedId],
      ['platform', null],
    ] as const) {
      const [run] = await db.query(
        `INSERT INTO report_runs (kind, scope, subject_id, period_start, period_end) VALUES ('on-demand', $1, $2, $3, $4) RETURNING id`,
        [scope, subject, daysFromNow(-30, 0), daysFromNow(1, 0)],
      );
      await builder.build(run.id);
      snapshots[scope] = (
        await db.query(`SELECT id FROM report_snapshots WHERE run_id = $1 AND scope = $2`, [run.id, scope])
      )[0].id;
    }
  });
  afterAll(() => app.close());

  const asAgency = (path: string) =>
    request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${agency.token}`);

  it('GET /reports: anyone signed in, each sees what they may read', async () => {
    await expectAccess(
      app,
      world,
      () => ({ method: 'get', path: `/api/v1/reports?scope=testbed&subjectId=${testbedId}` }),
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
    const seen = async (token: string) =>
      (
        await request(app.getHttpServer())
          .get(`/api/v1/reports?subjectId=${testbedId}`)
          .set('Authorization', `Bearer ${token}`)
      ).body.items.length;
    expect(await seen(world.users.manager.token)).toBe(1);
    expect(await seen(world.users.otherRegionManager.token)).toBe(0);
    expect(await seen(world.users.member.token)).toBe(0);
    expect(await seen(agency.token)).toBe(1);
  });

  it('GET /reports/:id, .csv and .html: the subject’s admins and managers, agencies, platform admins', async () => {
    for (const suffix of ['', '.csv', '.html']) {
      for (const scope of ['organization', 'testbed']) {
        await expectAccess(
          app,
          world,
          () => ({ method: 'get', path: `/api/v1/reports/${snapshots[scope]}${suffix}` }),
          {
            anonymous: 401,
            otherCompanyMember: 404,
            otherRegionManager: 404,
            member: 404,
            manager: 200,
            admin: 200,
            platformAdmin: 200,
            apiToken: 200,
          },
        );
        expect((await asAgency(`/api/v1/reports/${snapshots[scope]}${suffix}`)).status).toBe(200);
      }
    }
    // The platform's report: every test-bed owner's admins and managers.
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/reports/${snapshots.platform}` }), {
      anonymous: 401,
      otherCompanyMember: 404,
      otherRegionManager: 200,
      member: 404,
      manager: 200,
      admin: 200,
      platformAdmin: 200,
      apiToken: 200,
    });
  });

  it('POST /reports/runs: platform admins and agency admins; GET /reports/runs/:id: platform admins and agencies', async () => {
    const body = { scope: 'testbed', subjectId: testbedId, from: daysFromNow(-7, 0), to: daysFromNow(0, 0) };
    await expectAccess(app, world, () => ({ method: 'post', path: '/api/v1/reports/runs', body }), {
      anonymous: 401,
      otherCompanyMember: 403,
      otherRegionManager: 403,
      member: 403,
      manager: 403,
      admin: 403,
      platformAdmin: 202,
      apiToken: 403,
    });
    expect(
      (
        await request(app.getHttpServer())
          .post('/api/v1/reports/runs')
          .set('Authorization', `Bearer ${agency.token}`)
          .send(body)
      ).status,
    ).toBe(403);
    const agencyAdmin = await world.factory.member((await world.factory.organization('agency')).id, 'admin');
    const started = await request(app.getHttpServer())
      .post('/api/v1/reports/runs')
      .set('Authorization', `Bearer ${agencyAdmin.token}`)
      .send(body);
    expect(started.status).toBe(202);
    await expectAccess(app, world, () => ({ method: 'get', path: `/api/v1/reports/runs/${started.body.runId}` }), {
      anonymous: 401,
      otherCompanyMember: 404,
      otherRegionManager: 404,
      member: 404,
      manager: 404,
      admin: 404,
      platformAdmin: 200,
      apiToken: 404,
    });
    expect((await asAgency(`/api/v1/reports/runs/${started.body.runId}`)).status).toBe(200);
  });

  it('POST /reports/subscriptions: admins of the subject’s organization, agency admins, platform admins', async () => {
    await expectAccess(
      app,
      world,
      () => ({
        method: 'post',
        path: '/api/v1/reports/subscriptions',
        body: { scope: 'organization', subjectId: world.organization.id },
      }),
      {
        anonymous: 401,
        otherCompanyMember: 404,
        otherRegionManager: 404,
        member: 404,
        manager: 403,
        admin: 201,
        platformAdmin: 201,
        apiToken: 403,
      },
    );
    const mine = await request(app.getHttpServer())
      .get('/api/v1/reports/subscriptions')
      .set('Authorization', `Bearer ${world.users.admin.token}`)
      .expect(200);
    expect(mine.body.items).toHaveLength(1);
    await request(app.getHttpServer())
      .delete(`/api/v1/reports/subscriptions/${mine.body.items[0].id}`)
      .set('Authorization', `Bearer ${world.users.manager.token}`)
      .expect(404);
    await request(app.getHttpServer())
      .delete(`/api/v1/reports/subscriptions/${mine.body.items[0].id}`)
      .set('Authorization', `Bearer ${world.users.admin.token}`)
      .expect(204);
  });
});
