import { ORGANIZATION_KINDS } from '@slussen/core';
import { OUTCOME_RESULTS, PILOT_STAGES } from '@slussen/pilots';
import { IDEA_KINDS } from '@slussen/ideas';
import { BOOKING_STATUSES } from '@slussen/scheduling';

/**
 * Every figure of an outcome report, defined once: what it means (shown in
 * every rendering) and the SQL aggregate that computes it. Figures come in
 * families that read the same read model (a view owned by another context)
 * over the same time column, so one statement computes a family for every
 * scope, period and breakdown at once.
 */
export type FigureUnit = 'count' | 'ratio' | 'days';

export interface Figure {
  key: string;
  title: string;
  definition: string;
  /** The title and definition in Swedish, for a Swedish reader. */
  sv: { title: string; definition: string };
  unit: FigureUnit;
  /** For a figure counted in parts (bookings by status): the parts, each with its own aggregate. */
  parts?: Record<string, string>;
  /** The aggregate over the family's facts (`f`), for a figure of one value. */
  sql?: string;
}

export interface Family {
  name: string;
  /**
   * A sub-select of the read model, aliased `f`. It must give `testbed_id`; a family `ownedBy`
   * organizations gives `testbed_id` NULL, `organization_id` and `domains` (such facts have no
   * test bed: they count for the platform and the organization, by domain, never for a test bed).
   */
  from: string;
  ownedBy?: 'testbed' | 'organization';
  /** When a fact falls in period `p` (p.starts, p.ends). Aggregates read the period's start as `f.period_starts`. */
  inPeriod: string;
  /**
   * Additive families first sum their facts per test bed and period (these
   * partial aggregates, by name); their figures then combine the partials
   * (`sum(f.name)`), so the grouping into scopes reads thousands of rows, not millions.
   */
  partials?: Record<string, string>;
  /**
   * For figures that count distinct things (companies): the columns of the thing. Each grouping
   * then holds each thing once, and the figures count rows (`count(*)`).
   */
  distinctOn?: string[];
  figures: Figure[];
}

// Companies first: they are whom the test beds serve.
const REQUESTER_KINDS = ['company', ...ORGANIZATION_KINDS.filter((kind) => kind !== 'company')];

const each = (values: readonly string[], sql: (value: string) => string) =>
  Object.fromEntries(values.map((value) => [value, sql(value)]));

