import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, namedStatement, queryRow, queryRows, toPage, type Page, type Role } from '@slussen/core';
import { DataSource, type EntityManager } from 'typeorm';
import { User, type Language } from '../entities/user.entity.js';

export interface FoundUserRow {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  createdAt: Date;
  memberships: Array<{ organizationId: string; organizationName: string; kind: string; role: Role }>;
}

export interface ActorMembershipRow {
  organizationId: string;
  organizationKind: 'region' | 'municipality' | 'company' | 'agency';
  organizationName: string;
  role: Role;
}

/** What authorization needs of a user: the admin flag and every membership. */
export interface ActorRow {
  id: string;
  platformAdmin: boolean;
  memberships: ActorMembershipRow[];
}

/** One constant advisory lock key for every process: bootstrap of the first admin runs once. */
const ADMIN_BOOTSTRAP_LOCK = 7_263_302;

/** Read for a bearer credential the cache does not hold (UsersRepository.actorOf); planned once per connection. */
const ACTOR_OF = namedStatement(
  'identity.actor-of',
  `SELECT u.id, u.platform_admin AS "platformAdmin",
              coalesce(json_agg(json_build_object('organizationId', m.organization_id, 'organizationKind', o.kind, 'organizationName', o.name, 'role', m.role))
                       FILTER (WHERE m.user_id IS NOT NULL), '[]') AS memberships
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE u.id = $1
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.user_id = u.id AND r.revoked_at IS NULL))
        GROUP BY u.id`,
);

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(User);
  }

  create(
    data: { email: string; name: string; language?: Language; passwordHash: string | null; platformAdmin?: boolean },
    manager?: EntityManager,
  ): Promise<User> {
    return this.repo(manager).save(this.repo(manager).create(data));
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ id });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<User | null> {
    return this.repo(manager).findOneBy({ email });
  }

  /** With the password hash, which is otherwise never selected. */
  findCredentials(email: string): Promise<Pick<User, 'id' | 'passwordHash'> | null> {
    return this.repo()
      .createQueryBuilder('user')
      .select(['user.id', 'user.passwordHash'])
      .where('user.email = :email', { email })
      .getOne();
  }

  passwordHashOf(id: string): Promise<string | null> {
    return this.repo()
      .createQueryBuilder('user')
      .select(['user.id', 'user.passwordHash'])
      .where('user.id = :id', { id })
      .getOne()
      .then((user) => user?.passwordHash ?? null);
  }

  async setPassword(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { passwordHash });
  }

  async updateProfile(
    id: string,
    fields: { name?: string; language?: Language },
    manager?: EntityManager,
  ): Promise<void> {
    await this.repo(manager).update({ id }, fields);
  }

  async makePlatformAdmin(id: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { platformAdmin: true });
  }

  firstPlatformAdmin(): Promise<User | null> {
    return this.repo().findOne({ where: { platformAdmin: true }, order: { createdAt: 'ASC' } });
  }

  /** Serializes the first platform admin's bootstrap across processes starting at once, until the transaction ends. */
  async lockPlatformAdminBootstrap(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_BOOTSTRAP_LOCK]);
  }

  hasPlatformAdmin(manager?: EntityManager): Promise<boolean> {
    return this.repo(manager).existsBy({ platformAdmin: true });
  }

  /**
   * What authorization needs of a user, in one round trip: the admin flag and
   * every membership; nothing when `sessionId` names a session that was revoked
   * (signed out, password changed or reset, a refresh token replayed).
   */
  actorOf(userId: string, sessionId: string | null): Promise<ActorRow | null> {
    return queryRow<ActorRow>(this.dataSource, ACTOR_OF, [userId, sessionId]);
  }

  /** A user's memberships with what the policy needs of each organization, in one query. */
  membershipsOf(userId: string, manager?: EntityManager): Promise<ActorMembershipRow[]> {
    return queryRows<ActorMembershipRow>(
      manager ?? this.dataSource,
      `SELECT m.organization_id AS "organizationId", o.kind AS "organizationKind", o.name AS "organizationName", m.role
         FROM memberships m JOIN organizations o ON o.id = m.organization_id
        WHERE m.user_id = $1
        ORDER BY o.name, o.id`,
      [userId],
    );
  }

  /**
   * People whose name or e-mail address contains `q` (any case), with every
   * organization they belong to; by name, keyset-paginated on (name, id).
   */
  async search(q: string | undefined, limit: number, cursor?: string): Promise<Page<FoundUserRow>> {
    const after = decodeCursor(cursor, 2);
    const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await queryRows<FoundUserRow>(
      this.dataSource,
      `SELECT u.id, u.email::text AS email, u.name, u.platform_admin AS "platformAdmin", u.created_at AS "createdAt",
              coalesce(json_agg(json_build_object('organizationId', m.organization_id, 'organizationName', o.name, 'kind', o.kind, 'role', m.role) ORDER BY o.name)
                       FILTER (WHERE m.user_id IS NOT NULL), '[]') AS memberships
         FROM users u
         LEFT JOIN memberships m ON m.user_id = u.id
         LEFT JOIN organizations o ON o.id = m.organization_id
        WHERE ($1::text IS NULL OR u.name ILIKE $1 OR u.email::text ILIKE $1)
          AND ($2::text IS NULL OR (u.name, u.id::text) > ($2::text, $3::text))
        GROUP BY u.id
        ORDER BY u.name, u.id::text
        LIMIT $4`,
      [pattern, after ? String(after[0]) : null, after ? String(after[1]) : null, limit + 1],
    );
    return toPage(rows, limit, (last) => [last.name, last.id]);
  }
}
