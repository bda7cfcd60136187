import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  currentRequestId,
  decodeCursor,
  iso,
  outboxInsert,
  queryRow,
  queryRows,
  toPage,
  type Actor,
  type Page,
} from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { IdeaKind, IdeaStatus } from '../idea-status.js';
import type { IdeaStatusTopic } from '../messages/ideas.topics.js';

/** Must stay identical to the expression of ideas_search_index (see the Ideas migration). */
export const IDEA_SEARCH_DOCUMENT = `(setweight(to_tsvector('swedish'::regconfig, i.title), 'A') || setweight(to_tsvector('swedish'::regconfig, i.description), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(i.affects, '')), 'C'))`;

export interface IdeaRow {
  id: string;
  sluiceId: string;
  sluiceName: string;
  sluiceOrganizationId: string;
  answerWithinDays: number;
  kind: IdeaKind;
  title: string;
  description: string;
  domains: string[];
  affects: string | null;
  public: boolean;
  status: IdeaStatus;
  submittedByUserId: string | null;
  submitterOrganizationId: string | null;
  submitterOrganizationName: string | null;
  declineReason: string | null;
  result: string | null;
  screenedAt: Date | null;
  decidedAt: Date | null;
  pilotingAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The test beds it is matched to (when accepted). */
  testbedIds: string[];
  /** Bookings linked to it (scheduling's `scheduling_booking_ideas`). */
  bookingIds: string[];
  /** The company whose answer was accepted, if any. */
  acceptedAnswerOrganizationId: string | null;
  followers: number;
}

export interface NewIdea {
  sluiceId: string;
  kind: IdeaKind;
  title: string;
  description: string;
  domains: string[];
  affects: string | null;
  public: boolean;
  submittedByUserId: string | null;
  submitterOrganizationId: string | null;
}

export interface IdeaEventRow {
  at: Date;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  actorUserId: string | null;
  actorApiTokenId: string | null;
  detail: string | null;
  bookingId: string | null;
}

/** Whose ideas a list shows: all (platform admins), or the caller's own, its companies', its managed sluices' and public needs. */
export type IdeaScope = { all: true } | { userId: string | null; companies: string[]; managed: string[] };

export interface IdeaFilter {
  sluiceId?: string;
  status?: IdeaStatus;
  kind?: IdeaKind;
  /** Swedish full-text words, each a stemmed prefix, all required. */
  terms?: string | null;
}

export interface SimilarIdeaRow {
  id: string;
  sluiceId: string;
  kind: IdeaKind;
  title: string;
  status: IdeaStatus;
  rank: number;
}

const IDEA_ROWS = `SELECT i.id, i.sluice_id AS "sluiceId", s.name AS "sluiceName", s.organization_id AS "sluiceOrganizationId",
       s.answer_within_days AS "answerWithinDays", i.kind, i.title, i.description, i.domains, i.affects, i.public, i.status,
       i.submitted_by_user_id AS "submittedByUserId", i.submitter_organization_id AS "submitterOrganizationId",
       o.name AS "submitterOrganizationName", i.decline_reason AS "declineReason", i.result,
       i.screened_at AS "screenedAt", i.decided_at AS "decidedAt", i.piloting_at AS "pilotingAt", i.closed_at AS "closedAt",
       i.created_at AS "createdAt", i.updated_at AS "updatedAt",
       ARRAY(SELECT m.testbed_id::text FROM idea_testbeds m WHERE m.idea_id = i.id ORDER BY m.created_at, m.testbed_id) AS "testbedIds",
       ARRAY(SELECT l.booking_id::text FROM scheduling_booking_ideas l WHERE l.idea_id = i.id ORDER BY l.booking_id) AS "bookingIds",
       (SELECT a.organization_id FROM idea_answers a WHERE a.idea_id = i.id AND a.status = 'accepted') AS "acceptedAnswerOrganizationId",
       (SELECT count(*)::int FROM idea_followers f WHERE f.idea_id = i.id) AS followers
  FROM ideas i JOIN sluices s ON s.id = i.sluice_id
  LEFT JOIN identity_organization_facts o ON o.organization_id = i.submitter_organization_id`;

/** The scope as SQL over `i` (ideas) and `s` (sluices), its parameters appended through `param`. */
function scopeSql(scope: IdeaScope, param: (value: unknown) => string): string {
  if ('all' in scope) return 'true';
  return `(i.submitted_by_user_id = ${param(scope.userId)}::uuid
        OR i.submitter_organization_id = ANY(${param(scope.companies)}::uuid[])
        OR s.organization_id = ANY(${param(scope.managed)}::uuid[])
        OR (i.public AND i.kind = 'need'))`;
}

