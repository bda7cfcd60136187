import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ReportBuilderService } from '@slussen/reporting';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../api-app.js';

// Issue 12, finding 8: only admins start report runs, an identical run in
// progress is reused, runs are limited per hour, and a failed run tells no internals.
describe('Report runs', () => {
  let app: NestExpressApplication;
  let factory: IdentityFactory;
  let agencyId: string;
  let agencyAdmin: TestUser;
  let agencyMember: TestUser;
  let platformAdmin: TestUser;
  const api = () => request(app.getHttpServer());
  // Periods of their own, a few minutes apart, so no other test asks for the same run.
  const base = Date.UTC(2025, 0, 1) + Math.floor(Math.random() * 1_000_000) * 60_000;
  let next = 0;
  const period = (days = 30) => {
    const from = new Date(base + next++ * 60_000);
    return { from: from.toISOString(), to: new Date(from.getTime() + days * 86_400_000).toISOString() };
  };
  const start = (user: TestUser | string, body: object) =>
    api()
      .post('/api/v1/reports/runs')
      .set('Authorization', `Bearer ${typeof user === 'string' ? user : user.token}`)
      .send(body);

  beforeAll(async () => {
    app = await createApiApp({ env: { REPORT_RUNS_PER_HOUR: '3' } });
    factory = new IdentityFactory(app);
    agencyId = (await factory.organization('agency')).id;
    [agencyAdmin, agencyMember, platformAdmin] = await Promise.all([
      factory.member(agencyId, 'admin'),
      factory.member(agencyId, 'member'),
      factory.user({ platformAdmin: true }),
    ]);
  });
  afterAll(() => app.close());

  it('are started by agency admins and platform admins only, not by an agency’s members or its member tokens', async () => {
    const refused = await start(agencyMember, { scope: 'platform', ...period() });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await start(await factory.apiToken(agencyId, 'member'), { scope: 'platform', ...period() })).status).toBe(
      403,
    );
    expect((await start(await factory.apiToken(agencyId, 'manager'), { scope: 'platform', ...period() })).status).toBe(
      403,
    );
    expect((await start(platformAdmin, { scope: 'platform', ...period() })).status).toBe(202);
    const byAdmin = await start(agencyAdmin, { scope: 'platform', ...period() });
    expect(byAdmin.status).toBe(202);
    // An agency member still follows the run.
    expect(
      (
        await api()
          .get(`/api/v1/reports/runs/${byAdmin.body.runId}`)
          .set('Authorization', `Bearer ${agencyMember.token}`)
      ).status,
    ).toBe(200);
  });

  it('reuse an identical run still in progress: the same runId, whoever asks', async () => {
    const body = { scope: 'platform', ...period() };
    const first = await start(platformAdmin, body);
    expect(first.status).toBe(202);
    const asks = await Promise.all([start(platformAdmin, body), start(platformAdmin, body), start(agencyAdmin, body)]);
    expect(asks.map((response) => response.status)).toEqual([202, 202, 202]);
    expect(new Set(asks.map((response) => response.body.runId))).toEqual(new Set([first.body.runId]));
    expect(asks[0]!.body).toMatchObject({ runId: first.body.runId, status: 'queued', reused: true });
    const rows = await app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM report_runs WHERE kind = 'on-demand' AND period_start = $1 AND period_end = $2`,
        [body.from, body.to],
      );
    expect(rows[0].n).toBe(1);
    // Another period is another run.
    expect((await start(platformAdmin, { scope: 'platform', ...period() })).body.runId).not.toBe(first.body.runId);
  });

  it('are limited per person and hour (REPORT_RUNS_PER_HOUR), with 429 problem+json', async () => {
    const busy = await factory.member(agencyId, 'admin');
    for (let run = 0; run < 3; run++) expect((await start(busy, { scope: 'platform', ...period() })).status).toBe(202);
    const limited = await start(busy, { scope: 'platform', ...period() });
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited.body).toMatchObject({ type: '/problems/rate-limited', retryAfterSeconds: expect.any(Number) });
    expect(limited.body.retryAfterSeconds).toBeGreaterThan(3000);
    // Someone else may still start runs.
    expect((await start(await factory.member(agencyId, 'admin'), { scope: 'platform', ...period() })).status).toBe(202);
  });

  it('report a failure without the database’s error text', async () => {
    const db = app.get(DataSource);
    const admin = await factory.user({ platformAdmin: true });
    const body = { scope: 'platform', ...period() };
    const started = await start(admin, body);
    expect(started.status).toBe(202);
    // The database fails this run, and only this run, with words a caller must not read.
    const fn = `fail_run_${started.body.runId.replace(/-/g, '')}`;
    await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.id = '${started.body.runId}' AND NEW.steps_done > OLD.steps_done THEN RAISE EXCEPTION 'relation "internal_secrets" does not exist at SELECT * FROM users'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER ${fn} BEFORE UPDATE ON report_runs FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      await expect(app.get(ReportBuilderService, { strict: false }).build(started.body.runId)).rejects.toThrow();
    } finally {
      await db.query(`DROP TRIGGER ${fn} ON report_runs`);
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    const view = await api()
      .get(`/api/v1/reports/runs/${started.body.runId}`)
      .set('Authorization', `Bearer ${admin.token}`);
    expect(view.status).toBe(200);
    expect(view.body.status).toBe('failed');
    expect(view.body.error).toEqual(expect.any(String));
    expect(view.body.error).not.toMatch(/relation|internal_secrets|SELECT|users/i);
    // A failed run is no longer in progress: the same run may be asked for again.
    const again = await start(admin, body);
    expect(again.status).toBe(202);
    expect(again.body.runId).not.toBe(started.body.runId);
  });
});