export const FAMILIES: Family[] = [
  {
    name: 'places',
    // A closed slot takes no new bookings, but its places were offered until it closed: they count.
    from: `(SELECT testbed_id, starts_at, capacity, held FROM scheduling_slot_facts WHERE status <> 'cancelled')`,
    inPeriod: 'f.starts_at >= p.starts AND f.starts_at < p.ends',
    partials: { capacity: 'sum(f.capacity)', held: 'sum(f.held)' },
    figures: [
      {
        key: 'placesOffered',
        title: 'Places offered',
        sv: {
          title: 'Erbjudna platser',
          definition:
            'Summan av kapaciteten för de tillfällen som börjar under perioden, utom de inställda; ett stängt tillfälle räknas, eftersom dess platser erbjöds tills det stängdes.',
        },
        unit: 'count',
        definition:
          'The sum of the capacities of the slots that start in the period, except cancelled ones; a closed slot counts, as its places were offered until it closed.',
        sql: 'sum(f.capacity)',
      },
      {
        key: 'placesHeld',
        title: 'Places held',
        sv: {
          title: 'Bokade platser',
          definition:
            'Av de erbjudna platserna, de som hölls av en väntande eller bekräftad bokning när rapporten byggdes.',
        },
        unit: 'count',
        definition: 'Of the places offered, those held by a pending or confirmed booking when the report was built.',
        sql: 'sum(f.held)',
      },
      {
        key: 'utilization',
        title: 'Utilization',
        sv: {
          title: 'Beläggning',
          definition: 'Bokade platser delat med erbjudna platser; tom när ingen plats erbjöds.',
        },
        unit: 'ratio',
        definition: 'Places held divided by places offered; empty when no place was offered.',
        sql: 'sum(f.held)::float8 / nullif(sum(f.capacity), 0)',
      },
    ],
  },
  {
    name: 'bookings',
    from: `(SELECT testbed_id, status, requested_at FROM scheduling_booking_facts)`,
    inPeriod: 'f.requested_at >= p.starts AND f.requested_at < p.ends',
    partials: each(BOOKING_STATUSES, (status) => `count(*) FILTER (WHERE f.status = '${status}')`),
    figures: [
      {
        key: 'bookingsByStatus',
        title: 'Bookings by status',
        sv: {
          title: 'Bokningar efter status',
          definition: 'Bokningar som begärdes under perioden, efter sin status när rapporten byggdes.',
        },
        unit: 'count',
        definition: 'Bookings requested in the period, by their status when the report was built.',
        parts: each(BOOKING_STATUSES, (status) => `sum(f.${status})`),
      },
      {
        key: 'waitingListLength',
        title: 'Waiting list',
        sv: {
          title: 'Kölista',
          definition:
            'Bokningar som begärdes under perioden och fortfarande väntade på en plats när rapporten byggdes.',
        },
        unit: 'count',
        definition: 'Bookings requested in the period that were still waiting for a place when the report was built.',
        sql: 'sum(f.waitlisted)',
      },
    ],
  },
  {
    name: 'companies',
    from: `(SELECT b.testbed_id, b.organization_id AS company_id, b.requested_at, o.kind AS company_kind, first.first_requested_at
              FROM scheduling_booking_facts b
              JOIN identity_organization_facts o ON o.organization_id = b.organization_id
              JOIN scheduling_company_first_bookings first ON first.organization_id = b.organization_id)`,
    inPeriod: 'f.requested_at >= p.starts AND f.requested_at < p.ends',
    distinctOn: ['company_id', 'company_kind', 'first_requested_at'],
    figures: [
      {
        key: 'organizationsServed',
        title: 'Organizations that requested places',
        sv: {
          title: 'Organisationer som begärt plats',
          definition: 'Olika organisationer som begärde en bokning under perioden, efter slag.',
        },
        unit: 'count',
        definition: 'Distinct organizations that requested a booking in the period, by kind.',
        parts: each(REQUESTER_KINDS, (kind) => `count(*) FILTER (WHERE f.company_kind = '${kind}')`),
      },
      {
        key: 'firstTimeCompanies',
        title: 'First-time companies',
        sv: {
          title: 'Nya företag',
          definition:
            'Organisationer som begärde en bokning under perioden och vars första bokning på Slussen gjordes under perioden.',
        },
        unit: 'count',
        definition:
          'Organizations that requested a booking in the period and whose first booking on Slussen was in the period.',
        sql: 'count(*) FILTER (WHERE f.first_requested_at >= f.period_starts)',
      },
      {
        key: 'returningCompanies',
        title: 'Returning companies',
        sv: {
          title: 'Återkommande företag',
          definition: 'Organisationer som begärde en bokning under perioden och hade bokat på Slussen före den.',
        },
        unit: 'count',
        definition: 'Organizations that requested a booking in the period and had booked on Slussen before it.',
        sql: 'count(*) FILTER (WHERE f.first_requested_at < f.period_starts)',
      },
    ],
  },
  {
    name: 'decisions',
    from: `(SELECT testbed_id, requested_at, decided_at FROM scheduling_decision_facts)`,
    inPeriod: 'f.decided_at >= p.starts AND f.decided_at < p.ends',
    figures: [
      {
        key: 'decisions',
        title: 'Decisions',
        sv: {
          title: 'Beslut',
          definition: 'Bokningsförfrågningar som en förvaltare godkände eller avslog under perioden.',
        },
        unit: 'count',
        definition: 'Booking requests that a manager approved or rejected in the period.',
        sql: 'count(*)',
      },
      {
        key: 'medianDaysToDecision',
        title: 'Median days to decision',
        sv: {
          title: 'Mediantid till beslut i dagar',
          definition:
            'Mediantiden i dagar från en bokningsförfrågan till godkännande eller avslag, över besluten under perioden; tom utan beslut.',
        },
        unit: 'days',
        definition:
          'The median time, in days, from a booking request to its approval or rejection, over the decisions made in the period; empty without decisions.',
        sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.decided_at - f.requested_at) / 86400)',
      },
    ],
  },
  {
    name: 'promotions',
    from: `(SELECT testbed_id, promoted_at FROM scheduling_promotion_facts)`,
    inPeriod: 'f.promoted_at >= p.starts AND f.promoted_at < p.ends',
    partials: { promoted: 'count(*)' },
    figures: [
      {
        key: 'promotions',
        title: 'Promotions from waiting lists',
        sv: {
          title: 'Flyttade från kölista',
          definition: 'Bokningar som fick en plats från en kölista under perioden.',
        },
        unit: 'count',
        definition: 'Bookings that got a place from a waiting list in the period.',
        sql: 'sum(f.promoted)',
      },
    ],
  },
  {
    name: 'pilots',
    from: `(SELECT testbed_id, stage, starts_at, ends_at FROM pilots_pilot_facts)`,
    inPeriod: 'f.starts_at < p.ends AND f.ends_at > p.starts',
    partials: each(PILOT_STAGES, (stage) => `count(*) FILTER (WHERE f.stage = '${stage}')`),
    figures: [
      {
        key: 'pilotsByStage',
        title: 'Pilots by stage',
        sv: {
          title: 'Piloter efter skede',
          definition: 'Piloter vars tillfälle överlappar perioden, efter sitt skede när rapporten byggdes.',
        },
        unit: 'count',
        definition: 'Pilots whose slot overlaps the period, by their stage when the report was built.',
        parts: each(PILOT_STAGES, (stage) => `sum(f.${stage})`),
      },
    ],
  },
  {
    name: 'outcomes',
    // A pilot counts as published once both sides consented in the results library.
    from: `(SELECT pf.testbed_id, pf.outcome, pf.outcome_recorded_at, lr.published_at IS NOT NULL AS published
              FROM pilots_pilot_facts pf LEFT JOIN library_result_facts lr ON lr.pilot_id = pf.pilot_id
             WHERE pf.outcome IS NOT NULL)`,
    inPeriod: 'f.outcome_recorded_at >= p.starts AND f.outcome_recorded_at < p.ends',
    partials: {
      ...each(OUTCOME_RESULTS, (result) => `count(*) FILTER (WHERE f.outcome = '${result}')`),
      published: 'count(*) FILTER (WHERE f.published)',
    },
    figures: [
      {
        key: 'outcomesByResult',
        title: 'Outcomes by result',
        sv: {
          title: 'Utfall efter resultat',
          definition: 'Utfall av avslutade piloter som registrerades under perioden, efter resultat.',
        },
        unit: 'count',
        definition: 'Outcomes of completed pilots recorded in the period, by result.',
        parts: each(OUTCOME_RESULTS, (result) => `sum(f.${result})`),
      },
      {
        key: 'adoptionRate',
        title: 'Adoption rate',
        sv: {
          title: 'Andel införda',
          definition:
            'Av piloterna som avslutades under perioden, andelen vars utfall är infört eller upphandlat; tom när ingen avslutades.',
        },
        unit: 'ratio',
        definition:
          'Of the pilots completed in the period, the share whose outcome is adopted or procured; empty when none was completed.',
        sql: `(sum(f.adopted) + sum(f.procured))::float8 / nullif(${OUTCOME_RESULTS.map((result) => `sum(f.${result})`).join(' + ')}, 0)`,
      },
      {
        key: 'publishedShare',
        title: 'Results published',
        sv: {
          title: 'Publicerade resultat',
          definition:
            'Av piloterna som avslutades under perioden, andelen vars resultat båda sidor har publicerat i resultatbiblioteket; tom när ingen avslutades.',
        },
        unit: 'ratio',
        definition:
          'Of the pilots completed in the period, the share whose result both sides published in the results library; empty when none was completed.',
        sql: `sum(f.published)::float8 / nullif(${OUTCOME_RESULTS.map((result) => `sum(f.${result})`).join(' + ')}, 0)`,
      },
    ],
  },
  {
    name: 'spread',
    // Adopted elsewhere: by an organization other than the one that runs the test bed.
    from: `(SELECT pf.testbed_id, lr.published_at,
                   EXISTS (SELECT 1 FROM unnest(lr.adopter_ids) AS a(organization_id)
                             JOIN catalogue_testbed_facts t ON t.testbed_id = pf.testbed_id
                            WHERE a.organization_id <> t.organization_id) AS adopted_elsewhere
              FROM library_result_facts lr JOIN pilots_pilot_facts pf ON pf.pilot_id = lr.pilot_id
             WHERE lr.published_at IS NOT NULL)`,
    inPeriod: 'f.published_at >= p.starts AND f.published_at < p.ends',
    partials: { published: 'count(*)', adopted: 'count(*) FILTER (WHERE f.adopted_elsewhere)' },
    figures: [
      {
        key: 'adoptedElsewhereShare',
        title: 'Results adopted elsewhere',
        sv: {
          title: 'Resultat införda på annat håll',
          definition:
            'Av resultaten som publicerades under perioden, andelen som minst en annan region eller kommun än testbäddens har infört; tom när inget publicerades.',
        },
        unit: 'ratio',
        definition:
          'Of the results published in the period, the share adopted by at least one region or municipality other than the test bed’s own; empty when none was published.',
        sql: 'sum(f.adopted)::float8 / nullif(sum(f.published), 0)',
      },
    ],
  },
  {
    name: 'ideas',
    ownedBy: 'organization',
    from: `(SELECT NULL::uuid AS testbed_id, organization_id, domains, kind, submitted_at FROM ideas_idea_facts)`,
    inPeriod: 'f.submitted_at >= p.starts AND f.submitted_at < p.ends',
    partials: each(IDEA_KINDS, (kind) => `count(*) FILTER (WHERE f.kind = '${kind}')`),
    figures: [
      {
        key: 'ideasReceived',
        title: 'Ideas and needs received',
        sv: {
          title: 'Mottagna idéer och behov',
          definition: 'Behov och idéer som lämnades in till en innovationssluss under perioden, efter slag.',
        },
        unit: 'count',
        definition: 'Needs and ideas submitted to an innovation sluice in the period, by kind.',
        parts: each(IDEA_KINDS, (kind) => `sum(f.${kind})`),
      },
    ],
  },
  {
    name: 'promises',
    ownedBy: 'organization',
    // Counted when the promised time runs out, when it is settled whether the answer came in time
    // (screened, or declined at once); a report built again later says the same.
    from: `(SELECT NULL::uuid AS testbed_id, organization_id, domains, answered_at,
                   submitted_at + make_interval(days => answer_within_days) AS answer_due_at
              FROM ideas_idea_facts)`,
    inPeriod: 'f.answer_due_at >= p.starts AND f.answer_due_at < p.ends',
    partials: { due: 'count(*)', in_time: 'count(*) FILTER (WHERE f.answered_at <= f.answer_due_at)' },
    figures: [
      {
        key: 'screenedInTimeShare',
        title: 'Answered within the promise',
        sv: {
          title: 'Besvarade inom löftet',
          definition:
            'Av behoven och idéerna vars utlovade svarstid gick ut under perioden, andelen som slussen tog sig an eller avböjde i tid; tom när ingen svarstid gick ut.',
        },
        unit: 'ratio',
        definition:
          'Of the needs and ideas whose promised answer time ran out in the period, the share the sluice screened or declined in time; empty when no promised time ran out.',
        sql: 'sum(f.in_time)::float8 / nullif(sum(f.due), 0)',
      },
    ],
  },
  {
    name: 'ideaPilots',
    ownedBy: 'organization',
    // A pilot starts when the slot of a booking that links the idea begins (the first, if several).
    from: `(SELECT NULL::uuid AS testbed_id, i.organization_id, i.domains, i.submitted_at, min(pf.starts_at) AS pilot_starts_at
              FROM ideas_idea_facts i
              JOIN scheduling_booking_ideas b ON b.idea_id = i.idea_id
              JOIN pilots_pilot_facts pf ON pf.booking_id = b.booking_id
             GROUP BY i.idea_id, i.organization_id, i.domains, i.submitted_at)`,
    inPeriod: 'f.pilot_starts_at >= p.starts AND f.pilot_starts_at < p.ends',
    figures: [
      {
        key: 'medianDaysToPilot',
        title: 'Median days from idea to pilot',
        sv: {
          title: 'Mediantid från idé till pilot i dagar',
          definition:
            'Mediantiden i dagar från att ett behov eller en idé lämnades in till att dess pilot började, över piloterna som började under perioden; tom utan sådana piloter.',
        },
        unit: 'days',
        definition:
          'The median time, in days, from a need or idea being submitted to the start of its pilot, over the pilots that started in the period; empty without such pilots.',
        sql: 'percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.pilot_starts_at - f.submitted_at) / 86400)',
      },
    ],
  },
  {
    name: 'targets',
    from: `(SELECT pf.testbed_id, pf.outcome_recorded_at,
                   CASE WHEN m.direction = 'increase' THEN m.latest_value >= m.target ELSE m.latest_value <= m.target END AS met
              FROM pilots_pilot_facts pf JOIN pilots_metric_facts m ON m.pilot_id = pf.pilot_id
             WHERE pf.outcome IS NOT NULL AND m.target IS NOT NULL AND m.latest_value IS NOT NULL)`,
    inPeriod: 'f.outcome_recorded_at >= p.starts AND f.outcome_recorded_at < p.ends',
    partials: { metrics: 'count(*)', met: 'count(*) FILTER (WHERE f.met)' },
    figures: [
      {
        key: 'metricsWithTargets',
        title: 'Metrics with a target',
        sv: {
          title: 'Mått med mål',
          definition: 'Mått med ett mål och minst en mätning, för piloterna som avslutades under perioden.',
        },
        unit: 'count',
        definition: 'Metrics with a target and at least one measurement, of the pilots completed in the period.',
        sql: 'sum(f.metrics)',
      },
      {
        key: 'targetsMetShare',
        title: 'Targets met',
        sv: {
          title: 'Uppnådda mål',
          definition:
            'Av de måtten, andelen vars senaste värde når målet (på eller över det vid en ökning, på eller under det vid en minskning); tom när det inte finns några.',
        },
        unit: 'ratio',
        definition:
          'Of those metrics, the share whose latest value meets its target (at or above it for an increase, at or below it for a decrease); empty when there are none.',
        sql: 'sum(f.met)::float8 / nullif(sum(f.metrics), 0)',
      },
    ],
  },
  {
    name: 'measurements',
    from: `(SELECT testbed_id, due_at, answered FROM pilots_measurement_request_facts WHERE opened_at IS NOT NULL)`,
    inPeriod: 'f.due_at >= p.starts AND f.due_at < p.ends',
    partials: { requested: 'count(*)', received: 'count(*) FILTER (WHERE f.answered)' },
    figures: [
      {
        key: 'measurementsRequested',
        title: 'Measurements requested',
        sv: {
          title: 'Begärda mätningar',
          definition: 'Mätningar som piloter ombads lämna, vid mättillfällen som inföll under perioden.',
        },
        unit: 'count',
        definition: 'Measurements that pilots were asked for, at cadence points that came due in the period.',
        sql: 'sum(f.requested)',
      },
      {
        key: 'measurementsReceived',
        title: 'Measurements received',
        sv: {
          title: 'Mottagna mätningar',
          definition: 'Av de begärda, de som besvarades med en mätning gjord inom begärans fönster.',
        },
        unit: 'count',
        definition: 'Of those requests, the ones answered by a measurement observed in the request’s window.',
        sql: 'sum(f.received)',
      },
    ],
  },
];

export const FIGURES: Figure[] = FAMILIES.flatMap((family) => family.figures);

/** What a snapshot says for a figure nothing happened for: zero counts, empty ratios and medians. */
export function emptyFigures(): Record<string, unknown> {
  return Object.fromEntries(
    FIGURES.map((figure) => [
      figure.key,
      figure.parts
        ? Object.fromEntries(Object.keys(figure.parts).map((part) => [part, 0]))
        : figure.unit === 'count'
          ? 0
          : null,
    ]),
  );
}
