import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { currentRequestId, outboxInsert, queryRow, queryRows } from '@slussen/core';
import { DataSource } from 'typeorm';
import type { MessageSide } from '../entities/idea-message.entity.js';

export interface MessageRow {
  id: string;
  ideaId: string;
  authorUserId: string | null;
  side: MessageSide;
  body: string;
  createdAt: Date;
}

const MESSAGE_ROWS = `SELECT m.id, m.idea_id AS "ideaId", m.author_user_id AS "authorUserId", m.side, m.body, m.created_at AS "createdAt"
  FROM idea_messages m`;

/** The conversation between an idea's submitter and its sluice's managers. */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The message and its outbox message (the other side's e-mail) in one statement. */
  async insert(message: {
    ideaId: string;
    authorUserId: string | null;
    side: MessageSide;
    body: string;
  }): Promise<MessageRow> {
    const row = await queryRow<MessageRow>(
      this.dataSource,
      `WITH message AS (
         INSERT INTO idea_messages (idea_id, author_user_id, side, body) VALUES ($1, $2, $3, $4)
         RETURNING id, idea_id, author_user_id, side, body, created_at
       ), outbox AS (
         ${outboxInsert({ from: 'message', topic: 'idea.message', payload: { messageId: 'id' }, requestId: '$5' })}
       )
       SELECT id, idea_id AS "ideaId", author_user_id AS "authorUserId", side, body, created_at AS "createdAt" FROM message`,
      [message.ideaId, message.authorUserId, message.side, message.body, currentRequestId() ?? null],
    );
    return row!;
  }

  /** Messages by id, in one read. */
  async findByIds(ids: readonly string[]): Promise<Map<string, MessageRow>> {
    const rows = await queryRows<MessageRow>(this.dataSource, `${MESSAGE_ROWS} WHERE m.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  ofIdea(ideaId: string): Promise<MessageRow[]> {
    return queryRows<MessageRow>(this.dataSource, `${MESSAGE_ROWS} WHERE m.idea_id = $1 ORDER BY m.created_at, m.id`, [
      ideaId,
    ]);
  }
}
