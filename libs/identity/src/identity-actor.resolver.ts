import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActorResolver, type Actor } from '@slussen/core';
import { DataSource } from 'typeorm';
import { ActorCache } from './actor-cache.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { UsersRepository, type ActorMembershipRow } from './repositories/users.repository.js';
import { SessionService } from './session.service.js';
import { API_TOKEN_PREFIX, hashToken } from './tokens.js';

/**
 * Resolves a bearer credential on every request: memberships and the session
 * are read from the database, so a removed member or a revoked session loses
 * access at once, not when the token expires. What was read is kept a few
 * seconds for the same credential (ActorCache), emptied by any change to
 * users, memberships, organizations or a revocation made through this process.
 */
@Injectable()
export class IdentityActorResolver extends ActorResolver {
  readonly cache: ActorCache;

  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
    private readonly apiTokens: ApiTokensRepository,
    @InjectDataSource() dataSource: DataSource,
  ) {
    super();
    this.cache = new ActorCache().watch(dataSource);
  }

  resolve(credential: string): Promise<Actor | null> {
    return this.cache.resolve(credential, () => this.lookup(credential));
  }

  private async lookup(credential: string): Promise<{ actor: Actor; validUntil: number } | null> {
    if (credential.startsWith(API_TOKEN_PREFIX)) {
      // Marks the token used: with the cache, at most once every few seconds per token.
      const token = await this.apiTokens.useActive(hashToken(credential));
      if (!token) return null;
      return {
        actor: {
          type: 'apiToken',
          id: token.id,
          userId: null,
          platformAdmin: false,
          memberships: [
            { organizationId: token.organizationId, organizationKind: token.organizationKind, role: token.role },
          ],
        },
        validUntil: Number.POSITIVE_INFINITY,
      };
    }
    const claims = await this.sessions.verifyAccessToken(credential);
    if (!claims) return null;
    const user = await this.users.actorOf(claims.sub, claims.sid);
    return user
      ? { actor: userActor(user, claims.sid), validUntil: ((claims as { exp?: number }).exp ?? 0) * 1000 }
      : null;
  }

  async resolvePass(audience: string, pass: string): Promise<PassHolder | null> {
    const claims = await this.sessions.verifyPass(audience, pass);
    const user = claims ? await this.users.actorOf(claims.sub, claims.sid) : null;
    return claims && user ? { actor: userActor(user, claims.sid), issuedAt: claims.iat } : null;
  }
}

/** The holder of a pass (see SessionService.issuePass), while its session lasts. */
export interface PassHolder {
  actor: Actor;
  /** When the pass was issued, in seconds since the epoch. */
  issuedAt: number;
}

/** The actor of a signed-in user, from what `UsersRepository.actorOf` read. */
export function userActor(
  user: { id: string; platformAdmin: boolean; memberships: ActorMembershipRow[] },
  sessionId: string | null,
): Actor {
  return {
    type: 'user',
    id: user.id,
    userId: user.id,
    sessionId,
    platformAdmin: user.platformAdmin,
    memberships: user.memberships.map(({ organizationId, organizationKind, role }) => ({
      organizationId,
      organizationKind,
      role,
    })),
  };
}
