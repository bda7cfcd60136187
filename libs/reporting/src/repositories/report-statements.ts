import { emptyFigures, type Family } from '../figures.js';

/**
 * The SQL of a report run. Each family is one INSERT ... SELECT into the
 * staging table `report_values`, under the run's id ($5): its facts joined to the periods, grouped by
 * GROUPING SETS into every scope (platform, organization, test bed) at once,
 * overall, by environment type and (a second grouping of the same facts) by domain.
 * Parameters: $1 period kinds, $2 starts, $3 ends, $4 scope subject (or null), $5 run id.
 */
const PERIODS = `SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[]) AS p(period_key, starts, ends)`;

/** `every`: the nightly run, every scope; else one scope (the platform alone, or one subject). */
export type ScopeFilter = { scope: 'every' | 'platform' } | { scope: 'organization' | 'testbed'; subjectId: string };

const scopeCondition = (filter: ScopeFilter, byOrganization: boolean) =>
  filter.scope === 'every' || filter.scope === 'platform'
    ? '$4::uuid IS NULL'
    : filter.scope === 'organization'
      ? `${byOrganization ? 'f' : 't'}.organization_id = $4::uuid`
      : byOrganization
        ? 'false AND $4::uuid IS NOT NULL' // no test bed holds these facts; $4 still needs its type
        : 't.testbed_id = $4::uuid';

/** What a fact row carries beyond its period and test bed: the family's partial sums, its distinct columns, or the whole read-model row. */
function columns(family: Family): string {
  if (family.partials)
    return [
      'f.testbed_id',
      ...Object.entries(family.partials).map(([name, sql]) => `(${sql})::float8 AS ${name}`),
    ].join(', ');
  if (family.distinctOn) return ['f.testbed_id', ...family.distinctOn.map((column) => `f.${column}`)].join(', ');
  return 'f.*';
}

export function familyStatement(family: Family, filter: ScopeFilter): string {
  const aggregates: string[] = [];
  const values: string[] = [];
  for (const figure of family.figures) {
    const parts = figure.parts ? Object.entries(figure.parts) : [[null, figure.sql!] as const];
    for (const [part, sql] of parts) {
      const column = `a${aggregates.length}`;
      aggregates.push(`(${sql})::float8 AS ${column}`);
      values.push(`('${figure.key}', ${part === null ? 'NULL' : `'${part}'`}, g.${column})`);
    }
  }
  const labels = (dimension: string, name: string) => `
           CASE WHEN GROUPING(f.testbed_id) = 0 THEN 'testbed' WHEN GROUPING(f.owner_id) = 0 THEN 'organization' ELSE 'platform' END AS scope,
           CASE WHEN GROUPING(f.testbed_id) = 0 THEN f.testbed_id WHEN GROUPING(f.owner_id) = 0 THEN f.owner_id END AS subject_id,
           CASE WHEN GROUPING(${dimension}) = 0 THEN '${name}' ELSE 'all' END AS dimension,
           ${dimension}::text AS dimension_value`;
  const grouped = (dimension: string, name: string, sets: string[], from: string) => {
    if (!family.distinctOn) {
      return `
    SELECT f.period_key, ${labels(dimension, name)},
           ${aggregates.join(',\n           ')}
      FROM ${from}
     GROUP BY GROUPING SETS (${sets.join(', ')})`;
    }
    // Distinct counts: first one row per grouping and distinct thing (a hashed GROUPING SETS), then
    // plain counts per grouping; count(DISTINCT) under grouping sets would sort every set instead.
    const distinct = ['f.period_starts', ...family.distinctOn.map((column) => `f.${column}`)];
    return `
    SELECT f.period_key, f.scope, f.subject_id, f.dimension, f.dimension_value,
           ${aggregates.join(',\n           ')}
      FROM (
        SELECT f.period_key, ${labels(dimension, name)}, ${distinct.join(', ')}
          FROM ${from}
         GROUP BY GROUPING SETS (${sets.map((set) => `${set.slice(0, -1)}, ${distinct.join(', ')})`).join(', ')})
      ) f
     GROUP BY f.period_key, f.scope, f.subject_id, f.dimension, f.dimension_value`;
  };
  // The read model is read once, for the span of all periods (so a per-row subquery in a view runs once
  // per row, not once per period); its rows are then matched to each period and to their test bed,
  // or, for facts owned by an organization, taken as they are (no test bed, no environment type).
  const byOrganization = family.ownedBy === 'organization';
  const owner = byOrganization
    ? {
        // A read model taken whole (`f.*`) brings its domains itself.
        columns: `f.organization_id AS owner_id, NULL::text AS environment_type${family.partials || family.distinctOn ? ', f.domains' : ''}`,
        join: '',
        where: 'true',
      }
    : {
        columns: 't.organization_id AS owner_id, t.environment_type, t.domains',
        join: 'JOIN catalogue_testbed_facts t ON t.testbed_id = f.testbed_id',
        where: "t.status <> 'draft'",
      };
  return `WITH periods AS (${PERIODS}),
  source AS MATERIALIZED (
    SELECT f.* FROM ${family.from} f JOIN (SELECT min(starts) AS starts, max(ends) AS ends FROM periods) p ON ${family.inPeriod}
  ),
  facts AS MATERIALIZED (
    SELECT ${family.distinctOn ? 'DISTINCT ' : ''}p.period_key, p.starts AS period_starts, ${owner.columns},
           ${columns(family)}
      FROM source f
      ${owner.join}
      JOIN periods p ON ${family.inPeriod}
     WHERE ${owner.where} AND ${scopeCondition(filter, byOrganization)}
     ${family.partials ? `GROUP BY p.period_key, p.starts, f.testbed_id, ${byOrganization ? 'f.organization_id, f.domains' : 't.organization_id, t.environment_type, t.domains'}` : ''}
  ),
  grouped AS (${grouped('f.environment_type', 'environmentType', ['(f.period_key)', '(f.period_key, f.owner_id)', '(f.period_key, f.testbed_id)', '(f.period_key, f.environment_type)', '(f.period_key, f.owner_id, f.environment_type)', '(f.period_key, f.testbed_id, f.environment_type)'], 'facts f')}
    UNION ALL ${grouped('d.domain', 'domain', ['(f.period_key, d.domain)', '(f.period_key, f.owner_id, d.domain)', '(f.period_key, f.testbed_id, d.domain)'], 'facts f CROSS JOIN LATERAL unnest(f.domains) AS d(domain)')}
  )
INSERT INTO report_values (run_id, period_key, scope, subject_id, dimension, dimension_value, figure, part, value)
SELECT $5::uuid, g.period_key, g.scope, g.subject_id, g.dimension, g.dimension_value, v.figure, v.part, v.value
  FROM grouped g CROSS JOIN LATERAL (VALUES ${values.join(', ')}) AS v(figure, part, value)
 -- Facts owned by an organization have no test bed and no environment type: no such group is a scope or a breakdown.
 WHERE NOT (g.scope = 'testbed' AND g.subject_id IS NULL) AND NOT (g.dimension <> 'all' AND g.dimension_value IS NULL)`;
}

