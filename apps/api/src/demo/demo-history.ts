import type { EntityManager } from 'typeorm';
import type { DemoTestbed } from './demo-data.js';

/** Companies that piloted on Slussen over the past year; they have no demo logins. */
export const HISTORY_COMPANIES = [
  'Nattljus Omsorg AB',
  'Trygga Steg AB',
  'Klimatdata Norden AB',
  'Lärväg AB',
  'Mobilis Transit AB',
  'Hemnära Vård AB',
];

/** What pilots of the past year tried, by a test bed's first domain (a title and what was measured). */
const PILOT_TITLES: Record<string, string[]> = {
  'elderly-care': ['Digital tillsyn nattetid', 'Fallsensorer i golvet', 'Bildsamtal med anhöriga'],
  health: ['Digitalt stöd vid överrapportering', 'Trådlös övervakning av vitalparametrar', 'AI-stöd för triagering'],
  'smart-city': ['Adaptiv gatubelysning', 'Sensorer för luftkvalitet', 'Räkning av cykeltrafik'],
  energy: ['Styrning av batterilager', 'Flexibel laddning i fastigheter'],
  education: ['Digitalt läromedel i matematik', 'Läsappen för årskurs 4'],
  'mental-health': ['Internetbaserad KBT', 'Beslutsstöd för bedömning'],
  mobility: ['Självkörande skyttel i blandtrafik', 'Realtidsinformation för resenärer'],
  'public-safety': ['Trygghetsvandring med app', 'Smart belysning i gångstråk'],
  'welfare-technology': ['Smarta lås i hemtjänsten', 'Påminnelser om läkemedel'],
  'food-and-agriculture': ['Berikad konsistensanpassad mat', 'Digital matbeställning'],
};

const OUTCOME_SUMMARIES: Record<string, string> = {
  adopted: 'Lösningen fungerade i vardagen och har införts i verksamheten.',
  procured: 'Piloten visade effekt och lösningen har upphandlats.',
  extended: 'Resultaten är lovande; piloten förlängs för att samla mer underlag.',
  discontinued: 'Lösningen passade inte arbetssättet; verksamheten går vidare utan den.',
};

/**
 * A year of history for the demo: past slots on every test bed, booking requests
 * and their decisions, and the pilots they became, each completed with
 * measurements and an outcome (a few aborted). Utilization grows over the year,
 * as a new platform's does.
 *
 * Written with explicit timestamps in one transaction: the booking and pilot
 * services take their time from the database clock and refuse slots in the past,
 * so a past cannot be booked through them. The database's own triggers still
 * keep places held, make a pilot of each confirmed booking and keep the
 * measurement facts. Nothing here is left for the worker to act on: every
 * booking is decided, every pilot finished, every measurement request answered
 * or reminded.
 */
