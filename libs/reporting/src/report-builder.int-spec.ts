// Every figure checked exactly against a small world with known numbers,
// built straight into the tables (history cannot be booked through the API).
// The reported day, 28 March 2027, is the night Sweden moves to summer time:
// its local day is 23 hours, [2027-03-27T23:00Z, 2027-03-28T22:00Z).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CoreModule } from '@slussen/core';
import { isolatedDatabase, testConfig } from '@slussen/testing';
import { DataSource } from 'typeorm';
import type { PilotStage } from '@slussen/pilots';
import { PilotsRepository } from '../../pilots/src/repositories/pilots.repository.js';
import { ReportBuilderService } from './report-builder.service.js';
import { ReportingModule } from './reporting.module.js';

type Snapshot = {
  figures: Record<string, unknown>;
  breakdowns: Record<string, Record<string, Record<string, unknown>>>;
};

describe('nightly report figures', () => {
  let database: Awaited<ReturnType<typeof isolatedDatabase>>;
  let app: INestApplicationContext;
  let db: DataSource;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await isolatedDatabase();
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule.forRoot(testConfig({ DATABASE_URL: database.url })), ReportingModule],
    }).compile();
    app = await moduleRef.init();
    db = app.get(DataSource);
    await buildWorld();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const one = async (sql: string, params: unknown[] = []) =>
    ((await db.query(sql, params)) as Array<Record<string, string>>)[0]!;
  const insert = async (table: string, row: Record<string, unknown>) =>
    await one(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((_, index) => `$${index + 1}`)
        .join(', ')}) RETURNING *`,
      Object.values(row),
    );

  /** Moves pilots to a stage, as time and people would have, through pilots' own repository. */
  const stage = async (to: PilotStage, pilotIds: string[]) => {
    const pilots = new PilotsRepository(db);
    for (const id of pilotIds) await pilots.setStage(id, to, new Date('2027-03-01T00:00:00Z'), db.manager);
  };

  async function buildWorld(): Promise<void> {
    for (const [name, kind] of [
      ['region', 'region'],
      ['municipality', 'municipality'],
      ['x', 'company'],
      ['y', 'company'],
      ['z', 'company'],
    ] as const)
      ids[name] = (await insert('organizations', { name, kind })).id!;
    const testbed = (
      name: string,
      organization: string,
      environment: string,
      domains: string[],
      status = 'published',
    ) =>
      insert('testbeds', {
        organization_id: ids[organization],
        name,
        slug: name,
        summary: 's',
        environment_type: environment,
        domains,
        municipality: 'M',
        capacity: 5,
        max_active_bookings_per_company: 10,
        status,
        created_at: '2026-06-01T00:00:00Z',
      }).then((row) => (ids[name] = row.id!));
    await testbed('a', 'region', 'lab', ['health', 'elderly-care']);
    await testbed('b', 'region', 'real', ['health']);
    await testbed('c', 'municipality', 'simulated', ['mobility']);
    await testbed('d', 'municipality', 'lab', ['mobility'], 'draft');
    const slot = (name: string, testbed: string, from: string, to: string, capacity: number, status = 'open') =>
      insert('slots', { testbed_id: ids[testbed], period: `[${from},${to})`, capacity, status }).then(
        (row) => (ids[name] = row.id!),
      );
    await slot('s1', 'a', '2027-03-27T23:30:00Z', '2027-04-30T00:00:00Z', 2); // starts in the reported day
    await slot('s2', 'a', '2027-03-10T08:00:00Z', '2027-03-20T16:00:00Z', 1); // earlier in March
    await slot('s3', 'a', '2027-01-15T08:00:00Z', '2027-01-25T16:00:00Z', 3); // January
    await slot('s4', 'a', '2027-03-28T08:00:00Z', '2027-03-28T16:00:00Z', 1, 'cancelled');
    const booking = (name: string, company: string, slot: string, status: string, createdAt: string) =>
      insert('bookings', {
        slot_id: ids[slot],
        testbed_id: ids.a,
        organization_id: ids[company],
        title: name,
        status,
        created_at: createdAt,
      }).then((row) => (ids[name] = row.id!));
    await booking('b5', 'x', 's3', 'confirmed', '2026-12-20T10:00:00Z'); // x's first booking, last year
    await booking('b4', 'x', 's2', 'confirmed', '2027-03-01T00:00:00Z');
    await booking('b6', 'y', 's2', 'rejected', '2027-03-05T00:00:00Z'); // y's first booking, this month
    await booking('b1', 'x', 's1', 'confirmed', '2027-03-28T00:00:00Z'); // 01:00 local, in the day
    await booking('b2', 'y', 's1', 'pending', '2027-03-28T06:00:00Z');
    await booking('b3', 'z', 's1', 'waitlisted', '2027-03-28T07:00:00Z'); // z's first booking
    await booking('b8', 'z', 's2', 'waitlisted', '2027-03-28T22:30:00Z'); // 00:30 local on the 29th: the next day
    const event = (bookingName: string, type: string, from: string | null, to: string, at: string) =>
      insert('booking_events', { booking_id: ids[bookingName], type, from_status: from, to_status: to, at });
    await event('b1', 'confirmed', 'pending', 'confirmed', '2027-03-28T10:00:00Z'); // 10 h after the request
    await event('b4', 'confirmed', 'pending', 'confirmed', '2027-03-03T00:00:00Z'); // 2 days
    await event('b6', 'rejected', 'pending', 'rejected', '2027-03-09T00:00:00Z'); // 4 days
    await event('b2', 'promoted', 'waitlisted', 'pending', '2027-03-28T09:00:00Z');
    // The pilots trigger made b1, b4 and b5 pilots (found through pilots' view); move them along.
    const pilot = async (bookingName: string) =>
      (ids[`p-${bookingName}`] = (
        await one('SELECT pilot_id FROM pilots_pilot_facts WHERE booking_id = $1', [ids[bookingName]])
      ).pilot_id!);
    for (const name of ['b1', 'b4', 'b5']) await pilot(name);
    await stage('running', [ids['p-b1']!]);
    await stage('completed', [ids['p-b4']!, ids['p-b5']!]);
    await insert('pilot_outcomes', {
      pilot_id: ids['p-b4'],
      result: 'procured',
      summary: 's',
      procurement_reference: 'R-1',
      procurement_date: '2027-03-28',
      recorded_at: '2027-03-28T09:00:00Z',
    });
    await insert('pilot_outcomes', {
      pilot_id: ids['p-b5'],
      result: 'discontinued',
      summary: 's',
      recorded_at: '2027-02-10T09:00:00Z',
    });
    const metric = async (
      name: string,
      pilotName: string,
      direction: string,
      target: number | null,
      values: number[],
    ) => {
      ids[name] = (
        await insert('pilot_metrics', {
          pilot_id: ids[pilotName],
          key: name,
          name,
          unit: 'u',
          direction,
          target,
          cadence: 'weekly',
        })
      ).id!;
      for (const [index, value] of values.entries())
        await insert('measurements', {
          pilot_id: ids[pilotName],
          metric_id: ids[name],
          value,
          observed_at: `2027-03-1${index}T12:00:00Z`,
          origin: 'submitted',
        });
    };
    await metric('m1', 'p-b4', 'increase', 10, [8, 12]); // latest 12 ≥ 10: met
    await metric('m2', 'p-b4', 'decrease', 5, [9, 7]); // latest 7 > 5: not met
    await metric('m3', 'p-b4', 'increase', null, [1]); // no target: not counted
    await metric('m4', 'p-b5', 'increase', 1, [2]); // met
    await metric('m5', 'p-b1', 'decrease', 3, []);
    const request = (windowStart: string, dueAt: string, opened: boolean) =>
      insert('measurement_requests', {
        pilot_id: ids['p-b1'],
        metric_id: ids.m5,
        window_start: windowStart,
        due_at: dueAt,
        window_end: dueAt,
        opened_at: opened ? dueAt : null,
      });
    await request('2027-03-27T00:00:00Z', '2027-03-28T08:00:00Z', true); // answered below
    await request('2027-03-28T08:00:00Z', '2027-03-28T09:00:00Z', true); // unanswered
    await request('2027-03-28T09:00:00Z', '2027-03-28T10:00:00Z', false); // not opened yet: not requested
    await insert('measurements', {
      pilot_id: ids['p-b1'],
      metric_id: ids.m5,
      value: 2,
      observed_at: '2027-03-28T07:00:00Z',
      origin: 'submitted',
    });

    // The region's sluice, promising an answer within 14 days.
    ids.sluice = (
      await insert('sluices', {
        organization_id: ids.region,
        name: 'sluss',
        description: 'd',
        domains: ['elderly-care'],
        submitters: ['staff', 'companies'],
        answer_within_days: 14,
      })
    ).id!;
    const idea = (name: string, kind: string, organization: string, at: string, answered: string | null) =>
      insert('ideas', {
        sluice_id: ids.sluice,
        kind,
        title: name,
        description: 'd',
        submitter_organization_id: ids[organization],
        status: answered ? 'screening' : 'submitted',
        screened_at: answered,
        created_at: at,
      }).then((row) => (ids[name] = row.id!));
    await idea('i1', 'idea', 'x', '2027-03-01T00:00:00Z', '2027-03-20T00:00:00Z'); // due 15 March: late
    await idea('n1', 'need', 'region', '2027-03-14T08:00:00Z', '2027-03-20T00:00:00Z'); // due in the day: in time
    await idea('n2', 'need', 'region', '2027-03-14T10:00:00Z', null); // due in the day: never answered
    await idea('n3', 'need', 'region', '2027-03-28T12:00:00Z', null); // received in the day
    await idea('i2', 'idea', 'y', '2027-03-28T10:00:00Z', null); // received in the day
    await db.query(`UPDATE ideas SET status = 'declined', decline_reason = 'r', decided_at = $2 WHERE id = $1`, [
      ids.i2,
      '2027-03-28T11:00:00Z',
    ]);
    // x's accepted idea i1, matched to test bed a, is what its pilot of b1 tries (b1's slot starts in the day).
    await db.query(`UPDATE ideas SET status = 'accepted' WHERE id = $1`, [ids.i1]);
    await insert('idea_testbeds', { idea_id: ids.i1, testbed_id: ids.a });
    await db.query(`UPDATE bookings SET idea_id = $2 WHERE id = $1`, [ids.b1, ids.i1]);

    // Both completed pilots published; b4's (in the day) adopted by the municipality, b5's only by the region itself.
    const result = (pilotName: string, at: string) =>
      insert('results', {
        pilot_id: ids[pilotName],
        company_consented_at: at,
        testbed_consented_at: at,
        published_at: at,
      }).then((row) => (ids[`r-${pilotName}`] = row.id!));
    await result('p-b4', '2027-03-28T12:00:00Z');
    await result('p-b5', '2027-03-28T13:00:00Z');
    await insert('result_adoptions', {
      result_id: ids['r-p-b4'],
      organization_id: ids.municipality,
      adopted_at: '2027-03-28',
    });
    await insert('result_adoptions', {
      result_id: ids['r-p-b5'],
      organization_id: ids.region,
      adopted_at: '2027-03-28',
    });
  }

  const snapshot = async (
    scope: string,
    subject: string | null,
    kind: string,
    night = '2027-03-28',
  ): Promise<Snapshot> => {
    const rows: Snapshot[] = await db.query(
      `SELECT r.figures, r.breakdowns FROM report_snapshots r JOIN report_runs run ON run.id = r.run_id
        WHERE run.night = $1 AND r.scope = $2 AND r.subject_id IS NOT DISTINCT FROM $3::uuid AND r.period_kind = $4`,
      [night, scope, subject, kind],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };

  const DAY_FIGURES = {
    placesOffered: 2,
    placesHeld: 2,
    utilization: 1,
    bookingsByStatus: { pending: 1, confirmed: 1, rejected: 0, waitlisted: 1, cancelled: 0, expired: 0 },
    waitingListLength: 1,
    organizationsServed: { company: 3, region: 0, municipality: 0, agency: 0 },
    // z booked for the first time; x (last year) and y (on 5 March) had booked before.
    firstTimeCompanies: 1,
    returningCompanies: 2,
    decisions: 1,
    medianDaysToDecision: 10 / 24,
    promotions: 1,
    pilotsByStage: { planned: 0, running: 1, evaluating: 0, completed: 0, aborted: 0 },
    outcomesByResult: { adopted: 0, procured: 1, extended: 0, discontinued: 0 },
    adoptionRate: 1,
    metricsWithTargets: 2,
    targetsMetShare: 0.5,
    measurementsRequested: 2,
    measurementsReceived: 1,
    publishedShare: 1,
    // b4's adopted by the municipality; b5's only by the region that runs the test bed.
    adoptedElsewhereShare: 0.5,
  };
  /** What the region's sluice adds for the region and the platform (no test bed holds a sluice). */
  const DAY_SLUICE_FIGURES = {
    ideasReceived: { need: 1, idea: 1 },
    // n1 and n2 were due in the day; only n1 was answered in time.
    screenedInTimeShare: 0.5,
    // i1, submitted 1 March 00:00, piloted from b1's slot at 27 March 23:30: 26 days 23.5 hours.
    medianDaysToPilot: 26 + 23.5 / 24,
  };
  const NO_SLUICE_FIGURES = {
    ideasReceived: { need: 0, idea: 0 },
    screenedInTimeShare: null,
    medianDaysToPilot: null,
  };

  it('builds the reported day’s figures exactly, for the test bed, its organization and the platform', async () => {
    const builder = app.get(ReportBuilderService);
    const run = await builder.nightlyRun('2027-03-28');
    const { snapshots } = await builder.build(run.id);
    // Platform, 2 owners, 3 published test beds (not the draft), for 3 periods.
    expect(snapshots).toBe(18);
    for (const [scope, subject] of [
      ['testbed', ids.a],
      ['organization', ids.region],
      ['platform', null],
    ] as const) {
      const { figures } = await snapshot(scope, subject ?? null, 'day');
      expect(figures).toEqual({
        ...DAY_FIGURES,
        ...(scope === 'testbed' ? NO_SLUICE_FIGURES : DAY_SLUICE_FIGURES),
        medianDaysToDecision: expect.closeTo(10 / 24, 10),
        medianDaysToPilot: scope === 'testbed' ? null : expect.closeTo(26 + 23.5 / 24, 10),
      });
    }
    expect((await snapshot('organization', ids.municipality!, 'day')).figures).toMatchObject(NO_SLUICE_FIGURES);
  });

  it('counts the sluice by domain, never by environment type, and the month by each promise as it ran out', async () => {
    const { breakdowns } = await snapshot('organization', ids.region!, 'day');
    expect(breakdowns.domain!['elderly-care']).toMatchObject({ ideasReceived: { need: 1, idea: 1 } });
    expect(breakdowns.domain!.health).toMatchObject({ ideasReceived: { need: 0, idea: 0 } });
    expect(Object.keys(breakdowns.environmentType!).sort()).toEqual(['lab']);
    const month = (await snapshot('organization', ids.region!, 'month-to-date')).figures;
    // i1 (late), n1 (in time) and n2 (never answered) ran out in March; n3 and i2 run out in April.
    expect(month).toMatchObject({ ideasReceived: { need: 3, idea: 2 }, screenedInTimeShare: 1 / 3 });
    expect((await snapshot('platform', null, 'year-to-date')).figures).toMatchObject({
      publishedShare: 1,
      adoptedElsewhereShare: 0.5,
    });
  });

  it('gives a test bed with no slots zeros, and empty ratios and medians', async () => {
    const { figures, breakdowns } = await snapshot('testbed', ids.b!, 'day');
    expect(figures).toMatchObject({
      placesOffered: 0,
      placesHeld: 0,
      utilization: null,
      medianDaysToDecision: null,
      adoptionRate: null,
      targetsMetShare: null,
      bookingsByStatus: { pending: 0, confirmed: 0 },
    });
    expect(breakdowns).toEqual({ domain: {}, environmentType: {} });
  });

  it('breaks every figure down by domain and by environment type', async () => {
    const { breakdowns } = await snapshot('platform', null, 'day');
    expect(Object.keys(breakdowns.domain!).sort()).toEqual(['elderly-care', 'health']);
    expect(breakdowns.domain!.health).toMatchObject({
      placesOffered: 2,
      bookingsByStatus: { confirmed: 1, pending: 1, waitlisted: 1 },
      firstTimeCompanies: 1,
      outcomesByResult: { procured: 1 },
      measurementsRequested: 2,
    });
    expect(breakdowns.environmentType).toEqual({
      lab: expect.objectContaining({ placesOffered: 2, promotions: 1, targetsMetShare: 0.5 }),
    });
  });

  it('adds up the month and the year to date', async () => {
    const month = (await snapshot('testbed', ids.a!, 'month-to-date')).figures;
    expect(month).toMatchObject({
      placesOffered: 3,
      placesHeld: 3,
      utilization: 1,
      bookingsByStatus: { confirmed: 2, pending: 1, waitlisted: 1, rejected: 1 },
      firstTimeCompanies: 2,
      returningCompanies: 1,
      decisions: 3,
      medianDaysToDecision: 2,
      pilotsByStage: { running: 1, completed: 1 },
    });
    const year = (await snapshot('platform', null, 'year-to-date')).figures;
    expect(year).toMatchObject({
      placesOffered: 6,
      placesHeld: 4,
      utilization: 4 / 6,
      pilotsByStage: { running: 1, completed: 2 },
      outcomesByResult: { procured: 1, discontinued: 1 },
      adoptionRate: 0.5,
      metricsWithTargets: 3,
      targetsMetShare: 2 / 3,
    });
  });

  it('counts a booking made after local midnight in the next day, and a day with no bookings as zeros', async () => {
    const builder = app.get(ReportBuilderService);
    await builder.build((await builder.nightlyRun('2027-03-29')).id);
    expect((await snapshot('platform', null, 'day', '2027-03-29')).figures).toMatchObject({
      bookingsByStatus: { waitlisted: 1, confirmed: 0 },
      waitingListLength: 1,
      placesOffered: 0,
    });
    await builder.build((await builder.nightlyRun('2027-03-30')).id);
    expect((await snapshot('platform', null, 'day', '2027-03-30')).figures).toMatchObject({
      bookingsByStatus: { pending: 0, confirmed: 0, waitlisted: 0 },
      decisions: 0,
      medianDaysToDecision: null,
      organizationsServed: { company: 0 },
    });
  });

  it('counts the places of a closed slot as offered (they were, until it closed), never a cancelled slot’s', async () => {
    const slot = (capacity: number, status: string) =>
      insert('slots', {
        testbed_id: ids.c,
        period: '[2027-03-31T08:00:00Z,2027-03-31T16:00:00Z)',
        capacity,
        status,
        closed_reason: status === 'closed' ? 'Personalen är sjuk' : null,
      });
    await slot(2, 'closed');
    await slot(1, 'cancelled');
    const builder = app.get(ReportBuilderService);
    await builder.build((await builder.nightlyRun('2027-03-31')).id);
    expect((await snapshot('testbed', ids.c!, 'day', '2027-03-31')).figures).toMatchObject({
      placesOffered: 2,
      placesHeld: 0,
      utilization: 0,
    });
  });

  it('replaces a night’s snapshots when the night runs again, never duplicating them', async () => {
    const builder = app.get(ReportBuilderService);
    const before = await one(`SELECT count(*)::int AS n FROM report_snapshots`);
    const again = await builder.nightlyRun('2027-03-28');
    await builder.build(again.id);
    await builder.build(again.id);
    expect(await one(`SELECT count(*)::int AS n FROM report_snapshots`)).toEqual(before);
    expect(await one(`SELECT count(*)::int AS n FROM report_runs WHERE night = '2027-03-28'`)).toEqual({ n: 1 });
    expect((await snapshot('testbed', ids.a!, 'day')).figures).toMatchObject({ placesOffered: 2, decisions: 1 });
  });
});
