import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, encodeCursor, queryRows, type Page } from '@slussen/core';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { TestbedStatus } from '../domains.js';
import { Testbed } from '../entities/testbed.entity.js';

/** Must stay identical to the expression of testbeds_search_index (see the migration). */
export const TESTBED_SEARCH_DOCUMENT = `(setweight(to_tsvector('swedish'::regconfig, t.name), 'A') || setweight(to_tsvector('swedish'::regconfig, t.summary), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(t.description, '')), 'C'))`;

export interface TestbedSearch {
  q?: string;
  domain?: string;
  environmentType?: string;
  trl?: number;
  organizationId?: string;
  municipality?: string;
  availableFrom?: Date;
  availableTo?: Date;
  /** Only this state; the visibility rule below still holds (others' drafts and retired test beds never show). */
  status?: TestbedStatus;
  /** Organizations whose drafts and retired test beds the caller also sees; `all` for platform admins. */
  ownOrganizations: string[] | 'all';
  limit: number;
  cursor?: string;
}

/**
 * The search as SQL: full-text rank (Swedish stemming) when `q` is given, the
 * filters, a free place wholly inside [availableFrom, availableTo), and a
 * keyset cursor on (rank, name, id). Exported so the benchmark can EXPLAIN it.
 */
export function buildTestbedSearch(search: TestbedSearch): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];

  if (search.ownOrganizations === 'all') {
    where.push('true');
  } else {
    where.push(`(t.status = 'published' OR t.organization_id = ANY(${param(search.ownOrganizations)}::uuid[]))`);
  }
  const terms = search.q ? prefixQuery(search.q) : null;
  const query = terms ? `to_tsquery('swedish'::regconfig, ${param(terms)})` : null;
  if (query) where.push(`${TESTBED_SEARCH_DOCUMENT} @@ ${query}`);
  if (search.domain) where.push(`t.domains @> ARRAY[${param(search.domain)}]::text[]`);
  if (search.status) where.push(`t.status = ${param(search.status)}`);
  if (search.environmentType) where.push(`t.environment_type = ${param(search.environmentType)}`);
  if (search.trl !== undefined) where.push(`${param(search.trl)}::int BETWEEN t.trl_min AND t.trl_max`);
  if (search.organizationId) where.push(`t.organization_id = ${param(search.organizationId)}::uuid`);
  if (search.municipality) where.push(`lower(t.municipality) = lower(${param(search.municipality)})`);
  if (search.availableFrom || search.availableTo) {
    const window = `tstzrange(${param(search.availableFrom ?? null)}::timestamptz, ${param(search.availableTo ?? null)}::timestamptz, '[)')`;
    where.push(
      `EXISTS (SELECT 1 FROM scheduling_free_places f WHERE f.testbed_id = t.id AND f.period <@ ${window} AND upper(f.period) > now())`,
    );
  }

  const rank = query ? `ts_rank(${TESTBED_SEARCH_DOCUMENT}, ${query})::float8` : '0::float8';
  const after = decodeCursor(search.cursor, 3);
  if (after)
    where.push(
      `(-(${rank}), t.name, t.id) > (${param(-Number(after[0]))}::float8, ${param(after[1])}::text, ${param(after[2])}::uuid)`,
    );

  const sql = `SELECT t.id, ${rank} AS rank FROM testbeds t WHERE ${where.join(' AND ')}
    ORDER BY -(${rank}), t.name, t.id LIMIT ${param(search.limit + 1)}`;
  return { sql, params };
}

/**
 * Every word of `q`, stemmed and matched as a prefix, all required:
 * `äldreboende` (stem `äldreboend`) then also finds `äldreboendet`, which the
 * Swedish stemmer leaves whole. Only letters and digits pass, so no input can
 * break the tsquery syntax.
 */
export function prefixQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 10) ?? [];
  return words.length ? words.map((word) => `${word}:*`).join(' & ') : null;
}

@Injectable()
export class TestbedsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Testbed);
  }

  create(data: Partial<Testbed>, manager?: EntityManager): Promise<Testbed> {
    return this.repo(manager).save(this.repo(manager).create(data));
  }

  async save(testbed: Testbed, manager?: EntityManager): Promise<Testbed> {
    return this.repo(manager).save(testbed);
  }

  findByIds(ids: string[]): Promise<Testbed[]> {
    return ids.length ? this.repo().findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** How many published test beds each organization owns (only those with one). */
  async publishedCountsByOwner(): Promise<Map<string, number>> {
    const rows: { organizationId: string; count: string }[] = await this.repo()
      .createQueryBuilder('t')
      .select('t.organization_id', 'organizationId')
      .addSelect('count(*)', 'count')
      .where(`t.status = 'published'`)
      .groupBy('t.organization_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.organizationId, Number(row.count)]));
  }

  findById(id: string, manager?: EntityManager): Promise<Testbed | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Locks the test bed's row for the rest of the transaction (its lifecycle and capacity). */
  findForUpdate(id: string, manager: EntityManager): Promise<Testbed | null> {
    return this.repo(manager)
      .createQueryBuilder('testbed')
      .setLock('pessimistic_write')
      .where('testbed.id = :id', { id })
      .getOne();
  }

  slugTaken(slug: string, manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ slug });
  }

  /**
   * One SQL query (see buildTestbedSearch), then the page's rows by id.
   */
  async search(search: TestbedSearch): Promise<Page<Testbed>> {
    const { sql, params } = buildTestbedSearch(search);
    const rows = await queryRows<{ id: string; rank: number }>(this.dataSource, sql, params);
    const page = rows.slice(0, search.limit);
    const testbeds = page.length ? await this.repo().findBy({ id: In(page.map((row) => row.id)) }) : [];
    const byId = new Map(testbeds.map((testbed) => [testbed.id, testbed]));
    const items = page.map((row) => byId.get(row.id)!);
    const last = page.at(-1);
    return {
      items,
      nextCursor:
        rows.length > search.limit && last ? encodeCursor([last.rank, byId.get(last.id)!.name, last.id]) : null,
    };
  }
}
