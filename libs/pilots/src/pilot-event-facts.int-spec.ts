// The facts of pilot events are written with each event; events written before
// facts existed get theirs once, from their English detail, when the migration runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions, runPendingMigrations } from '@slussen/core';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../core/src/database/migrations.js';
import { PilotsReadThroughOwners1796060000000 } from '../../core/src/database/migrations/1796060000000-PilotsReadThroughOwners.js';
import { completeFacts, pilotEventDetail, type PilotEventFacts } from './pilot-event-facts.js';

// What the API wrote as `detail` before facts were stored, and the facts each stands for.
const WRITTEN_BEFORE: Array<[string, string | null, Partial<PilotEventFacts>]> = [
  ['plan-changed', 'plan replaced; plan version 3', { cause: 'plan-replaced', planVersion: 3 }],
  ['plan-changed', 'goals changed; plan version 2', { cause: 'goals-changed', planVersion: 2 }],
  [
    'plan-changed',
    'metric wait-days added; plan version 4',
    { cause: 'metric-added', metricKey: 'wait-days', planVersion: 4 },
  ],
  ['plan-approved', 'testbed approved plan version 2', { cause: 'plan-approved', side: 'testbed', planVersion: 2 }],
  ['plan-approved', 'company approved plan version 12', { cause: 'plan-approved', side: 'company', planVersion: 12 }],
  ['plan-agreed', 'plan version 2 agreed by both sides', { cause: 'plan-agreed', planVersion: 2 }],
  ['running', 'the slot started', { cause: 'slot-started' }],
  ['evaluating', 'the slot ended', { cause: 'slot-ended' }],
  ['completed', 'outcome: procured', { cause: 'outcome-recorded', result: 'procured' }],
  ['aborted', 'Personalen hann inte', { reason: 'Personalen hann inte' }],
  ['running', null, {}],
  ['plan-changed', 'a detail nobody wrote by these rules', {}],
];

describe('pilot event facts on the real PostgreSQL', () => {
  let admin: pg.Client;
  let name: string;
  let db: DataSource;
  let url: string;
  const mine = MIGRATIONS.indexOf(PilotsReadThroughOwners1796060000000);

  beforeAll(async () => {
    const base = process.env.DATABASE_URL!;
    name = `${new URL(base).pathname.slice(1)}_facts_${randomBytes(3).toString('hex')}`;
    admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
    url = Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    // The schema as it was before facts were stored.
    db = await new DataSource({
      ...dataSourceOptions({ url, poolSize: 2 }),
      migrations: MIGRATIONS.slice(0, mine),
    }).initialize();
    await db.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  const one = async (sql: string, params: unknown[] = []) =>
    ((await db.query(sql, params)) as Array<Record<string, string>>)[0]!;

  /** A confirmed booking, which the pilots trigger makes a pilot; returns the booking's and the pilot's ids. */
  async function confirmedBooking(title: string): Promise<{ bookingId: string; pilotId: string }> {
    const region = await one(`INSERT INTO organizations (name, kind) VALUES ($1, 'region') RETURNING id`, [
      `${title} region`,
    ]);
    const company = await one(`INSERT INTO organizations (name, kind) VALUES ($1, 'company') RETURNING id`, [
      `${title} company`,
    ]);
    const testbed = await one(
      `INSERT INTO testbeds (organization_id, name, slug, summary, environment_type, domains, municipality, capacity, status)
       VALUES ($1, $2, $2, 's', 'lab', '{health}', 'M', 5, 'published') RETURNING id`,
      [region.id, title],
    );
    const slot = await one(
      `INSERT INTO slots (testbed_id, period, capacity) VALUES ($1, '[2027-03-01T08:00:00Z,2027-03-20T16:00:00Z)', 1) RETURNING id`,
      [testbed.id],
    );
    const booking = await one(
      `INSERT INTO bookings (slot_id, testbed_id, organization_id, title, status) VALUES ($1, $2, $3, $4, 'confirmed') RETURNING id`,
      [slot.id, testbed.id, company.id, title],
    );
    const pilot = await one(`SELECT id FROM pilots WHERE booking_id = $1`, [booking.id]);
    return { bookingId: booking.id!, pilotId: pilot.id! };
  }

  const factsOf = async (pilotId: string) =>
    (await db.query(`SELECT type, detail, facts FROM pilot_events WHERE pilot_id = $1 ORDER BY at, id`, [
      pilotId,
    ])) as Array<{ type: string; detail: string | null; facts: Partial<PilotEventFacts> }>;

  it('back-fills the events written before, from their English detail, once', async () => {
    const before = await confirmedBooking('before');
    for (const [type, detail] of WRITTEN_BEFORE)
      await db.query(`INSERT INTO pilot_events (pilot_id, type, detail) VALUES ($1, $2, $3)`, [
        before.pilotId,
        type,
        detail,
      ]);
    const withdrawn = await confirmedBooking('withdrawn');
    await db.query(`UPDATE bookings SET status = 'cancelled' WHERE id = $1`, [withdrawn.bookingId]);

    // Now the rest of the migrations, this one among them.
    await db.destroy();
    db = await new DataSource(dataSourceOptions({ url, poolSize: 2 })).initialize();
    await runPendingMigrations(db);

    const events = await factsOf(before.pilotId);
    expect(events.map((event) => event.facts)).toEqual([
      { cause: 'booking-confirmed' },
      ...WRITTEN_BEFORE.map(([, , facts]) => facts),
    ]);
    expect(await factsOf(withdrawn.pilotId)).toEqual([
      { type: 'created', detail: 'the booking was confirmed', facts: { cause: 'booking-confirmed' } },
      {
        type: 'aborted',
        detail: 'the booking was cancelled',
        facts: { cause: 'booking-withdrawn', bookingStatus: 'cancelled' },
      },
    ]);
    // What the API writes from the facts from now on is the detail it wrote before, word for word.
    for (const event of events.filter((event) => event.facts.cause || event.facts.reason))
      expect(pilotEventDetail(event.facts)).toBe(event.detail);
    expect(completeFacts(events[0]!.facts)).toEqual({
      cause: 'booking-confirmed',
      planVersion: null,
      side: null,
      metricKey: null,
      result: null,
      bookingStatus: null,
      reason: null,
    });
  });

  it('has the renamed pilots trigger write the facts of the events a booking causes', async () => {
    const triggers = await db.query(
      `SELECT tgname FROM pg_trigger WHERE tgrelid = 'bookings'::regclass AND tgname LIKE '%pilots%' ORDER BY tgname`,
    );
    expect(triggers).toEqual([{ tgname: 'pilots_follow_bookings' }]);
    const after = await confirmedBooking('after');
    await db.query(`UPDATE bookings SET status = 'expired' WHERE id = $1`, [after.bookingId]);
    expect((await factsOf(after.pilotId)).map((event) => [event.type, event.facts])).toEqual([
      ['created', { cause: 'booking-confirmed' }],
      ['aborted', { cause: 'booking-withdrawn', bookingStatus: 'expired' }],
    ]);
  });
});
