import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestId, outboxInsert, queryRow, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnswerStatus } from '../entities/idea-answer.entity.js';

export interface AnswerRow {
  id: string;
  ideaId: string;
  organizationId: string;
  organizationName: string;
  authorUserId: string | null;
  description: string;
  status: AnswerStatus;
  acceptedAt: Date | null;
  createdAt: Date;
}

const ANSWER_ROWS = `SELECT a.id, a.idea_id AS "ideaId", a.organization_id AS "organizationId", o.name AS "organizationName",
       a.author_user_id AS "authorUserId", a.description, a.status, a.accepted_at AS "acceptedAt", a.created_at AS "createdAt"
  FROM idea_answers a JOIN identity_organization_facts o ON o.organization_id = a.organization_id`;

/** Companies' answers to public needs. */
@Injectable()
export class AnswersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The answer and its outbox message in one statement (one answer per company: idea_answers_one_per_company). */
  async insert(
    answer: { ideaId: string; organizationId: string; authorUserId: string | null; description: string },
    manager?: EntityManager,
  ): Promise<string> {
    const row = await queryRow<{ id: string }>(
      manager ?? this.dataSource,
      `WITH answer AS (
         INSERT INTO idea_answers (idea_id, organization_id, author_user_id, description) VALUES ($1, $2, $3, $4) RETURNING id
       ), outbox AS (
         ${outboxInsert({ from: 'answer', topic: 'idea.answered', payload: { answerId: 'id' }, requestId: '$5' })}
       )
       SELECT id FROM answer`,
      [answer.ideaId, answer.organizationId, answer.authorUserId, answer.description, currentRequestId() ?? null],
    );
    return row!.id;
  }

  findById(id: string, manager?: EntityManager): Promise<AnswerRow | null> {
    return queryRow<AnswerRow>(manager ?? this.dataSource, `${ANSWER_ROWS} WHERE a.id = $1`, [id]);
  }

  /** Answers by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<Map<string, AnswerRow>> {
    const rows = await queryRows<AnswerRow>(this.dataSource, `${ANSWER_ROWS} WHERE a.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The idea's answers, oldest first; `organizationIds` narrows to those companies' own. */
  ofIdea(ideaId: string, organizationIds: string[] | null): Promise<AnswerRow[]> {
    return queryRows<AnswerRow>(
      this.dataSource,
      `${ANSWER_ROWS} WHERE a.idea_id = $1 AND ($2::uuid[] IS NULL OR a.organization_id = ANY($2::uuid[]))
        ORDER BY a.created_at, a.id`,
      [ideaId, organizationIds],
    );
  }

  /** Accepts the answer (at most one per idea: idea_answers_one_accepted), with its outbox message. */
  async accept(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `WITH accepted AS (
         UPDATE idea_answers SET status = 'accepted', accepted_at = $2 WHERE id = $1 AND status = 'submitted' RETURNING id
       ), outbox AS (
         ${outboxInsert({ from: 'accepted', topic: 'idea.answer-accepted', payload: { answerId: 'id' }, requestId: '$3' })}
       )
       SELECT id FROM accepted`,
      [id, at, currentRequestId() ?? null],
    );
    return rows.length === 1;
  }
}
