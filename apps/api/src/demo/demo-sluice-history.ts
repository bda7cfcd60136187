import type { EntityManager } from 'typeorm';

/** Needs the region's staff sent in over the year, and ideas companies sent, as people write them. */
const PAST_NEEDS = [
  'Läkemedelsgenomgångar tar för lång tid på korttidsboendet',
  'Nattlig oro hos boende med demens',
  'Svårt att hitta lediga platser på korttidsboende',
  'Anhöriga får för lite information vid utskrivning',
  'Dokumentation tar tid från brukarna i hemtjänsten',
  'Munhälsan brister hos äldre i ordinärt boende',
  'Undernäring upptäcks sent hos äldre med hemtjänst',
  'Trycksår hos sängliggande på vårdboende',
];
const PAST_IDEAS = [
  'Sensorer som larmar när boende lämnar sängen',
  'Digital tillsyn nattetid med kamera som bara visar siluett',
  'Matbeställning via surfplatta för äldre i hemtjänsten',
  'Schemaläggning med hänsyn till brukarnas önskemål',
];

/**
 * A year of what came into Region Stockholm's sluice before today, so the
 * first outcome reports show the sluice's figures: 24 needs and ideas, each
 * screened (one in five after the 14 days the sluice promises), then declined
 * or closed; and four companies' ideas of the history that became pilots (their
 * bookings link them), submitted weeks before their pilots began. Written with
 * explicit times in one transaction, as the rest of the history is (the
 * services take their time from the clock); the database's own checks still
 * hold every link. Returns how many ideas it wrote.
 */
export async function seedSluiceHistory(
  manager: EntityManager,
  sluice: { id: string; organizationId: string; nurseUserId: string },
  companyIds: string[],
): Promise<number> {
  const [{ count }] = (await manager.query(
    `WITH past AS (
       SELECT n, n % 3 = 0 AS idea, now() - make_interval(days => n * 15) AS at,
              (ARRAY[2, 5, 9, 13, 20])[1 + n % 5] AS answer_days
         FROM generate_series(1, 24) n
     ), written AS (
       INSERT INTO ideas (sluice_id, kind, title, description, domains, status, submitted_by_user_id,
                          submitter_organization_id, decline_reason, result, screened_at, decided_at, closed_at,
                          created_at, updated_at)
       SELECT $1::uuid, CASE WHEN idea THEN 'idea' ELSE 'need' END,
              CASE WHEN idea THEN ($5::text[])[1 + n / 3 % cardinality($5::text[])]
                   ELSE ($4::text[])[1 + n % cardinality($4::text[])] END,
              'Inlämnat under året som gått.', ARRAY['elderly-care'],
              CASE WHEN n % 6 = 0 THEN 'declined' ELSE 'closed' END,
              CASE WHEN idea THEN NULL ELSE $3::uuid END,
              CASE WHEN idea THEN ($6::uuid[])[1 + n % cardinality($6::uuid[])] ELSE $2::uuid END,
              CASE WHEN n % 6 = 0 THEN 'Behovet ligger utanför det slussen kan pröva i år.' END,
              CASE WHEN n % 6 <> 0 THEN 'Löst med ett arbetssätt som redan fanns i en annan kommun.' END,
              at + make_interval(days => answer_days),
              at + make_interval(days => answer_days + 7),
              CASE WHEN n % 6 <> 0 THEN least(now(), at + make_interval(days => answer_days + 40)) END,
              at, at
         FROM past
       RETURNING id
     )
     SELECT count(*)::int AS count FROM written`,
    [sluice.id, sluice.organizationId, sluice.nurseUserId, PAST_NEEDS, PAST_IDEAS, companyIds],
  )) as [{ count: number }];

  // Four completed pilots of the history began as ideas in the sluice: accepted with their test bed,
  // piloting once the booking linked them, closed a month into the pilot.
  const piloted = (await manager.query(
    `SELECT b.id AS "bookingId", b.testbed_id AS "testbedId", b.organization_id AS "companyId", pf.starts_at AS "startsAt"
       FROM bookings b JOIN pilots_pilot_facts pf ON pf.booking_id = b.id
      WHERE pf.stage = 'completed' AND b.organization_id = ANY($1::uuid[]) AND b.idea_id IS NULL
      ORDER BY pf.starts_at`,
    [companyIds],
  )) as Array<{ bookingId: string; testbedId: string; companyId: string; startsAt: Date }>;
  const chosen = piloted.filter((_, index) => index % Math.max(1, Math.floor(piloted.length / 4)) === 0).slice(0, 4);
  for (const [index, pilot] of chosen.entries()) {
    const [{ id }] = (await manager.query(
      `INSERT INTO ideas (sluice_id, kind, title, description, domains, status, submitter_organization_id,
                          screened_at, decided_at, piloting_at, created_at, updated_at)
       VALUES ($1, 'idea', $2, 'Inlämnat som idé och prövat i en av testbäddarna.', ARRAY['elderly-care'], 'piloting', $3,
               $4::timestamptz - interval '36 days', $4::timestamptz - interval '28 days', $4::timestamptz - interval '14 days',
               $4::timestamptz - make_interval(days => 40 + $5::int * 10), $4::timestamptz - interval '14 days')
       RETURNING id`,
      [sluice.id, PAST_IDEAS[index % PAST_IDEAS.length], pilot.companyId, pilot.startsAt, index],
    )) as [{ id: string }];
    await manager.query(`INSERT INTO idea_testbeds (idea_id, testbed_id) VALUES ($1, $2)`, [id, pilot.testbedId]);
    await manager.query(`UPDATE bookings SET idea_id = $2 WHERE id = $1`, [pilot.bookingId, id]);
    await manager.query(
      `UPDATE ideas SET status = 'closed', result = 'Piloten genomfördes; se resultatet i testbädden.',
              closed_at = least(now(), $2::timestamptz + interval '30 days') WHERE id = $1`,
      [id, pilot.startsAt],
    );
  }

  // Each idea's history, from its own times.
  await manager.query(
    `INSERT INTO idea_events (idea_id, at, type, from_status, to_status, detail)
     SELECT i.id, e.at, e.type, e.from_status, e.type, e.detail
       FROM ideas i
       CROSS JOIN LATERAL (VALUES
         (i.created_at, 'submitted', NULL, NULL),
         (i.screened_at, 'screening', 'submitted', NULL),
         (CASE WHEN i.status = 'declined' THEN i.decided_at END, 'declined', 'screening', i.decline_reason),
         (CASE WHEN i.status = 'closed' THEN i.decided_at END, 'accepted', 'screening', NULL),
         (i.piloting_at, 'piloting', 'accepted', NULL),
         (i.closed_at, 'closed', CASE WHEN i.piloting_at IS NULL THEN 'accepted' ELSE 'piloting' END, i.result)
       ) AS e(at, type, from_status, detail)
      WHERE i.sluice_id = $1 AND i.created_at < now() - interval '1 day' AND e.at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM idea_events x WHERE x.idea_id = i.id)`,
    [sluice.id],
  );
  return count + chosen.length;
}
