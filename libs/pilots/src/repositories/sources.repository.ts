import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, type Page } from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

export interface SourceRow {
  id: string;
  pilotId: string;
  url: string;
  sealedToken: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SourceFetchRow {
  id: string;
  startedAt: Date;
  durationMs: number;
  attempt: number;
  outcome: 'ok' | 'failed';
  httpStatus: number | null;
  recorded: number;
  refused: number;
  error: string | null;
}

const SOURCE_COLUMNS = `id, pilot_id AS "pilotId", url, sealed_token AS "sealedToken", created_at AS "createdAt", updated_at AS "updatedAt"`;
const FETCH_COLUMNS = `id, started_at AS "startedAt", duration_ms AS "durationMs", attempt, outcome, http_status AS "httpStatus", recorded, refused, error`;

@Injectable()
export class SourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofPilot(pilotId: string): Promise<SourceRow | null> {
    return queryRow<SourceRow>(
      this.dataSource,
      `SELECT ${SOURCE_COLUMNS} FROM measurement_sources WHERE pilot_id = $1`,
      [pilotId],
    );
  }

  findById(id: string): Promise<SourceRow | null> {
    return queryRow<SourceRow>(this.dataSource, `SELECT ${SOURCE_COLUMNS} FROM measurement_sources WHERE id = $1`, [
      id,
    ]);
  }

  /** One source per pilot: registering again replaces the URL and token. */
  async upsert(
    pilotId: string,
    url: string,
    sealedToken: string | null,
    userId: string | null,
    manager: EntityManager,
  ): Promise<SourceRow> {
    const [row] = await queryRows<SourceRow>(
      manager,
      `INSERT INTO measurement_sources (pilot_id, url, sealed_token, created_by_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (pilot_id) DO UPDATE SET url = EXCLUDED.url, sealed_token = EXCLUDED.sealed_token, updated_at = now()
       RETURNING ${SOURCE_COLUMNS}`,
      [pilotId, url, sealedToken, userId],
    );
    return row!;
  }

  /** Sources whose token is not sealed in the current format. */
  legacyTokens(currentPrefix: string): Promise<Array<{ id: string; pilotId: string; sealedToken: string }>> {
    return queryRows<{ id: string; pilotId: string; sealedToken: string }>(
      this.dataSource,
      `SELECT id, pilot_id AS "pilotId", sealed_token AS "sealedToken" FROM measurement_sources WHERE sealed_token IS NOT NULL AND NOT starts_with(sealed_token, $1)`,
      [currentPrefix],
    );
  }

  /** Replaces a sealed token only if it is still the one read. */
  async replaceToken(id: string, was: string, sealedToken: string): Promise<number> {
    const replaced = await queryRows<{ id: string }>(
      this.dataSource,
      'UPDATE measurement_sources SET sealed_token = $3 WHERE id = $1 AND sealed_token = $2 RETURNING id',
      [id, was, sealedToken],
    );
    return replaced.length;
  }

  async remove(pilotId: string, manager: EntityManager): Promise<boolean> {
    const removed = await queryRows<{ id: string }>(
      manager,
      'DELETE FROM measurement_sources WHERE pilot_id = $1 RETURNING id',
      [pilotId],
    );
    return removed.length > 0;
  }

  async recordFetch(sourceId: string, fetch: Omit<SourceFetchRow, 'id'>, id: string = randomUUID()): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO source_fetches (id, source_id, started_at, duration_ms, attempt, outcome, http_status, recorded, refused, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        sourceId,
        fetch.startedAt,
        fetch.durationMs,
        fetch.attempt,
        fetch.outcome,
        fetch.httpStatus,
        fetch.recorded,
        fetch.refused,
        fetch.error,
      ],
    );
  }

  lastFetch(sourceId: string): Promise<SourceFetchRow | null> {
    return queryRow<SourceFetchRow>(
      this.dataSource,
      `SELECT ${FETCH_COLUMNS} FROM source_fetches WHERE source_id = $1 ORDER BY started_at DESC, id DESC LIMIT 1`,
      [sourceId],
    );
  }

  /** Newest first. */
  async fetches(sourceId: string, limit: number, cursor?: string): Promise<Page<SourceFetchRow>> {
    const params: unknown[] = [sourceId];
    const before = decodeCursor(cursor, 2);
    const where = before ? `AND (started_at, id) < ($2::timestamptz, $3::uuid)` : '';
    if (before) params.push(before[0], before[1]);
    params.push(limit + 1);
    const rows = await queryRows<SourceFetchRow>(
      this.dataSource,
      `SELECT ${FETCH_COLUMNS} FROM source_fetches WHERE source_id = $1 ${where} ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, limit, (last) => [new Date(last.startedAt).toISOString(), last.id]);
  }
}
