import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';

export type ClaimResult =
  | { state: 'claimed' }
  | { state: 'mismatch' }
  | { state: 'in-progress' }
  | { state: 'completed'; status: number; body: unknown };

@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key in one statement and commits at once, so a second request
   * with the key sees it in progress. An expired key, or one a dead request
   * left in progress, is taken over.
   */
  async claim(
    organizationId: string,
    key: string,
    requestHash: string,
    ttlHours: number,
    staleSeconds: number,
  ): Promise<ClaimResult> {
    const claimed = await queryRows<{ claimed: 1 }>(
      this.dataSource,
      `INSERT INTO idempotency_keys (organization_id, key, request_hash, status, expires_at)
       VALUES ($1, $2, $3, 'in-progress', now() + make_interval(hours => $4))
       ON CONFLICT (organization_id, key) DO UPDATE
          SET request_hash = EXCLUDED.request_hash, status = 'in-progress', response_status = NULL, response_body = NULL,
              created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_keys.expires_at <= now()
           OR (idempotency_keys.status = 'in-progress' AND idempotency_keys.created_at < now() - make_interval(secs => $5))
       RETURNING 1 AS claimed`,
      [organizationId, key, requestHash, ttlHours, staleSeconds],
    );
    if (claimed.length > 0) return { state: 'claimed' };
    const row = await queryRow<{
      requestHash: string;
      status: 'in-progress' | 'completed';
      responseStatus: number;
      responseBody: string;
    }>(
      this.dataSource,
      `SELECT request_hash AS "requestHash", status, response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_keys WHERE organization_id = $1 AND key = $2`,
      [organizationId, key],
    );
    // Gone between the two statements (expired and purged): the caller may simply retry.
    if (!row) return { state: 'in-progress' };
    if (row.requestHash !== requestHash) return { state: 'mismatch' };
    if (row.status === 'in-progress') return { state: 'in-progress' };
    // Parsed from the text sent the first time: JSON.stringify gives back the same bytes, keys in the same order.
    return { state: 'completed', status: row.responseStatus, body: JSON.parse(row.responseBody) as unknown };
  }

  /** Stores the answer as the JSON text sent; in the booking's transaction for a success, so both commit together. */
  async complete(
    organizationId: string,
    key: string,
    status: number,
    body: unknown,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4 WHERE organization_id = $1 AND key = $2`,
      [organizationId, key, status, JSON.stringify(body)],
    );
  }

  /** Lets the key go after an unexpected failure, so a retry runs the request again. */
  async release(organizationId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE organization_id = $1 AND key = $2 AND status = 'in-progress'`,
      [organizationId, key],
    );
  }

  async purgeExpired(limit: number): Promise<number> {
    const rows = await queryRows<{ purged: 1 }>(
      this.dataSource,
      `DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1) RETURNING 1 AS purged`,
      [limit],
    );
    return rows.length;
  }
}
