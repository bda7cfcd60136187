import type { INestApplication } from '@nestjs/common';
import type { OrganizationKind, Role } from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { PasswordService } from '../../../identity/src/password.service.js';
import { ApiTokensRepository } from '../../../identity/src/repositories/api-tokens.repository.js';
import { MembershipsRepository } from '../../../identity/src/repositories/memberships.repository.js';
import { OrganizationsRepository } from '../../../identity/src/repositories/organizations.repository.js';
import { UsersRepository } from '../../../identity/src/repositories/users.repository.js';
import { SessionService } from '../../../identity/src/session.service.js';
import { API_TOKEN_PREFIX, hashToken, newOpaqueToken } from '../../../identity/src/tokens.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** A fresh access token for Authorization: Bearer. */
  token: string;
}

/** Builds identity fixtures through the identity context's own repositories. */
export class IdentityFactory {
  constructor(private readonly app: INestApplication) {}

  private get<T>(type: abstract new (...args: never[]) => T): T {
    return this.app.get(type as never, { strict: false });
  }

  async organization(kind: OrganizationKind, options: { name?: string; parentId?: string } = {}) {
    return this.get(OrganizationsRepository).create({
      name: options.name ?? `${kind} ${randomUUID().slice(0, 8)}`,
      kind,
      orgNumber: null,
      parentId: options.parentId ?? null,
    });
  }

  async user(options: { platformAdmin?: boolean; email?: string; password?: string } = {}): Promise<TestUser> {
    const password = options.password ?? TEST_PASSWORD;
    const email = options.email ?? `user-${randomUUID()}@test.slussen.se`;
    const user = await this.get(UsersRepository).create({
      email,
      name: 'Test User',
      passwordHash: await this.get(PasswordService).hash(password),
      platformAdmin: options.platformAdmin ?? false,
    });
    return { id: user.id, email, password, token: await this.accessToken(user.id) };
  }

  async member(organizationId: string, role: Role, options: { email?: string } = {}): Promise<TestUser> {
    const user = await this.user(options);
    await this.get(MembershipsRepository).add({ organizationId, userId: user.id, role });
    return user;
  }

  async accessToken(userId: string): Promise<string> {
    return (await this.get(SessionService).start(userId)).accessToken;
  }

  async apiToken(organizationId: string, role: Role): Promise<string> {
    const token = newOpaqueToken(API_TOKEN_PREFIX);
    await this.get(ApiTokensRepository).create({
      organizationId,
      name: `token ${role}`,
      role,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, 10),
      createdByUserId: null,
    });
    return token;
  }
}
