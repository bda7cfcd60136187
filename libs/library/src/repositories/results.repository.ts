import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, type Page } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { ConsentPart, Side } from '../consent-parts.js';

export interface ConsentRow {
  id: string;
  pilotId: string;
  companyConsentedAt: Date | null;
  companyParts: string[];
  testbedConsentedAt: Date | null;
  testbedParts: string[];
  publishedAt: Date | null;
}

/** A published result as the public may read it: every part a side did not consent to is null (the view masks it). */
export interface PublishedResultRow {
  id: string;
  pilotId: string;
  publishedAt: Date;
  title: string;
  startsAt: Date;
  endsAt: Date;
  outcome: string;
  summary: string | null;
  lessons: string | null;
  companyName: string | null;
  problemKind: string | null;
  problemTitle: string | null;
  problemDescription: string | null;
  problemAffects: string | null;
  testbedId: string;
  testbedName: string;
  environmentType: string;
  domains: string[];
  municipality: string;
  timezone: string;
  testbedOrganizationId: string;
  testbedOrganizationName: string;
  parts: ConsentPart[];
}

export interface PublishedMetricRow {
  resultId: string;
  key: string;
  name: string;
  unit: string;
  direction: string;
  baseline: number | null;
  target: number | null;
  result: number | null;
}

export interface AdoptionRow {
  id: string;
  resultId: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  adoptedAt: string;
  note: string | null;
  createdAt: Date;
}

export interface ResultSearch {
  q?: string | null;
  domain?: string;
  environmentType?: string;
  outcome?: string;
  limit: number;
  cursor?: string;
}

/** A published result with where it spread, for the funders' view. */
export interface SpreadRow {
  id: string;
  title: string;
  outcome: string;
  domains: string[];
  testbedName: string;
  testbedOrganizationName: string;
  publishedAt: Date;
  adoptions: Array<{ organizationId: string; organizationName: string; organizationKind: string; adoptedAt: string }>;
}

const RESULT_COLUMNS = `r.result_id AS id, r.pilot_id AS "pilotId", r.published_at AS "publishedAt", r.title,
       r.starts_at AS "startsAt", r.ends_at AS "endsAt", r.outcome, r.summary, r.lessons, r.company_name AS "companyName",
       r.problem_kind AS "problemKind", r.problem_title AS "problemTitle", r.problem_description AS "problemDescription",
       r.problem_affects AS "problemAffects", r.testbed_id AS "testbedId", r.testbed_name AS "testbedName",
       r.environment_type AS "environmentType", r.domains, r.municipality, r.timezone,
       r.testbed_organization_id AS "testbedOrganizationId", r.testbed_organization_name AS "testbedOrganizationName", r.parts`;

const CONSENT_COLUMNS = `id, pilot_id AS "pilotId", company_consented_at AS "companyConsentedAt", company_parts AS "companyParts",
       testbed_consented_at AS "testbedConsentedAt", testbed_parts AS "testbedParts", published_at AS "publishedAt"`;

const ADOPTION_COLUMNS = `a.id, a.result_id AS "resultId", a.organization_id AS "organizationId", o.name AS "organizationName",
       o.kind AS "organizationKind", to_char(a.adopted_at, 'YYYY-MM-DD') AS "adoptedAt", a.note, a.created_at AS "createdAt"`;

/**
 * The results library's SQL. Public reads go only through the
 * `library_published_*` views, which hold published results with every
 * unconsented part masked; consents and adoptions are this context's tables.
 */
