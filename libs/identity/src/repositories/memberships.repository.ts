import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, queryRow, queryRows, toPage, type Page, type Role } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import { Membership } from '../entities/membership.entity.js';

export interface MemberRow {
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

const MEMBER_ROWS = `SELECT m.organization_id AS "organizationId", m.user_id AS "userId", u.email, u.name, m.role, m.created_at AS "createdAt"
  FROM memberships m JOIN users u ON u.id = m.user_id`;

/** A person's e-mail contact. */
export interface ContactRow {
  userId: string;
  email: string;
  name: string;
  language: 'sv' | 'en';
}

@Injectable()
export class MembershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(Membership);
  }

  async add(
    data: { organizationId: string; userId: string; role: Role },
    manager?: EntityManager,
  ): Promise<Membership> {
    return this.repo(manager).save(this.repo(manager).create(data));
  }

  find(organizationId: string, userId: string, manager?: EntityManager): Promise<Membership | null> {
    return this.repo(manager).findOneBy({ organizationId, userId });
  }

  async setRole(organizationId: string, userId: string, role: Role, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ organizationId, userId }, { role });
  }

  async remove(organizationId: string, userId: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ organizationId, userId });
  }

  /**
   * Locks the organization's admin memberships and counts them, so that two
   * requests removing the last two admins at once cannot both succeed.
   */
  async lockAdmins(organizationId: string, manager: EntityManager): Promise<string[]> {
    const rows = await queryRows<{ user_id: string }>(
      manager,
      `SELECT user_id FROM memberships WHERE organization_id = $1 AND role = 'admin' ORDER BY user_id FOR UPDATE`,
      [organizationId],
    );
    return rows.map((row) => row.user_id);
  }

  async listMembers(organizationId: string, limit: number, cursor?: string): Promise<Page<MemberRow>> {
    const after = decodeCursor(cursor, 2);
    const rows = await queryRows<MemberRow>(
      this.dataSource,
      `${MEMBER_ROWS}
        WHERE m.organization_id = $1 AND ($2::timestamptz IS NULL OR (m.created_at, m.user_id) > ($2, $3::uuid))
        ORDER BY m.created_at, m.user_id
        LIMIT $4`,
      [organizationId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(rows, limit, (last) => [new Date(last.createdAt).toISOString(), last.userId]);
  }

  /** E-mail contacts of an organization's members, optionally of some roles only. */
  contacts(organizationId: string, roles?: Role[]): Promise<ContactRow[]> {
    return queryRows<ContactRow>(
      this.dataSource,
      `SELECT u.id AS "userId", u.email, u.name, u.language
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND ($2::text[] IS NULL OR m.role = ANY($2::text[]))
        ORDER BY u.email`,
      [organizationId, roles ?? null],
    );
  }

  /** The contacts and roles of several organizations' members, by organization, each in the order of their e-mail addresses. */
  async contactsByOrganization(
    organizationIds: readonly string[],
  ): Promise<Map<string, Array<ContactRow & { role: Role }>>> {
    const rows = await queryRows<ContactRow & { role: Role; organizationId: string }>(
      this.dataSource,
      `SELECT m.organization_id AS "organizationId", m.role, u.id AS "userId", u.email, u.name, u.language
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = ANY($1::uuid[])
        ORDER BY u.email`,
      [organizationIds],
    );
    const contacts = new Map<string, Array<ContactRow & { role: Role }>>(organizationIds.map((id) => [id, []]));
    for (const { organizationId, ...contact } of rows) contacts.get(organizationId)!.push(contact);
    return contacts;
  }

  /** Several users' e-mail contacts, by user. */
  async contactsOfUsers(userIds: readonly string[]): Promise<Map<string, ContactRow>> {
    const rows = await queryRows<ContactRow>(
      this.dataSource,
      `SELECT u.id AS "userId", u.email, u.name, u.language FROM users u WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    );
    return new Map(rows.map((row) => [row.userId, row]));
  }

  /** A user's e-mail contact, whatever organizations they belong to. */
  contactOfUser(userId: string): Promise<ContactRow | null> {
    return queryRow<ContactRow>(
      this.dataSource,
      `SELECT u.id AS "userId", u.email, u.name, u.language FROM users u WHERE u.id = $1`,
      [userId],
    );
  }

  memberRow(organizationId: string, userId: string, manager?: EntityManager): Promise<MemberRow | null> {
    return queryRow<MemberRow>(
      manager ?? this.dataSource,
      `${MEMBER_ROWS} WHERE m.organization_id = $1 AND m.user_id = $2`,
      [organizationId, userId],
    );
  }
}
