import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRows } from '@slussen/core';
import { DataSource } from 'typeorm';

export interface TestbedMatchRow {
  testbedId: string;
  name: string;
  summary: string;
  organizationId: string;
  organizationName: string;
  environmentType: string;
  municipality: string;
  domains: string[];
  sharedDomains: string[];
  textRank: number;
}

/**
 * The catalogue as ideas read it: only through the views the catalogue and
 * identity publish (`catalogue_testbed_search`, `identity_organization_facts`).
 */
@Injectable()
export class MatchesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Published test beds that share a domain with `domains` or whose Swedish
   * search document matches `terms` (an OR query), most shared domains first,
   * then by text rank.
   */
  suggest(domains: string[], terms: string | null, limit: number): Promise<TestbedMatchRow[]> {
    return queryRows<TestbedMatchRow>(
      this.dataSource,
      `WITH q AS (SELECT CASE WHEN $2::text IS NULL THEN NULL ELSE to_tsquery('swedish'::regconfig, $2::text) END AS query)
       SELECT t.testbed_id AS "testbedId", t.name, t.summary, t.organization_id AS "organizationId", o.name AS "organizationName",
              t.environment_type AS "environmentType", t.municipality, t.domains,
              ARRAY(SELECT unnest(t.domains) INTERSECT SELECT unnest($1::text[]) ORDER BY 1) AS "sharedDomains",
              coalesce(ts_rank(t.document, q.query), 0)::float8 AS "textRank"
         FROM catalogue_testbed_search t CROSS JOIN q
         JOIN identity_organization_facts o ON o.organization_id = t.organization_id
        WHERE t.status = 'published' AND (t.domains && $1::text[] OR (q.query IS NOT NULL AND t.document @@ q.query))
        ORDER BY cardinality(ARRAY(SELECT unnest(t.domains) INTERSECT SELECT unnest($1::text[]))) DESC, "textRank" DESC, t.name, t.testbed_id
        LIMIT $3`,
      [domains, terms, limit],
    );
  }

  /** Which of `ids` are published test beds (an idea is matched only to those). */
  async published(ids: string[]): Promise<Set<string>> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `SELECT testbed_id AS id FROM catalogue_testbed_search WHERE testbed_id = ANY($1::uuid[]) AND status = 'published'`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }
}
