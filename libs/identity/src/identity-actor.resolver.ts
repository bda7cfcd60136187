import { Injectable } from '@nestjs/common';
import { ActorResolver, type Actor } from '@slussen/core';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { UsersRepository, type ActorMembershipRow } from './repositories/users.repository.js';
import { SessionService } from './session.service.js';
import { API_TOKEN_PREFIX, hashToken } from './tokens.js';

/**
 * Resolves a bearer credential on every request: memberships are read fresh,
 * so a removed member loses access at once, not when the token expires.
 */
@Injectable()
export class IdentityActorResolver extends ActorResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersRepository,
    private readonly apiTokens: ApiTokensRepository,
  ) {
    super();
  }

  async resolve(credential: string): Promise<Actor | null> {
    if (credential.startsWith(API_TOKEN_PREFIX)) {
      const token = await this.apiTokens.useActive(hashToken(credential));
      if (!token) return null;
      return {
        type: 'apiToken',
        id: token.id,
        userId: null,
        platformAdmin: false,
        memberships: [
          { organizationId: token.organizationId, organizationKind: token.organizationKind, role: token.role },
        ],
      };
    }
    const claims = await this.sessions.verifyAccessToken(credential);
    if (!claims) return null;
    const user = await this.users.actorOf(claims.sub, claims.sid);
    return user ? userActor(user, claims.sid) : null;
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