export async function seedHistory(
  manager: EntityManager,
  testbeds: Array<DemoTestbed & { id: string }>,
  companyIds: string[],
): Promise<{ bookings: number; pilots: number }> {
  await manager.query(`SELECT setseed(0.2026)`);
  const plan = testbeds.map((testbed) => ({
    id: testbed.id,
    frequency: testbed.slots.frequency,
    weekday: testbed.slots.weekday,
    hours: testbed.slots.hours,
    capacity: testbed.slots.capacity,
    zone: testbed.timezone ?? 'Europe/Stockholm',
    titles: PILOT_TITLES[testbed.domains[0]!] ?? ['Pilot'],
  }));

  // The test beds were there all year (reports cover a test bed from its creation on).
  await manager.query(
    `UPDATE testbeds SET created_at = now() - interval '13 months', published_at = now() - interval '13 months' WHERE id = ANY($1::uuid[])`,
    [testbeds.map((testbed) => testbed.id)],
  );

  // Past slots: a year of weekly days or monthly periods, ended at least a day ago.
  await manager.query(
    `CREATE TEMP TABLE demo_slots ON COMMIT DROP AS
     WITH plan AS (SELECT * FROM json_to_recordset($1::json) AS p(id uuid, frequency text, weekday int, hours int, capacity int, zone text, titles text[])),
          starts AS (
            SELECT p.id, p.hours, p.capacity, p.titles,
                   ((date_trunc('week', now() AT TIME ZONE p.zone) - make_interval(weeks => n) + make_interval(days => p.weekday - 1, hours => 9)) AT TIME ZONE p.zone) AS starts
              FROM plan p, generate_series(1, 52) n WHERE p.frequency = 'weekly'
            UNION ALL
            SELECT p.id, p.hours, p.capacity, p.titles, ((date_trunc('month', now() AT TIME ZONE p.zone) - make_interval(months => n) + interval '9 hours') AT TIME ZONE p.zone)
              FROM plan p, generate_series(1, 12) n WHERE p.frequency = 'monthly')
     SELECT gen_random_uuid() AS id, id AS testbed_id, capacity, titles, starts, starts + make_interval(hours => hours) AS ends
       FROM starts WHERE starts + make_interval(hours => hours) < now() - interval '1 day'`,
    [JSON.stringify(plan)],
  );
  await manager.query(
    `INSERT INTO slots (id, testbed_id, period, capacity, created_at, updated_at) SELECT id, testbed_id, tstzrange(starts, ends), capacity, starts - interval '60 days', starts - interval '60 days' FROM demo_slots`,
  );

  // Requests: each place is asked for more often as the year goes on (about a third a year ago, most of them last month).
  await manager.query(
    `CREATE TEMP TABLE demo_bookings ON COMMIT DROP AS
     WITH places AS (
       SELECT s.*, k, random() AS asked, random() AS fate, random() AS lead, random() AS pace, abs(hashtext(s.id::text)) AS h,
              extract(epoch FROM now() - s.starts) / (86400 * 365.0) AS age
         FROM demo_slots s, generate_series(1, s.capacity) k)
     SELECT gen_random_uuid() AS id, p.id AS slot_id, p.testbed_id, ($1::uuid[])[1 + (p.h + p.k) % cardinality($1::uuid[])] AS organization_id,
            p.titles[1 + (p.h + p.k) % cardinality(p.titles)] AS title,
            CASE WHEN p.fate < 0.08 THEN 'rejected' WHEN p.fate < 0.13 THEN 'cancelled' ELSE 'confirmed' END AS status,
            p.starts, p.ends,
            p.starts - make_interval(days => 4 + (p.lead * 35)::int, hours => (p.pace * 8)::int) AS requested_at,
            p.starts - make_interval(days => 4 + (p.lead * 35)::int) + make_interval(hours => 4 + (p.pace * 110)::int) AS decided_at
       FROM places p WHERE p.asked < 0.9 - 0.55 * p.age`,
    [companyIds],
  );
  await manager.query(
    `INSERT INTO bookings (id, slot_id, testbed_id, organization_id, title, status, created_at, updated_at)
     SELECT id, slot_id, testbed_id, organization_id, title, status, requested_at, decided_at FROM demo_bookings`,
  );
  await manager.query(
    `INSERT INTO booking_events (booking_id, at, type, from_status, to_status, reason)
     SELECT id, requested_at, 'requested', NULL, 'pending', NULL FROM demo_bookings
     UNION ALL SELECT id, decided_at, CASE status WHEN 'rejected' THEN 'rejected' ELSE 'approved' END, 'pending', CASE status WHEN 'rejected' THEN 'rejected' ELSE 'confirmed' END,
                      CASE status WHEN 'rejected' THEN 'Testbädden kan inte ta emot piloten under perioden' END FROM demo_bookings
     UNION ALL SELECT id, decided_at + interval '3 days', 'cancelled', 'confirmed', 'cancelled', 'Företaget avbokade' FROM demo_bookings WHERE status = 'cancelled'`,
  );

  // The pilots the confirmed bookings became (the trigger made them): planned, run, evaluated and completed, a few aborted.
  await manager.query(
    `CREATE TEMP TABLE demo_pilots ON COMMIT DROP AS
     SELECT p.id, b.starts, b.ends, b.decided_at, random() AS fate,
            least(b.ends + make_interval(days => 3 + (random() * 18)::int), now() - interval '1 hour') AS ended_at
       FROM pilots p JOIN demo_bookings b ON b.id = p.booking_id`,
  );
  await manager.query(
    `UPDATE pilots p SET stage = CASE WHEN d.fate < 0.06 THEN 'aborted' ELSE 'completed' END,
            abort_reason = CASE WHEN d.fate < 0.06 THEN 'Företaget kunde inte leverera i tid' END,
            goals = ARRAY['Pröva lösningen i verklig vardag', 'Mäta effekt mot uppsatta mål'],
            company_approved_version = 1, testbed_approved_version = 1, plan_agreed_at = d.decided_at + interval '2 days',
            started_at = d.starts, evaluating_at = CASE WHEN d.fate < 0.06 THEN NULL ELSE d.ends END, ended_at = CASE WHEN d.fate < 0.06 THEN d.starts + (d.ends - d.starts) / 2 ELSE d.ended_at END,
            created_at = d.decided_at, updated_at = d.ended_at
       FROM demo_pilots d WHERE d.id = p.id`,
  );
  await manager.query(
    `UPDATE pilot_events e SET at = d.decided_at FROM demo_pilots d WHERE e.pilot_id = d.id AND e.type = 'created'`,
  );
  await manager.query(
    `INSERT INTO pilot_events (pilot_id, at, type, from_stage, to_stage, detail, facts)
     SELECT id, starts, 'running', 'planned', 'running', NULL, '{}'::jsonb FROM demo_pilots
     UNION ALL SELECT id, ends, 'evaluating', 'running', 'evaluating', NULL, '{}' FROM demo_pilots WHERE fate >= 0.06
     UNION ALL SELECT id, ended_at, 'completed', 'evaluating', 'completed', NULL, '{}' FROM demo_pilots WHERE fate >= 0.06
     UNION ALL SELECT id, starts + (ends - starts) / 2, 'aborted', 'running', 'aborted', 'Företaget kunde inte leverera i tid',
                      '{"reason": "Företaget kunde inte leverera i tid"}' FROM demo_pilots WHERE fate < 0.06`,
  );

  // Two measured metrics with targets per completed pilot, asked for at the pilot's end; nearly all answered.
  await manager.query(
    `CREATE TEMP TABLE demo_metrics ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, d.id AS pilot_id, m.key, m.name, m.unit, m.direction, m.baseline, m.target, d.starts, d.ends, d.decided_at,
            random() AS answered, m.baseline + (m.target - m.baseline) * (0.4 + random() * 0.9) AS value
       FROM demo_pilots d,
            (VALUES ('satisfaction', 'Nöjdhet hos personalen', 'poäng 1–5', 'increase', 3.0, 4.0),
                    ('minutes-saved', 'Sparad tid per pass', 'minuter', 'increase', 0.0, 20.0)) AS m(key, name, unit, direction, baseline, target)
      WHERE d.fate >= 0.06`,
  );
  await manager.query(
    `INSERT INTO pilot_metrics (id, pilot_id, key, name, unit, direction, baseline, target, cadence, created_at)
     SELECT id, pilot_id, key, name, unit, direction, baseline, target, 'end', decided_at + interval '1 day' FROM demo_metrics`,
  );
  await manager.query(
    `INSERT INTO measurements (pilot_id, metric_id, value, observed_at, origin, created_at)
     SELECT pilot_id, id, round(value::numeric, 1), ends - interval '1 day', 'submitted', ends FROM demo_metrics WHERE answered < 0.92`,
  );
  await manager.query(
    `INSERT INTO measurement_requests (pilot_id, metric_id, window_start, due_at, window_end, opened_at, reminded_at)
     SELECT pilot_id, id, ends - interval '7 days', ends, ends + interval '14 days', ends - interval '7 days', ends + interval '3 days' FROM demo_metrics`,
  );
  // Outcomes: most adopted or extended, some procured, a quarter discontinued.
  await manager.query(
    `INSERT INTO pilot_outcomes (pilot_id, result, summary, lessons, procurement_reference, procurement_date, recorded_at)
     SELECT id, result, ($1::json ->> result), 'Tidig dialog med personalen och tydliga mått gjorde utvärderingen enkel.',
            CASE WHEN result = 'procured' THEN 'UH-' || to_char(ended_at, 'YYYY') || '-' || lpad((abs(hashtext(id::text)) % 900 + 100)::text, 3, '0') END,
            CASE WHEN result = 'procured' THEN (ended_at + interval '30 days')::date END, ended_at
       FROM (SELECT id, ended_at, CASE WHEN fate < 0.36 THEN 'adopted' WHEN fate < 0.5 THEN 'procured' WHEN fate < 0.75 THEN 'extended' ELSE 'discontinued' END AS result
               FROM demo_pilots WHERE fate >= 0.06) o`,
    [JSON.stringify(OUTCOME_SUMMARIES)],
  );
  const [{ bookings, pilots }] = await manager.query(
    `SELECT (SELECT count(*) FROM demo_bookings)::int AS bookings, (SELECT count(*) FROM demo_pilots)::int AS pilots`,
  );
  return { bookings, pilots };
}
