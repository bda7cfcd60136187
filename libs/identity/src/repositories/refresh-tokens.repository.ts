import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow } from '@slussen/core';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity.js';

export type ConsumeResult =
  | { outcome: 'rotated'; token: Pick<RefreshToken, 'id' | 'familyId' | 'userId'> }
  /** Already used or revoked: somebody replayed it, so its family is revoked. */
  | { outcome: 'reused'; token: RefreshToken }
  | { outcome: 'invalid' };

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(RefreshToken);
  }

  async issue(
    data: { familyId: string; userId: string; tokenHash: string; expiresAt: Date },
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).insert(data);
  }

  /**
   * Marks the token used in one conditional UPDATE, so of two concurrent
   * refreshes with one token exactly one wins; the other counts as reuse.
   */
  async consume(tokenHash: string, manager: EntityManager): Promise<ConsumeResult> {
    const rotated = await queryRow<Pick<RefreshToken, 'id' | 'familyId' | 'userId'>>(
      manager,
      `UPDATE refresh_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, family_id AS "familyId", user_id AS "userId"`,
      [tokenHash],
    );
    if (rotated) return { outcome: 'rotated', token: rotated };
    const known = await this.repo(manager).findOneBy({ tokenHash });
    if (!known) return { outcome: 'invalid' };
    if (known.usedAt !== null || known.revokedAt !== null) return { outcome: 'reused', token: known };
    return { outcome: 'invalid' };
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<number> {
    const result = await this.repo(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return result.affected ?? 0;
  }

  findByHash(tokenHash: string, manager?: EntityManager): Promise<RefreshToken | null> {
    return this.repo(manager).findOneBy({ tokenHash });
  }

  /** Ends every session of the user but `keepFamilyId` (null: every one). */
  async revokeAllOf(userId: string, manager?: EntityManager, keepFamilyId: string | null = null): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR family_id <> $2)',
      [userId, keepFamilyId],
    );
  }
}
