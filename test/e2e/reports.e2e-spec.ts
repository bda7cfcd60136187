import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { REPORTS_QUEUE, ReportingJob } from '@slussen/reporting';
import { IdentityFactory, isolatedDatabase, type TestUser } from '@slussen/testing';
import { Queue, QueueEvents } from 'bullmq';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '../worker-app.js';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

describe('reports: runs, renderings, the nightly scheduler and month e-mails', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let api: NestExpressApplication;
  let worker: INestApplication;
  let queue: Queue;
  let events: QueueEvents;
  const env: Record<string, string> = {
    QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-reports-${randomUUID().slice(0, 8)}`,
    OUTBOX_POLL_MS: '200',
    REPORT_SWEEP_EVERY_SECONDS: '3600',
    PILOT_SCAN_EVERY_SECONDS: '3600',
  };
  const startWorker = async () => {
    const app = await createWorkerApp({ env });
    return app;
  };
  const http = () => request(api.getHttpServer());

  let agency: TestUser;
  let regionAdmin: TestUser;
  let testbedId: string;
  let regionId: string;

  beforeAll(async () => {
    database = await isolatedDatabase();
    env.DATABASE_URL = database.url;
    api = await createApiApp({ env });
    worker = await startWorker();
    queue = new Queue(REPORTS_QUEUE, { connection: { url: process.env.REDIS_URL! }, prefix: env.QUEUE_PREFIX });
    events = new QueueEvents(REPORTS_QUEUE, {
      connection: { url: process.env.REDIS_URL! },
      prefix: env.QUEUE_PREFIX,
    });
    await events.waitUntilReady();

    const factory = new IdentityFactory(api);
    const region = await factory.organization('region');
    regionId = region.id;
    regionAdmin = await factory.member(region.id, 'admin');
    agency = await factory.member((await factory.organization('agency')).id, 'admin');
    const company = await factory.member((await factory.organization('company')).id, 'member');
    const testbed = await createTestbed(api, regionAdmin.token, region.id, {
      capacity: 2,
      domains: ['health'],
      rules: {
        requiresApproval: true,
        minLeadDays: 1,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    testbedId = testbed.id;
    const slot = await http()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set(as(regionAdmin))
      .send({ startsAt: daysFromNow(20, 8), endsAt: daysFromNow(20, 16), capacity: 2 });
    await http()
      .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
      .set(as(company))
      .send({ title: 'Rapportpilot' })
      .expect(201);
  });
  afterAll(async () => {
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await worker.close();
    await api.close();
    await database.drop();
  });

  it('builds an on-demand report (202), shows its progress, and renders it as JSON, CSV and HTML', async () => {
    const started = await http()
      .post('/api/v1/reports/runs')
      .set(as(agency))
      .send({ scope: 'testbed', subjectId: testbedId, from: daysFromNow(-1, 0), to: daysFromNow(30, 0) });
    expect(started.status).toBe(202);
    expect(started.body).toEqual({ runId: expect.any(String), status: 'queued' });
    const run = async () =>
      (await http().get(`/api/v1/reports/runs/${started.body.runId}`).set(as(agency)).expect(200)).body;
    const deadline = Date.now() + 15_000;
    while ((await run()).status !== 'completed' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await run()).toMatchObject({
      error: null,
      status: 'completed',
      snapshots: 1,
      progress: { stepsDone: 14, stepsTotal: 14 },
      scope: 'testbed',
      subjectId: testbedId,
    });

    const listed = await http()
      .get(`/api/v1/reports?scope=testbed&subjectId=${testbedId}`)
      .set(as(regionAdmin))
      .expect(200);
    expect(listed.body.items).toHaveLength(1);
    const id = listed.body.items[0].id;
    expect(listed.body.items[0]).toMatchObject({ subjectName: expect.any(String), period: { kind: 'custom' } });
    expect(
      (await http().get(`/api/v1/reports?periodKind=custom&subjectId=${testbedId}`).set(as(regionAdmin)).expect(200))
        .body.items,
    ).toHaveLength(1);
    expect(
      (await http().get(`/api/v1/reports?periodKind=day&subjectId=${testbedId}`).set(as(regionAdmin)).expect(200)).body
        .items,
    ).toHaveLength(0);
    const report = await http().get(`/api/v1/reports/${id}`).set(as(regionAdmin)).expect(200);
    const figure = (key: string) => report.body.figures.find((item: { key: string }) => item.key === key);
    expect(figure('bookingsByStatus')).toMatchObject({
      title: 'Bookings by status',
      definition: expect.stringContaining('requested in the period'),
      value: { pending: 1, confirmed: 0 },
    });
    expect(figure('placesOffered').value).toBe(2);
    expect(figure('placesHeld').value).toBe(1);
    expect(figure('utilization').value).toBe(0.5);
    expect(report.body.breakdowns.domain.health).toMatchObject({ placesOffered: 2 });

    const csv = await http().get(`/api/v1/reports/${id}.csv`).set(as(regionAdmin)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe('dimension,dimensionValue,figure,part,value,unit,definition');
    expect(lines).toContain(
      'all,,utilization,,0.5,ratio,Places held divided by places offered; empty when no place was offered.',
    );
    expect(lines.filter((line) => line.startsWith('domain,health,'))).not.toHaveLength(0);

    const html = await http().get(`/api/v1/reports/${id}.html?lang=en`).set(as(regionAdmin)).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<svg');
    expect(html.text).toContain('Utilization by month');
    expect(html.text).toContain('Outcomes by result');
    expect(html.text).toContain(
      'The sum of the capacities of the slots that start in the period, except cancelled ones; a closed slot counts, as its places were offered until it closed.',
    );
    expect(html.text).toContain('>Health care</th>');

    // The region admin reads Swedish: without `lang`, the page is in their language.
    const swedish = await http().get(`/api/v1/reports/${id}.html`).set(as(regionAdmin)).expect(200);
    expect(swedish.text).toContain('<html lang="sv">');
    expect(swedish.text).toContain('Beläggning per månad');
    expect(swedish.text).toContain('>Hälso- och sjukvård</th>');
    expect(report.body.utilizationByMonth.length).toBeGreaterThanOrEqual(1);
    // The chart's months are named in the reader's language, never yyyy-MM.
    const [firstMonth] = report.body.utilizationByMonth as Array<{ month: string }>;
    const named = (locale: string) =>
      DateTime.fromFormat(firstMonth!.month, 'yyyy-MM', { locale }).toFormat('LLLL yyyy');
    expect(swedish.text).toContain(`>${named('sv-SE')}<`);
    expect(html.text).toContain(`>${named('en-GB')}<`);
    expect(swedish.text).not.toContain(`>${firstMonth!.month}<`);

    // The CSV's header row and definitions in Swedish on ?lang=sv; keys stay as the API names them.
    const svCsv = (await http().get(`/api/v1/reports/${id}.csv?lang=sv`).set(as(regionAdmin)).expect(200)).text
      .trim()
      .split('\n');
    expect(svCsv[0]).toBe('dimension,dimensionsvärde,mått,del,värde,enhet,vad det betyder');
    expect(svCsv).toContain(
      'all,,utilization,,0.5,ratio,Bokade platser delat med erbjudna platser; tom när ingen plats erbjöds.',
    );
  });

  it('reads an on-demand run’s days as local days in REPORT_TIMEZONE', async () => {
    const started = await http()
      .post('/api/v1/reports/runs')
      .set(as(agency))
      .send({ scope: 'platform', from: '2027-01-01', to: '2027-08-01' })
      .expect(202);
    const run = (await http().get(`/api/v1/reports/runs/${started.body.runId}`).set(as(agency)).expect(200)).body;
    expect(run).toMatchObject({ from: '2026-12-31T23:00:00.000Z', to: '2027-07-31T22:00:00.000Z' });
    const refused = await http()
      .post('/api/v1/reports/runs')
      .set(as(agency))
      .send({ scope: 'platform', from: '2027-02-30', to: '2027-08-01' });
    expect(refused.status).toBe(400);
  });

  it('keeps one nightly scheduler through three worker restarts, at 02:00 in Stockholm', async () => {
    for (let restart = 0; restart < 3; restart++) {
      await worker.close();
      worker = await startWorker();
    }
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([
      'reports.build-nightly',
      'reports.sweep-runs',
    ]);
    expect(schedulers.find((scheduler) => scheduler.key === 'reports.build-nightly')).toMatchObject({
      pattern: '0 2 * * *',
      tz: 'Europe/Stockholm',
    });
  });

  it('leaves one set of snapshots after two runs of the same night, and tells a subscriber once when a month is done', async () => {
    // The test bed has existed since last year, so last month has a report of its organization.
    await api
      .get(DataSource)
      .query(`UPDATE testbeds SET created_at = now() - interval '1 year' WHERE id = $1`, [testbedId]);
    const subscribed = await http()
      .post('/api/v1/reports/subscriptions')
      .set(as(regionAdmin))
      .send({ scope: 'organization', subjectId: regionId });
    expect(subscribed.status).toBe(201);
    const night = async () => {
      const job = await queue.add(ReportingJob.BuildNightlyReports, { night: lastDayOfLastMonth() });
      return job.waitUntilFinished(events, 20_000);
    };
    const first = (await night()) as { runId: string; snapshots: number };
    const db = api.get(DataSource);
    const count = async () =>
      (await db.query(`SELECT count(*)::int AS n FROM report_snapshots WHERE run_id = $1`, [first.runId]))[0].n;
    const snapshots = await count();
    expect(snapshots).toBe(first.snapshots);
    const second = (await night()) as { runId: string };
    expect(second.runId).toBe(first.runId);
    expect(await count()).toBe(snapshots);

    const delivered = async () =>
      db.query(
        `SELECT d.recipient, d.status FROM deliveries d JOIN outbox_messages o ON o.id = d.outbox_id WHERE o.topic = 'report.month-ready'`,
      );
    const deadline = Date.now() + 15_000;
    while (
      (await delivered()).filter((row: { status: string }) => row.status === 'sent').length < 1 &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await delivered()).toEqual([{ recipient: regionAdmin.email, status: 'sent' }]);
    expect(await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'report.month-ready'`)).toEqual(
      [{ n: 1 }],
    );
  });

  it('lists by scope first on ?order=scope: the platform, organizations, test beds; months and years before days; every report once across pages', async () => {
    type Summary = { id: string; scope: string; period: { kind: string; to: string } };
    const everything: Summary[] = (await http().get('/api/v1/reports?limit=100').set(as(agency)).expect(200)).body
      .items;
    expect(new Set(everything.map((item) => item.scope))).toEqual(new Set(['platform', 'organization', 'testbed']));
    const ordered: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Summary[]; nextCursor: string | null } } = await http()
        .get(`/api/v1/reports?order=scope&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(as(agency))
        .expect(200);
      ordered.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ordered.map((item) => item.id).sort()).toEqual(everything.map((item) => item.id).sort());
    expect(ordered[0]).toMatchObject({
      scope: 'platform',
      period: { kind: expect.stringMatching(/^(month|year)-to-date$/) },
    });
    const rank = (item: Summary) =>
      ['platform', 'organization', 'testbed'].indexOf(item.scope) * 3 +
      (item.period.kind === 'day' ? 2 : item.period.kind === 'custom' ? 1 : 0);
    expect(ordered.map(rank)).toEqual(ordered.map(rank).sort((a, b) => a - b));
    await http().get('/api/v1/reports?order=oldest').set(as(agency)).expect(400);
  });

  it('lists every subject that has a report, beyond the hundred of one night, and only those the reader may see', async () => {
    const db = api.get(DataSource);
    // 120 organizations with one report each, built long ago: none is in the newest night's reports.
    const organizations: Array<{ id: string; name: string }> = await db.query(
      `INSERT INTO organizations (name, kind) SELECT 'Kommun ' || lpad(n::text, 3, '0'), 'municipality' FROM generate_series(1, 120) n RETURNING id, name`,
    );
    await db.query(
      `INSERT INTO report_snapshots (scope, subject_id, period_kind, period_start, period_end, run_id, figures, breakdowns)
       SELECT 'organization', id, 'day', '2020-01-01', '2020-01-02', gen_random_uuid(), '{}', '{}' FROM unnest($1::uuid[]) AS o(id)`,
      [organizations.map((organization) => organization.id)],
    );
    type Subject = { scope: string; subjectId: string; subjectName: string | null };
    const all: Subject[] = (await http().get('/api/v1/reports/subjects').set(as(agency)).expect(200)).body.items;
    expect(all.length).toBeGreaterThan(120);
    expect(all).toEqual(
      expect.arrayContaining([
        ...organizations.map((organization) => ({
          scope: 'organization',
          subjectId: organization.id,
          subjectName: organization.name,
        })),
        { scope: 'organization', subjectId: regionId, subjectName: expect.any(String) },
        { scope: 'testbed', subjectId: testbedId, subjectName: expect.any(String) },
      ]),
    );
    expect(new Set(all.map((subject) => subject.subjectId)).size).toBe(all.length);
    // A region's admin chooses among its own organization and test beds only.
    const own: Subject[] = (await http().get('/api/v1/reports/subjects').set(as(regionAdmin)).expect(200)).body.items;
    expect(own.map((subject) => subject.subjectId).sort()).toEqual([regionId, testbedId].sort());
  });
});

/** The last day of the previous month, YYYY-MM-DD: its month-to-date report is a whole month. */
function lastDayOfLastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
}
