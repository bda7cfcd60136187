import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows, type Role } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { InvitationStatus } from '../entities/invitation.entity.js';

/** A pending invitation as its invitee sees it. */
export interface ReceivedInvitationRow {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  role: Role;
  invitedByName: string | null;
  expiresAt: Date;
}

/** A pending invitation as the organization's admins see it: only what they typed. */
export interface SentInvitationRow {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}

/** A pending invitation with its invitee's contact, for the e-mail that carries it. */
export type PendingInvitationMailRow = ReceivedInvitationRow & {
  userId: string;
  email: string;
  name: string;
  language: 'sv' | 'en';
};

const RECEIVED = `SELECT i.id, i.organization_id AS "organizationId", o.name AS "organizationName", o.kind AS "organizationKind", i.role,
                         inviter.name AS "invitedByName", i.expires_at AS "expiresAt"
                    FROM invitations i
                    JOIN organizations o ON o.id = i.organization_id
                    LEFT JOIN users inviter ON inviter.id = i.invited_by_user_id`;

@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new pending invitation; one still pending for the same person and organization is withdrawn, so only the newest link works. */
  async replacePending(
    data: {
      id: string;
      organizationId: string;
      userId: string;
      email: string;
      role: Role;
      invitedByUserId: string | null;
      tokenHash: string;
      expiresAt: Date;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE invitations SET status = 'revoked', decided_at = now() WHERE organization_id = $1 AND user_id = $2 AND status = 'pending'`,
      [data.organizationId, data.userId],
    );
    await manager.query(
      `INSERT INTO invitations (id, organization_id, user_id, email, role, invited_by_user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        data.id,
        data.organizationId,
        data.userId,
        data.email,
        data.role,
        data.invitedByUserId,
        data.tokenHash,
        data.expiresAt,
      ],
    );
  }

  /**
   * Decides a pending, unexpired invitation of this user in one conditional
   * UPDATE (so it is decided once); found by id or by its token's hash.
   */
  decide(
    userId: string,
    by: { id: string } | { tokenHash: string },
    status: Exclude<InvitationStatus, 'pending'>,
    manager: EntityManager,
  ): Promise<{ id: string; organizationId: string; role: Role } | null> {
    return queryRow<{ id: string; organizationId: string; role: Role }>(
      manager,
      `UPDATE invitations SET status = $3, decided_at = now()
        WHERE user_id = $1 AND ${'id' in by ? 'id = $2::uuid' : 'token_hash = $2'} AND status = 'pending' AND expires_at > now()
        RETURNING id, organization_id AS "organizationId", role`,
      [userId, 'id' in by ? by.id : by.tokenHash, status],
    );
  }

  /** Withdraws a pending invitation of the organization; false when there is none. */
  async revoke(organizationId: string, id: string, manager: EntityManager): Promise<boolean> {
    const revoked = await queryRows<{ id: string }>(
      manager,
      `UPDATE invitations SET status = 'revoked', decided_at = now() WHERE organization_id = $1 AND id = $2 AND status = 'pending'
       RETURNING id`,
      [organizationId, id],
    );
    return revoked.length > 0;
  }

  receivedBy(userId: string): Promise<ReceivedInvitationRow[]> {
    return queryRows<ReceivedInvitationRow>(
      this.dataSource,
      `${RECEIVED} WHERE i.user_id = $1 AND i.status = 'pending' AND i.expires_at > now() ORDER BY i.created_at DESC, i.id`,
      [userId],
    );
  }

  /** The signed-in person's own open invitation with this token hash; null for anyone else's, a decided or an expired one. */
  receivedByToken(userId: string, tokenHash: string): Promise<ReceivedInvitationRow | null> {
    return queryRow<ReceivedInvitationRow>(
      this.dataSource,
      `${RECEIVED} WHERE i.user_id = $1 AND i.token_hash = $2 AND i.status = 'pending' AND i.expires_at > now()`,
      [userId, tokenHash],
    );
  }

  sentBy(organizationId: string): Promise<SentInvitationRow[]> {
    return queryRows<SentInvitationRow>(
      this.dataSource,
      `SELECT id, email, role, created_at AS "createdAt", expires_at AS "expiresAt" FROM invitations
        WHERE organization_id = $1 AND status = 'pending' AND expires_at > now() ORDER BY created_at DESC, id`,
      [organizationId],
    );
  }

  /** Pending invitations with their invitees' contacts, for the e-mails that carry them, in one read; one decided or expired is not among them. */
  pendingForMail(ids: readonly string[]): Promise<PendingInvitationMailRow[]> {
    return queryRows<PendingInvitationMailRow>(
      this.dataSource,
      `SELECT r.*, u.id AS "userId", u.email, u.name, u.language
         FROM (${RECEIVED} WHERE i.id = ANY($1::uuid[]) AND i.status = 'pending' AND i.expires_at > now()) r
         JOIN invitations i ON i.id = r.id JOIN users u ON u.id = i.user_id`,
      [ids],
    );
  }
}