@Injectable()
export class ResultsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Serializes the consents of one pilot (two sides consenting at once both see the other's). */
  async lockPilot(pilotId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('results:' || $1::text, 0))`, [pilotId]);
  }

  consentOf(pilotId: string, manager?: EntityManager): Promise<ConsentRow | null> {
    return queryRow<ConsentRow>(
      manager ?? this.dataSource,
      `SELECT ${CONSENT_COLUMNS} FROM results WHERE pilot_id = $1`,
      [pilotId],
    );
  }

  /** The results of several pilots, by pilot, in one read. */
  async consentsOf(pilotIds: readonly string[]): Promise<Map<string, ConsentRow>> {
    const rows = await queryRows<ConsentRow>(
      this.dataSource,
      `SELECT ${CONSENT_COLUMNS} FROM results WHERE pilot_id = ANY($1::uuid[])`,
      [pilotIds],
    );
    return new Map(rows.map((row) => [row.pilotId, row]));
  }

  /** Records one side's consent to `parts`; published (from `at`) when the other side consents too. */
  consent(pilotId: string, side: Side, userId: string | null, parts: ConsentPart[], at: Date, manager: EntityManager) {
    const other = side === 'company' ? 'testbed' : 'company';
    return queryRow<ConsentRow>(
      manager,
      `INSERT INTO results AS r (pilot_id, ${side}_consented_at, ${side}_consented_by, ${side}_parts)
       VALUES ($1, $2, $3, $4::text[])
       ON CONFLICT (pilot_id) DO UPDATE
          SET ${side}_consented_at = coalesce(r.${side}_consented_at, EXCLUDED.${side}_consented_at),
              ${side}_consented_by = EXCLUDED.${side}_consented_by,
              ${side}_parts = EXCLUDED.${side}_parts,
              published_at = CASE WHEN r.${other}_consented_at IS NOT NULL THEN coalesce(r.published_at, $2) END,
              updated_at = now()
       RETURNING ${CONSENT_COLUMNS}`,
      [pilotId, at, userId, parts],
    ) as Promise<ConsentRow>;
  }

  /** Takes one side's consent back: the result leaves the public library (its adoptions stay, hidden, until both consent again). */
  withdraw(pilotId: string, side: Side, manager: EntityManager): Promise<ConsentRow | null> {
    return queryRow<ConsentRow>(
      manager,
      `UPDATE results SET ${side}_consented_at = NULL, ${side}_consented_by = NULL, ${side}_parts = '{}',
              published_at = NULL, updated_at = now()
        WHERE pilot_id = $1 RETURNING ${CONSENT_COLUMNS}`,
      [pilotId],
    );
  }

  /** Published results, ranked by the Swedish search when `q` (a tsquery of prefix terms) is given, newest first otherwise. */
  async search(search: ResultSearch): Promise<Page<PublishedResultRow & { rank: number }>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = ['true'];
    const query = search.q ? `to_tsquery('swedish'::regconfig, ${param(search.q)})` : null;
    if (query) where.push(`r.document @@ ${query}`);
    if (search.domain) where.push(`r.domains @> ARRAY[${param(search.domain)}]::text[]`);
    if (search.environmentType) where.push(`r.environment_type = ${param(search.environmentType)}`);
    if (search.outcome) where.push(`r.outcome = ${param(search.outcome)}`);
    const rank = query ? `ts_rank(r.document, ${query})::float8` : '0::float8';
    const after = decodeCursor(search.cursor, 3);
    if (after)
      where.push(
        `(-(${rank}), -extract(epoch FROM r.published_at)::float8, r.result_id) > (${param(-Number(after[0]))}::float8, ${param(-Number(after[1]))}::float8, ${param(after[2])}::uuid)`,
      );
    const rows = await queryRows<PublishedResultRow & { rank: number; epoch: number }>(
      this.dataSource,
      `SELECT ${RESULT_COLUMNS}, ${rank} AS rank, extract(epoch FROM r.published_at)::float8 AS epoch
         FROM library_published_results r WHERE ${where.join(' AND ')}
        ORDER BY -(${rank}), -extract(epoch FROM r.published_at)::float8, r.result_id LIMIT ${param(search.limit + 1)}`,
      params,
    );
    return toPage(rows, search.limit, (last) => [last.rank, last.epoch, last.id]);
  }

  published(resultId: string): Promise<PublishedResultRow | null> {
    return queryRow<PublishedResultRow>(
      this.dataSource,
      `SELECT ${RESULT_COLUMNS} FROM library_published_results r WHERE r.result_id = $1`,
      [resultId],
    );
  }

  /** Published results by id, in one read. */
  async publishedByIds(resultIds: readonly string[]): Promise<Map<string, PublishedResultRow>> {
    const rows = await queryRows<PublishedResultRow>(
      this.dataSource,
      `SELECT ${RESULT_COLUMNS} FROM library_published_results r WHERE r.result_id = ANY($1::uuid[])`,
      [resultIds],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  publishedOfPilot(pilotId: string): Promise<PublishedResultRow | null> {
    return queryRow<PublishedResultRow>(
      this.dataSource,
      `SELECT ${RESULT_COLUMNS} FROM library_published_results r WHERE r.pilot_id = $1`,
      [pilotId],
    );
  }

  metrics(resultIds: string[]): Promise<PublishedMetricRow[]> {
    return queryRows<PublishedMetricRow>(
      this.dataSource,
      `SELECT m.result_id AS "resultId", m.key, m.name, m.unit, m.direction, m.baseline, m.target, m.result
         FROM library_published_metrics m WHERE m.result_id = ANY($1::uuid[]) ORDER BY m.created_at, m.key`,
      [resultIds],
    );
  }

  adoptions(resultIds: string[]): Promise<AdoptionRow[]> {
    return queryRows<AdoptionRow>(
      this.dataSource,
      `SELECT ${ADOPTION_COLUMNS}
         FROM result_adoptions a JOIN identity_organization_facts o ON o.organization_id = a.organization_id
        WHERE a.result_id = ANY($1::uuid[]) ORDER BY a.adopted_at, o.name`,
      [resultIds],
    );
  }

  adoption(id: string): Promise<AdoptionRow | null> {
    return queryRow<AdoptionRow>(
      this.dataSource,
      `SELECT ${ADOPTION_COLUMNS}
         FROM result_adoptions a JOIN identity_organization_facts o ON o.organization_id = a.organization_id
        WHERE a.id = $1`,
      [id],
    );
  }

  /** Adoptions by id, in one read. */
  async adoptionsByIds(ids: readonly string[]): Promise<Map<string, AdoptionRow>> {
    const rows = await queryRows<AdoptionRow>(
      this.dataSource,
      `SELECT ${ADOPTION_COLUMNS}
         FROM result_adoptions a JOIN identity_organization_facts o ON o.organization_id = a.organization_id
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** An organization's kind (region, municipality, company, agency), or null when there is none. */
  async organizationKind(organizationId: string): Promise<string | null> {
    const row = await queryRow<{ kind: string }>(
      this.dataSource,
      'SELECT kind FROM identity_organization_facts WHERE organization_id = $1',
      [organizationId],
    );
    return row?.kind ?? null;
  }

  async insertAdoption(
    adoption: {
      resultId: string;
      organizationId: string;
      adoptedAt: string;
      note: string | null;
      recordedByUserId: string | null;
    },
    manager: EntityManager,
  ): Promise<string> {
    const row = await queryRow<{ id: string }>(
      manager,
      `INSERT INTO result_adoptions (result_id, organization_id, adopted_at, note, recorded_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [adoption.resultId, adoption.organizationId, adoption.adoptedAt, adoption.note, adoption.recordedByUserId],
    );
    return row!.id;
  }

  /** Every published result with its domains and adoptions: the funders' view groups them by domain. */
  spread(): Promise<SpreadRow[]> {
    return queryRows<SpreadRow>(
      this.dataSource,
      `SELECT r.result_id AS id, r.title, r.outcome, r.domains, r.testbed_name AS "testbedName",
              r.testbed_organization_name AS "testbedOrganizationName", r.published_at AS "publishedAt",
              coalesce((SELECT json_agg(json_build_object('organizationId', a.organization_id, 'organizationName', o.name,
                                                          'organizationKind', o.kind, 'adoptedAt', to_char(a.adopted_at, 'YYYY-MM-DD'))
                                        ORDER BY a.adopted_at, o.name)
                          FROM result_adoptions a JOIN identity_organization_facts o ON o.organization_id = a.organization_id
                         WHERE a.result_id = r.result_id), '[]'::json) AS adoptions
         FROM library_published_results r ORDER BY r.published_at DESC, r.result_id`,
    );
  }
}
