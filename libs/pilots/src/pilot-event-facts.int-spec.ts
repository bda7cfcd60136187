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
import { PilotsRepository } from './repositories/pilots.repository.js';

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

  // The world before the migration is built straight into the tables of that schema (no service of today
  // writes it), with one helper for every table, as the report builder's figures test builds its world.
  const insert = (table: string, row: Record<string, unknown>) =>
    one(
      `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
        .map((_, index) => `$${index + 1}`)
        .join(', ')}) RETURNING id`,
      Object.values(row),
    );
  const update = (table: string, id: string, row: Record<string, unknown>) =>
    db.query(
      `UPDATE ${table} SET ${Object.keys(row)
        .map((column, index) => `${column} = $${index + 2}`)
        .join(', ')} WHERE id = $1`,
      [id, ...Object.values(row)],
    );

  /** A confirmed booking, which the pilots trigger makes a pilot; returns the booking's and the pilot's ids. */
  async function confirmedBooking(title: string): Promise<{ bookingId: string; pilotId: string }> {
    const region = await insert('organizations', { name: `${title} region`, kind: 'region' });
    const company = await insert('organizations', { name: `${title} company`, kind: 'company' });
    const testbed = await insert('testbeds', {
      organization_id: region.id,
      name: title,
      slug: title,
      summary: 's',
      environment_type: 'lab',
      domains: ['health'],
      municipality: 'M',
      capacity: 5,
      status: 'published',
    });
    const slot = await insert('slots', {
      testbed_id: testbed.id,
      period: '[2027-03-01T08:00:00Z,2027-03-20T16:00:00Z)',
      capacity: 1,
    });
    const booking = await insert('bookings', {
      slot_id: slot.id,
      testbed_id: testbed.id,
      organization_id: company.id,
      title,
      status: 'confirmed',
    });
    const pilot = await one(`SELECT id FROM pilots WHERE booking_id = $1`, [booking.id]);
    return { bookingId: booking.id!, pilotId: pilot.id! };
  }

  const factsOf = async (pilotId: string) =>
    (await db.query(`SELECT type, detail, facts FROM pilot_events WHERE pilot_id = $1 ORDER BY at, seq`, [
      pilotId,
    ])) as Array<{ type: string; detail: string | null; facts: Partial<PilotEventFacts> }>;

  it('back-fills the events written before, from their English detail, once', async () => {
    const before = await confirmedBooking('before');
    // One millisecond apart, so the timeline's order (by time, at millisecond precision) is the order written.
    for (const [index, [type, detail]] of WRITTEN_BEFORE.entries())
      await db.query(
        `INSERT INTO pilot_events (pilot_id, type, detail, at) VALUES ($1, $2, $3, clock_timestamp() + make_interval(secs => $4 / 1000.0))`,
        [before.pilotId, type, detail, index + 1],
      );
    const withdrawn = await confirmedBooking('withdrawn');
    await update('bookings', withdrawn.bookingId, { status: 'cancelled' });

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
    await update('bookings', after.bookingId, { status: 'expired' });
    expect((await factsOf(after.pilotId)).map((event) => [event.type, event.facts])).toEqual([
      ['created', { cause: 'booking-confirmed' }],
      ['aborted', { cause: 'booking-withdrawn', bookingStatus: 'expired' }],
    ]);
  });

  it('reads events of one millisecond in the order they were written (a second approval, then the agreement)', async () => {
    const tied = await confirmedBooking('tied');
    const at = new Date('2027-02-01T10:00:00.123Z');
    const written = ['plan-approved', 'plan-agreed', 'running', 'evaluating', 'completed', 'plan-changed'];
    for (const type of written)
      await db.query(`INSERT INTO pilot_events (pilot_id, type, at) VALUES ($1, $2, $3)`, [tied.pilotId, type, at]);
    const timeline = await new PilotsRepository(db).events(tied.pilotId);
    expect(timeline.filter((event) => event.at.getTime() === at.getTime()).map((event) => event.type)).toEqual(written);
    // Bookings' and ideas' timelines keep the same order of writing.
    const ordered = await db.query(
      `SELECT table_name FROM information_schema.columns WHERE column_name = 'seq' AND is_identity = 'YES' ORDER BY table_name`,
    );
    expect(ordered).toEqual([
      { table_name: 'booking_events' },
      { table_name: 'idea_events' },
      { table_name: 'pilot_events' },
    ]);
  });
});