@Injectable()
export class IdeasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the idea, its `submitted` event and its outbox message in one statement. */
  async insert(idea: NewIdea, actor: Actor, manager: EntityManager): Promise<string> {
    const row = await queryRow<{ id: string }>(
      manager,
      `WITH idea AS (
         INSERT INTO ideas (sluice_id, kind, title, description, domains, affects, public, submitted_by_user_id, submitter_organization_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
       ), event AS (
         INSERT INTO idea_events (idea_id, type, to_status, actor_user_id, actor_api_token_id)
         SELECT id, 'submitted', 'submitted', $8, $10 FROM idea
       ), outbox AS (
         ${outboxInsert({ from: 'idea', topic: 'idea.submitted', payload: { ideaId: 'id' }, requestId: '$11' })}
       )
       SELECT id FROM idea`,
      [
        idea.sluiceId,
        idea.kind,
        idea.title,
        idea.description,
        idea.domains,
        idea.affects,
        idea.public,
        idea.submittedByUserId,
        idea.submitterOrganizationId,
        actor.type === 'apiToken' ? actor.id : null,
        currentRequestId() ?? null,
      ],
    );
    return row!.id;
  }

  findById(id: string, manager?: EntityManager): Promise<IdeaRow | null> {
    return queryRow<IdeaRow>(manager ?? this.dataSource, `${IDEA_ROWS} WHERE i.id = $1`, [id]);
  }

  /** Ideas by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<Map<string, IdeaRow>> {
    const rows = await queryRows<IdeaRow>(this.dataSource, `${IDEA_ROWS} WHERE i.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Locks the idea's row for the rest of the transaction. */
  async lock(id: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT 1 FROM ideas WHERE id = $1 FOR UPDATE', [id]);
  }

  /** Newest first, keyset on (created_at, id). */
  async list(scope: IdeaScope, filter: IdeaFilter, limit: number, cursor?: string): Promise<Page<IdeaRow>> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = [scopeSql(scope, param)];
    if (filter.sluiceId) where.push(`i.sluice_id = ${param(filter.sluiceId)}::uuid`);
    if (filter.status) where.push(`i.status = ${param(filter.status)}`);
    if (filter.kind) where.push(`i.kind = ${param(filter.kind)}`);
    if (filter.terms) where.push(`${IDEA_SEARCH_DOCUMENT} @@ to_tsquery('swedish'::regconfig, ${param(filter.terms)})`);
    const after = decodeCursor(cursor, 2);
    if (after) where.push(`(i.created_at, i.id) < (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows = await queryRows<IdeaRow>(
      this.dataSource,
      `${IDEA_ROWS} WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT ${param(limit + 1)}`,
      params,
    );
    return toPage(rows, limit, (last) => [iso(last.createdAt)!, last.id]);
  }

  /** The ideas in scope that match any of `terms` (Swedish, prefixes), best first. */
  similar(scope: IdeaScope, terms: string, sluiceId: string | null, limit: number): Promise<SimilarIdeaRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const query = `to_tsquery('swedish'::regconfig, ${param(terms)})`;
    return queryRows<SimilarIdeaRow>(
      this.dataSource,
      `SELECT i.id, i.sluice_id AS "sluiceId", i.kind, i.title, i.status, ts_rank(${IDEA_SEARCH_DOCUMENT}, ${query})::float8 AS rank
         FROM ideas i JOIN sluices s ON s.id = i.sluice_id
        WHERE ${scopeSql(scope, param)} AND ${IDEA_SEARCH_DOCUMENT} @@ ${query}
          AND (${param(sluiceId)}::uuid IS NULL OR i.sluice_id = ${param(sluiceId)}::uuid)
        ORDER BY rank DESC, i.created_at DESC, i.id LIMIT ${param(limit)}`,
      params,
    );
  }

  /**
   * Moves the idea to `to` with its event and outbox message in one statement;
   * `changes` sets the decline reason or the result. The caller holds the row's lock.
   */
  async transition(
    id: string,
    change: {
      from: IdeaStatus;
      to: IdeaStatus;
      topic: IdeaStatusTopic;
      actor: Actor | null;
      detail: string | null;
      at: Date;
      declineReason?: string;
      result?: string;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `WITH changed AS (
         UPDATE ideas SET status = $2, updated_at = $3,
                screened_at = CASE WHEN $2 = 'screening' THEN $3 ELSE screened_at END,
                decided_at = CASE WHEN $2 IN ('accepted', 'declined') THEN $3 ELSE decided_at END,
                closed_at = CASE WHEN $2 = 'closed' THEN $3 ELSE closed_at END,
                decline_reason = coalesce($4, decline_reason),
                result = coalesce($5, result)
          WHERE id = $1 AND status = $6 RETURNING id
       ), event AS (
         INSERT INTO idea_events (idea_id, type, from_status, to_status, actor_user_id, actor_api_token_id, detail)
         SELECT id, $2, $6, $2, $7, $8, $9 FROM changed
       )
       ${outboxInsert({ from: 'changed', topic: change.topic, payload: { ideaId: 'id' }, requestId: '$10' })}`,
      [
        id,
        change.to,
        change.at,
        change.declineReason ?? null,
        change.result ?? null,
        change.from,
        change.actor?.userId ?? null,
        change.actor?.type === 'apiToken' ? change.actor.id : null,
        change.detail,
        currentRequestId() ?? null,
      ],
    );
  }

  /** Matches the idea to test beds (an accepted idea); those already matched stay. */
  async matchTestbeds(id: string, testbedIds: string[], manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO idea_testbeds (idea_id, testbed_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, testbedIds],
    );
  }

  events(id: string): Promise<IdeaEventRow[]> {
    return queryRows<IdeaEventRow>(
      this.dataSource,
      `SELECT at, type, from_status AS "fromStatus", to_status AS "toStatus", actor_user_id AS "actorUserId",
              actor_api_token_id AS "actorApiTokenId", detail, booking_id AS "bookingId"
         FROM idea_events WHERE idea_id = $1 ORDER BY at, seq`,
      [id],
    );
  }

  async follow(id: string, userId: string): Promise<void> {
    await this.dataSource.query(
      'INSERT INTO idea_followers (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [id, userId],
    );
  }

  async unfollow(id: string, userId: string): Promise<void> {
    await this.dataSource.query('DELETE FROM idea_followers WHERE idea_id = $1 AND user_id = $2', [id, userId]);
  }

  /** Which of these ideas the person follows. */
  async followedAmong(ids: string[], userId: string): Promise<Set<string>> {
    const rows = await queryRows<{ ideaId: string }>(
      this.dataSource,
      'SELECT idea_id AS "ideaId" FROM idea_followers WHERE user_id = $1 AND idea_id = ANY($2::uuid[])',
      [userId, ids],
    );
    return new Set(rows.map((row) => row.ideaId));
  }

  async follows(id: string, userId: string): Promise<boolean> {
    const row = await queryRow<{ follows: boolean }>(
      this.dataSource,
      'SELECT EXISTS (SELECT 1 FROM idea_followers WHERE idea_id = $1 AND user_id = $2) AS follows',
      [id, userId],
    );
    return row?.follows ?? false;
  }

  /** The followers of several ideas, by idea, each idea's in the order they followed it; one read. */
  async followerIdsOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await queryRows<{ ideaId: string; userId: string }>(
      this.dataSource,
      'SELECT idea_id AS "ideaId", user_id AS "userId" FROM idea_followers WHERE idea_id = ANY($1::uuid[]) ORDER BY created_at',
      [ids],
    );
    const followers = new Map<string, string[]>(ids.map((id) => [id, []]));
    for (const { ideaId, userId } of rows) followers.get(ideaId)!.push(userId);
    return followers;
  }

  /**
   * Marks every idea that has waited in `submitted` longer than its sluice
   * promises (and was not reminded yet) as reminded, with an outbox message
   * for each, in one statement: run twice, it reminds once.
   */
  async remindWaiting(now: Date, batchSize: number): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource,
      `WITH due AS (
         SELECT i.id FROM ideas i JOIN sluices s ON s.id = i.sluice_id
          WHERE i.status = 'submitted' AND i.reminded_at IS NULL
            AND i.created_at + make_interval(days => s.answer_within_days) <= $1
          ORDER BY i.created_at LIMIT $2 FOR UPDATE OF i SKIP LOCKED
       ), reminded AS (
         UPDATE ideas i SET reminded_at = $1 FROM due WHERE i.id = due.id AND i.reminded_at IS NULL RETURNING i.id
       ), outbox AS (
         ${outboxInsert({ from: 'reminded', topic: 'idea.waiting', payload: { ideaId: 'id' } })}
       )
       SELECT id FROM reminded`,
      [now, batchSize],
    );
    return rows.length;
  }
}
