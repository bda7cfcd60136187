import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { PasswordTokenPurpose } from '../entities/password-token.entity.js';

/** An open password link with its user's contact. */
export interface OpenPasswordLinkRow {
  id: string;
  purpose: PasswordTokenPurpose;
  expiresAt: Date;
  userId: string;
  email: string;
  name: string;
  language: 'sv' | 'en';
}

@Injectable()
export class PasswordTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    data: { id: string; userId: string; purpose: PasswordTokenPurpose; tokenHash: string; expiresAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO password_tokens (id, user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [data.id, data.userId, data.purpose, data.tokenHash, data.expiresAt],
    );
  }

  /** Ends every link of the user still open, so only the newest works (or none, once the password is set). */
  async closeOpen(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE password_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [userId]);
  }

  /** Uses the token in one conditional UPDATE: of two requests with one token, exactly one wins. */
  consume(
    tokenHash: string,
    manager: EntityManager,
  ): Promise<{ userId: string; purpose: PasswordTokenPurpose } | null> {
    return queryRow<{ userId: string; purpose: PasswordTokenPurpose }>(
      manager,
      `UPDATE password_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId", purpose`,
      [tokenHash],
    );
  }

  /** Open links with their users' contacts, for the e-mails that carry them, in one read; a link used or expired is not among them. */
  openForMail(ids: readonly string[]): Promise<OpenPasswordLinkRow[]> {
    return queryRows<OpenPasswordLinkRow>(
      this.dataSource,
      `SELECT t.id, t.purpose, t.expires_at AS "expiresAt", u.id AS "userId", u.email, u.name, u.language
         FROM password_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.id = ANY($1::uuid[]) AND t.used_at IS NULL AND t.expires_at > now()`,
      [ids],
    );
  }
}