/**
 * Folds the run's values into one snapshot per scope and period, every scope
 * present (a test bed with no activity gets zeros), and upserts them: a second
 * build of the same scope and period replaces the first. $5 run id, $6 the
 * empty figures. Returns the snapshots' ids.
 */
export function assembleStatement(filter: ScopeFilter): string {
  const targets =
    filter.scope === 'every' || filter.scope === 'platform'
      ? `SELECT p.period_key, 'platform'::text AS scope, $4::uuid AS subject_id FROM periods p`
      : `SELECT DISTINCT p.period_key, '${filter.scope}'::text AS scope, $4::uuid AS subject_id FROM periods p`;
  const all =
    filter.scope !== 'every'
      ? targets
      : `${targets}
         UNION ALL SELECT DISTINCT p.period_key, 'organization', t.organization_id FROM periods p JOIN catalogue_testbed_facts t ON t.status <> 'draft' AND t.created_at < p.ends
         UNION ALL SELECT p.period_key, 'testbed', t.testbed_id FROM periods p JOIN catalogue_testbed_facts t ON t.status <> 'draft' AND t.created_at < p.ends`;
  return `WITH periods AS (${PERIODS}),
  targets AS (${all}),
  figure_values AS (
    SELECT period_key, scope, subject_id, dimension, dimension_value, figure,
           CASE WHEN bool_and(part IS NULL) THEN to_jsonb(max(value)) ELSE jsonb_object_agg(part, value) FILTER (WHERE part IS NOT NULL) END AS value
      FROM report_values WHERE run_id = $5::uuid GROUP BY period_key, scope, subject_id, dimension, dimension_value, figure
  ), dimension_values AS (
    SELECT period_key, scope, subject_id, dimension, dimension_value, jsonb_object_agg(figure, value) AS figures
      FROM figure_values GROUP BY period_key, scope, subject_id, dimension, dimension_value
  ), snapshots AS (
    SELECT period_key, scope, subject_id,
           (array_agg(figures) FILTER (WHERE dimension = 'all'))[1] AS figures,
           jsonb_build_object(
             'domain', coalesce(jsonb_object_agg(dimension_value, $6::jsonb || figures) FILTER (WHERE dimension = 'domain'), '{}'),
             'environmentType', coalesce(jsonb_object_agg(dimension_value, $6::jsonb || figures) FILTER (WHERE dimension = 'environmentType'), '{}')
           ) AS breakdowns
      FROM dimension_values GROUP BY period_key, scope, subject_id
  )
  INSERT INTO report_snapshots (scope, subject_id, period_kind, period_start, period_end, run_id, figures, breakdowns)
  SELECT t.scope, t.subject_id, p.period_key, p.starts, p.ends, $5::uuid,
         $6::jsonb || coalesce(s.figures, '{}'), coalesce(s.breakdowns, '{"domain": {}, "environmentType": {}}')
    FROM targets t JOIN periods p ON p.period_key = t.period_key
    LEFT JOIN snapshots s ON s.period_key = t.period_key AND s.scope = t.scope AND s.subject_id IS NOT DISTINCT FROM t.subject_id
  ON CONFLICT (scope, subject_id, period_kind, period_start, period_end)
  DO UPDATE SET run_id = EXCLUDED.run_id, figures = EXCLUDED.figures, breakdowns = EXCLUDED.breakdowns, built_at = now()
  RETURNING id`;
}

export const EMPTY_FIGURES = JSON.stringify(emptyFigures());
