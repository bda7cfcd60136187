import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRows, toPage, type Actor, type Page } from '@slussen/core';
import { DataSource } from 'typeorm';
import type { MeasurementOrigin } from '../entities/measurement.entity.js';

export interface MeasurementRow {
  id: string;
  metricKey: string;
  value: number;
  observedAt: Date;
  note: string | null;
  origin: MeasurementOrigin;
  recordedByUserId: string | null;
  recordedByApiTokenId: string | null;
  createdAt: Date;
}

const MEASUREMENT_ROWS = `SELECT x.id, m.key AS "metricKey", x.value, x.observed_at AS "observedAt", x.note, x.origin,
       x.recorded_by_user_id AS "recordedByUserId", x.recorded_by_api_token_id AS "recordedByApiTokenId", x.created_at AS "createdAt"
  FROM measurements x JOIN pilot_metrics m ON m.id = x.metric_id`;

@Injectable()
export class MeasurementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSubmitted(
    pilotId: string,
    metricId: string,
    value: number,
    observedAt: Date,
    note: string | null,
    actor: Actor,
  ): Promise<MeasurementRow> {
    const [row] = await queryRows<MeasurementRow>(
      this.dataSource,
      `WITH x AS (
         INSERT INTO measurements (pilot_id, metric_id, value, observed_at, note, origin, recorded_by_user_id, recorded_by_api_token_id)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7) RETURNING *
       )
       ${MEASUREMENT_ROWS.replace('FROM measurements x', 'FROM x')}`,
      [pilotId, metricId, value, observedAt, note, actor.userId, actor.type === 'apiToken' ? actor.id : null],
    );
    return row!;
  }

  /** Records pulled values in one statement; a value already pulled for that metric and time is skipped. Returns how many are new. */
  async insertPulled(
    pilotId: string,
    values: Array<{ metricId: string; value: number; observedAt: Date }>,
    fetchId: string,
  ): Promise<number> {
    if (values.length === 0) return 0;
    const rows = await queryRows<{ inserted: 1 }>(
      this.dataSource,
      `INSERT INTO measurements (pilot_id, metric_id, value, observed_at, origin, source_fetch_id)
       SELECT $1, metric_id, value, observed_at, 'pulled', $5
         FROM unnest($2::uuid[], $3::float8[], $4::timestamptz[]) AS v(metric_id, value, observed_at)
       ON CONFLICT (metric_id, observed_at) WHERE origin = 'pulled' DO NOTHING
       RETURNING 1 AS inserted`,
      [
        pilotId,
        values.map((item) => item.metricId),
        values.map((item) => item.value),
        values.map((item) => item.observedAt),
        fetchId,
      ],
    );
    return rows.length;
  }

  /** Oldest observation first, keyset-paginated on (observed_at, id). */
  async list(
    pilotId: string,
    metricKey: string | undefined,
    limit: number,
    cursor?: string,
  ): Promise<Page<MeasurementRow>> {
    const params: unknown[] = [pilotId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['x.pilot_id = $1'];
    if (metricKey) where.push(`m.key = ${param(metricKey)}`);
    const after = decodeCursor(cursor, 2);
    if (after) where.push(`(x.observed_at, x.id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows = await queryRows<MeasurementRow>(
      this.dataSource,
      `${MEASUREMENT_ROWS} WHERE ${where.join(' AND ')} ORDER BY x.observed_at, x.id LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (last) => [new Date(last.observedAt).toISOString(), last.id]);
  }
}
