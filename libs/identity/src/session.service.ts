import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@slussen/core';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidRefreshTokenError } from './identity.errors.js';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository.js';
import { hashToken, newOpaqueToken, REFRESH_TOKEN_PREFIX } from './tokens.js';
import type { TokenPair } from './views.js';

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  /** The session (refresh-token family): revoking it ends its access tokens at once. */
  sid: string;
}

/** A pass to one part of the site (the queue dashboard's cookie); never accepted as a bearer. */
interface PassClaims {
  sub: string;
  typ: 'pass';
  sid: string;
  iat: number;
}

/** Access tokens (short-lived JWTs) and rotating refresh tokens with reuse detection. */
@Injectable()
export class SessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** A new session: a new refresh-token family. */
  start(userId: string, manager?: EntityManager): Promise<TokenPair> {
    return this.issue(userId, randomUUID(), manager);
  }

  /**
   * Trades a refresh token for a new pair. A token presented a second time
   * means it was stolen or replayed: its whole family is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const tokenHash = hashToken(refreshToken);
    const result = await this.dataSource.transaction(async (manager) => {
      const consumed = await this.refreshTokens.consume(tokenHash, manager);
      if (consumed.outcome !== 'rotated') return { consumed, pair: null };
      return { consumed, pair: await this.issue(consumed.token.userId, consumed.token.familyId, manager) };
    });
    if (result.pair) return result.pair;
    // Revoked after the transaction, so the revocation stands although the request fails.
    if (result.consumed.outcome === 'reused') await this.refreshTokens.revokeFamily(result.consumed.token.familyId);
    throw new InvalidRefreshTokenError();
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored. */
  async end(refreshToken: string): Promise<void> {
    const token = await this.refreshTokens.findByHash(hashToken(refreshToken));
    if (token) await this.refreshTokens.revokeFamily(token.familyId);
  }

  /** Ends every session of the user: their refresh tokens stop working, and so do the access tokens issued with them. */
  async endAllOf(userId: string, manager?: EntityManager): Promise<void> {
    await this.refreshTokens.revokeAllOf(userId, manager);
  }

  /**
   * A session that no refresh token anyone holds belongs to: for a pass won with
   * a password (the queue dashboard's HTTP Basic), so that changing the password ends it.
   */
  async startForPass(userId: string): Promise<string> {
    const familyId = randomUUID();
    const expiresAt = new Date(Date.now() + this.config.jwt.accessTtlSeconds * 1000);
    await this.refreshTokens.issue({
      familyId,
      userId,
      tokenHash: hashToken(newOpaqueToken(REFRESH_TOKEN_PREFIX)),
      expiresAt,
    });
    return familyId;
  }

  /** A short-lived pass for `audience`, bound to a session: revoking the session ends it. Lives as long as an access token. */
  issuePass(audience: string, userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, typ: 'pass', sid: sessionId },
      { algorithm: 'HS256', expiresIn: this.config.jwt.accessTtlSeconds, audience },
    );
  }

  async verifyPass(audience: string, pass: string): Promise<Pick<PassClaims, 'sub' | 'sid' | 'iat'> | null> {
    try {
      const claims = await this.jwt.verifyAsync<PassClaims>(pass, { algorithms: ['HS256'], audience });
      return claims.typ === 'pass' && typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : null;
    } catch {
      return null;
    }
  }

  async verifyAccessToken(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      return claims.typ === 'access' && typeof claims.sub === 'string' && typeof claims.sid === 'string'
        ? claims
        : null;
    } catch {
      return null;
    }
  }

  private async issue(userId: string, familyId: string, manager?: EntityManager): Promise<TokenPair> {
    const refreshToken = newOpaqueToken(REFRESH_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlDays * 86_400_000);
    await this.refreshTokens.issue({ familyId, userId, tokenHash: hashToken(refreshToken), expiresAt }, manager);
    const claims: AccessTokenClaims = { sub: userId, typ: 'access', sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.jwt.accessTtlSeconds,
    });
    return { accessToken, refreshToken, expiresIn: this.config.jwt.accessTtlSeconds, tokenType: 'Bearer' };
  }
}
