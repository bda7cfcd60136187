import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Clock, ManualClock } from '@slussen/core';
import { AccountsService } from '@slussen/identity';
import { ConversationService, IdeasService, SluicesService } from '@slussen/ideas';
import { ResultsService } from '@slussen/library';
import { PilotProgressService } from '../../libs/pilots/src/pilot-progress.service.js';
import { isolatedDatabase, testConfig } from '@slussen/testing';
import { DataSource } from 'typeorm';
import { DemoModule } from '../../apps/api/src/demo/demo.module.js';
import { DEMO_PASSWORD, DEMO_PILOT } from '../../apps/api/src/demo/demo-data.js';
import { DEMO_SLUICE } from '../../apps/api/src/demo/demo-ideas.js';
import { seedDemo } from '../../apps/api/src/demo/seed-demo.js';

const DAY = 86_400_000;

// The demo as `npm start` leaves it: CareUp's pilot running with a measurement due, Vitalsens' request to decide,
// and the worker's pilot scan acting on them as on any running pilot (asks once, reminds once, no more).
describe('demo seed: the running CareUp pilot', () => {
  const clock = new ManualClock(new Date());
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: INestApplication;
  let db: DataSource;
  let pilotId: string;

  beforeAll(async () => {
    database = await isolatedDatabase();
    const config = testConfig({
      DATABASE_URL: database.url,
      ADMIN_EMAIL: 'admin@slussen.local',
      ADMIN_PASSWORD: 'slussen-admin-2026',
    });
    const moduleRef = await Test.createTestingModule({ imports: [DemoModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    app = moduleRef.createNestApplication({ bufferLogs: true });
    await app.init();
    await app.get(AccountsService).bootstrapPlatformAdmin(config);
    expect((await seedDemo(app)).seeded).toBe(true);
    db = app.get(DataSource);
    [{ id: pilotId }] = await db.query(`SELECT id FROM pilots WHERE title = $1`, [DEMO_PILOT.title]);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('is running in a slot that began and has not ended, with a plan both sides agreed before the start', async () => {
    const [pilot] = await db.query(
      `SELECT p.stage, p.plan_version, p.company_approved_version, p.testbed_approved_version, p.plan_agreed_at, p.started_at,
              lower(s.period) AS starts, upper(s.period) AS ends, b.status AS booking, s.held, o.name AS company
         FROM pilots p JOIN bookings b ON b.id = p.booking_id JOIN slots s ON s.id = b.slot_id JOIN organizations o ON o.id = p.organization_id
        WHERE p.id = $1`,
      [pilotId],
    );
    expect(pilot).toMatchObject({
      stage: 'running',
      booking: 'confirmed',
      held: 1,
      company: 'CareUp AB',
      plan_version: 4,
      company_approved_version: 4,
      testbed_approved_version: 4,
    });
    const now = Date.now();
    expect(pilot.starts.getTime()).toBeLessThan(now);
    expect(pilot.ends.getTime()).toBeGreaterThan(now);
    expect(pilot.started_at.getTime()).toBe(pilot.starts.getTime());
    expect(pilot.plan_agreed_at.getTime()).toBeLessThan(pilot.starts.getTime());
    const events: Array<{ type: string }> = await db.query(
      `SELECT type FROM pilot_events WHERE pilot_id = $1 ORDER BY at`,
      [pilotId],
    );
    expect(events.map((event) => event.type)).toEqual([
      'created',
      'plan-changed',
      'plan-changed',
      'plan-changed',
      'plan-approved',
      'plan-approved',
      'plan-agreed',
      'running',
    ]);
  });

  it('has last week’s falls answered and this week’s due, the rest of the cadence planned', async () => {
    const requests: Array<{ key: string; due: Date; opened: Date | null; answered: Date | null }> = await db.query(
      `SELECT m.key, r.due_at AS due, r.opened_at AS opened, r.answered_at AS answered
         FROM measurement_requests r JOIN pilot_metrics m ON m.id = r.metric_id WHERE r.pilot_id = $1 ORDER BY r.due_at, m.key`,
      [pilotId],
    );
    const falls = requests.filter((request) => request.key === 'falls');
    expect(falls).toHaveLength(DEMO_PILOT.running.weeks);
    expect(falls[0]).toMatchObject({ opened: expect.any(Date), answered: expect.any(Date) });
    expect(falls[1]!.due.getTime()).toBeLessThanOrEqual(Date.now());
    expect(falls[1]!.due.getTime()).toBeGreaterThan(Date.now() - 2 * DAY);
    expect(falls[1]).toMatchObject({ opened: null, answered: null });
    expect(falls.slice(2).every((request) => request.due.getTime() > Date.now() && request.opened === null)).toBe(true);
    expect(requests.filter((request) => request.key === 'response-minutes')).toHaveLength(1);
    const [metric] = await db.query(`SELECT latest_value FROM pilot_metrics WHERE pilot_id = $1 AND key = 'falls'`, [
      pilotId,
    ]);
    expect(metric.latest_value).toBe(DEMO_PILOT.running.firstWeek.value);
  });

  it('holds one published result in the library, with every part shown, adopted by Malmö stad', async () => {
    const { items } = await app.get(ResultsService).search({ limit: 50 });
    expect(items).toHaveLength(1);
    const [result] = items;
    expect(result).toMatchObject({
      testbed: { domains: expect.arrayContaining(['elderly-care']) },
      outcome: { summary: expect.any(String), lessons: expect.any(String) },
      company: { name: expect.stringMatching(/^(Gatuljus Systems AB|EduPlay AB)$/) },
      parts: ['summary', 'lessons', 'metrics', 'measurements', 'company', 'problem'],
      adoptions: [{ organizationName: 'Malmö stad', organizationKind: 'municipality', note: expect.any(String) }],
    });
    expect(result!.metrics.length).toBeGreaterThan(0);
    expect(new Date(result!.adoptions[0]!.adoptedAt).getTime()).toBeLessThanOrEqual(Date.now());
    // Found by a Swedish search of its title's words.
    const words = result!.title.split(' ')[0]!;
    expect((await app.get(ResultsService).search({ q: words, limit: 50 })).items.map((item) => item.id)).toEqual([
      result!.id,
    ]);
  });

  it('holds Region Stockholm’s innovation sluice: the nurse’s need in screening and a public need Vitalsens answered', async () => {
    const manager = (await app.get(AccountsService).authenticate(DEMO_SLUICE.manager, DEMO_PASSWORD))!;
    const { items: sluices } = await app.get(SluicesService).list({}, 50);
    expect(sluices).toEqual([
      expect.objectContaining({
        name: DEMO_SLUICE.sluice.name,
        organizationName: 'Region Stockholm',
        answerWithinDays: 14,
      }),
    ]);
    const { items } = await app.get(IdeasService).list(manager, { sluiceId: sluices[0]!.id }, 50);
    const byTitle = new Map(items.map((idea) => [idea.title, idea]));
    expect(byTitle.get(DEMO_SLUICE.screening.title)).toMatchObject({ kind: 'need', status: 'screening', public: true });
    expect(byTitle.get(DEMO_SLUICE.answered.title)).toMatchObject({ kind: 'need', status: 'submitted', public: true });
    expect(byTitle.get(DEMO_SLUICE.idea.title)).toMatchObject({
      kind: 'idea',
      status: 'submitted',
      submitterOrganizationName: 'CareUp AB',
    });
    const answers = await app
      .get(ConversationService)
      .listAnswers(manager, byTitle.get(DEMO_SLUICE.answered.title)!.id);
    expect(answers.items).toEqual([expect.objectContaining({ organizationName: 'Vitalsens AB', status: 'submitted' })]);
    const thread = await app
      .get(ConversationService)
      .listMessages(manager, byTitle.get(DEMO_SLUICE.screening.title)!.id);
    expect(thread.items).toEqual([
      expect.objectContaining({ side: 'managers', authorName: 'Johan Ek', body: DEMO_SLUICE.screening.question }),
    ]);
  });

  it('gives the sluice a past year that the month reports count: ideas received, answers in time, ideas piloted', async () => {
    const months: Array<{ figures: Record<string, unknown> }> = await db.query(
      `SELECT figures FROM report_snapshots WHERE scope = 'platform' AND period_kind = 'month-to-date'`,
    );
    const received = months.reduce((sum, { figures }) => {
      const parts = figures.ideasReceived as { need: number; idea: number };
      return sum + parts.need + parts.idea;
    }, 0);
    expect(received).toBeGreaterThanOrEqual(20);
    const inTime = months.map(({ figures }) => figures.screenedInTimeShare).filter((value) => value !== null);
    expect(inTime.length).toBeGreaterThan(3);
    // One in five past answers came after the sluice's 14 days.
    expect(Math.min(...(inTime as number[]))).toBeLessThan(1);
    const toPilot = months.map(({ figures }) => figures.medianDaysToPilot).filter((value) => value !== null);
    expect(toPilot.length).toBeGreaterThan(0);
    expect(Math.min(...(toPilot as number[]))).toBeGreaterThan(30);
  });

  it('keeps Vitalsens’ request pending, to be decided before a deadline ahead', async () => {
    const [booking] = await db.query(
      `SELECT b.status, b.decision_due_at FROM bookings b JOIN organizations o ON o.id = b.organization_id WHERE o.name = 'Vitalsens AB' AND b.title = $1`,
      [DEMO_PILOT.waitingTitle],
    );
    expect(booking.status).toBe('pending');
    expect(booking.decision_due_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('the worker’s scan asks once for the due measurement, reminds once three days later, and starts or ends nothing', async () => {
    const messages = async () =>
      (
        await db.query(`SELECT topic FROM outbox_messages WHERE payload ->> 'pilotId' = $1 ORDER BY created_at`, [
          pilotId,
        ])
      ).map((row: { topic: string }) => row.topic);
    const scan = app.get(PilotProgressService);
    clock.set(new Date());
    expect(await scan.scan()).toMatchObject({
      started: 0,
      evaluating: 0,
      opened: 1,
      overdueReminders: 0,
      planReminders: 0,
    });
    expect(await scan.scan()).toMatchObject({ opened: 0, overdueReminders: 0 });
    expect(await messages()).toEqual(['pilot.measurement-requested']);
    const [{ due }] = await db.query(
      `SELECT r.due_at AS due FROM measurement_requests r WHERE r.pilot_id = $1 AND r.opened_at IS NOT NULL ORDER BY r.due_at DESC LIMIT 1`,
      [pilotId],
    );
    clock.set(new Date(due.getTime() + 3 * DAY + 60_000));
    expect(await scan.scan()).toMatchObject({ started: 0, evaluating: 0, overdueReminders: 1 });
    expect(await scan.scan()).toMatchObject({ overdueReminders: 0 });
    expect(await messages()).toEqual(['pilot.measurement-requested', 'pilot.measurement-overdue']);
  });
});
