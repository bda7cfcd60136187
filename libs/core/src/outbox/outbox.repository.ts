import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { queryRows } from '../database/typed-query.js';
import { currentRequestId } from '../http/request-context.js';
import type { OutboxTopic, OutboxTopicChoice, OutboxTopics } from './outbox-topics.js';

const WORD = /^[a-z][a-z0-9.-]*$/;
const literal = (value: string): string => {
  if (!WORD.test(value)) throw new Error(`not a topic or key: ${value}`);
  return `'${value}'`;
};

/**
 * The one way a context writes an outbox message: in the transaction of the
 * change (`manager`), with the request's id, the topic and its payload checked
 * against `OutboxTopics` by the compiler.
 */
export const outbox = {
  async add<T extends OutboxTopic>(topic: T, payload: OutboxTopics[T], manager: EntityManager): Promise<void> {
    await manager.query('INSERT INTO outbox_messages (topic, payload, request_id) VALUES ($1, $2, $3)', [
      topic,
      JSON.stringify(payload),
      currentRequestId() ?? null,
    ]);
  },
};

/**
 * The INSERT that writes one outbox row per row of `from`, for a statement that
 * changes state and writes its message at once (a CTE), so both commit
 * together. The topic is a typed constant or a typed choice on a column; each
 * payload field is an SQL expression over `from`'s columns, and every field of
 * the topic's payload must be given. `requestId` is an SQL expression (a
 * parameter such as `$11`); without it the rows carry none.
 *
 *     WITH changed AS (UPDATE ... RETURNING id)
 *     ${outboxInsert({ from: 'changed', topic: 'booking.cancelled', payload: { bookingId: 'id' } })}
 */
export function outboxInsert<T extends OutboxTopic>(rows: {
  from: string;
  topic: T | OutboxTopicChoice<T>;
  payload: { [K in keyof OutboxTopics[T]]-?: string };
  requestId?: string;
}): string {
  const topic =
    typeof rows.topic === 'string'
      ? literal(rows.topic)
      : `CASE ${rows.topic.on} ${Object.entries(rows.topic.when)
          .map(([key, value]) => `WHEN ${literal(key)} THEN ${literal(value)}`)
          .join(' ')}${rows.topic.else ? ` ELSE ${literal(rows.topic.else)}` : ''} END`;
  const fields = Object.entries(rows.payload as Record<string, string>)
    .map(([key, expression]) => {
      if (!/^\w+$/.test(key)) throw new Error(`not a payload field: ${key}`);
      return `'${key}', ${expression}`;
    })
    .join(', ');
  return rows.requestId
    ? `INSERT INTO outbox_messages (topic, payload, request_id) SELECT ${topic}, json_build_object(${fields}), ${rows.requestId} FROM ${rows.from}`
    : `INSERT INTO outbox_messages (topic, payload) SELECT ${topic}, json_build_object(${fields}) FROM ${rows.from}`;
}

/** A stored outbox message as its readers see it. */
export interface StoredOutboxMessage {
  topic: string;
  payload: Record<string, unknown>;
}

/** The outbox table for its relay and its readers. */
@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The messages of these ids that exist, by id, in one statement. */
  async messages(ids: string[]): Promise<Map<string, StoredOutboxMessage>> {
    const rows = await queryRows<StoredOutboxMessage & { id: string }>(
      this.dataSource,
      'SELECT id, topic, payload FROM outbox_messages WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map(({ id, ...message }) => [id, message]));
  }

  /** Claims the oldest undispatched rows, skipping those another relay holds (within `manager`'s transaction). */
  claimUndispatched(limit: number, manager: EntityManager): Promise<Array<{ id: string; requestId: string | null }>> {
    return manager.query(
      `SELECT id, request_id AS "requestId" FROM outbox_messages WHERE dispatched_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(ids: string[], manager: EntityManager): Promise<void> {
    await manager.query('UPDATE outbox_messages SET dispatched_at = now() WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Marks the messages dispatched within the last `hours` undispatched again; returns how many. */
  async undispatchRecent(hours: number): Promise<number> {
    const again: unknown[] = await this.dataSource.query(
      `UPDATE outbox_messages SET dispatched_at = NULL WHERE dispatched_at > now() - make_interval(hours => $1) RETURNING 1`,
      [hours],
    );
    return again.length;
  }

  /** Opens a transaction (for a relay round: claim, enqueue, mark). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

/** Wakes `client`'s notification handler whenever outbox rows are committed (the table's trigger notifies). */
export async function listenForOutbox(client: pg.Client): Promise<void> {
  await client.query('LISTEN outbox_messages');
}
