import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@slussen/core';
import { ActorCache, changesIdentity } from './actor-cache.js';

const actor: Actor = {
  type: 'user',
  id: 'u',
  userId: 'u',
  sessionId: 's',
  platformAdmin: false,
  memberships: [{ organizationId: 'o', organizationKind: 'company', role: 'member' }],
};

describe('ActorCache', () => {
  it('tells the writes that change who a credential holder is from those that do not', () => {
    expect(
      changesIdentity('UPDATE "api_tokens" SET "revoked_at" = now() WHERE "id" = $1 AND "revoked_at" IS NULL'),
    ).toBe(true);
    expect(changesIdentity('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1')).toBe(true);
    expect(changesIdentity('UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2')).toBe(true);
    expect(changesIdentity('DELETE FROM "memberships" WHERE "organization_id" = $1')).toBe(true);
    expect(changesIdentity('UPDATE "users" SET "password_hash" = $1 WHERE "id" = $2')).toBe(true);
    expect(changesIdentity('DELETE FROM refresh_tokens WHERE expires_at < now()')).toBe(true);
    // A token marked used, a session started or rotated, a booking made: nothing changes.
    expect(
      changesIdentity(
        'UPDATE api_tokens t SET last_used_at = now() FROM organizations o WHERE t.token_hash = $1 AND t.revoked_at IS NULL',
      ),
    ).toBe(false);
    expect(changesIdentity('INSERT INTO "refresh_tokens"("family_id", "user_id") VALUES ($1, $2)')).toBe(false);
    expect(
      changesIdentity('UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL'),
    ).toBe(false);
    expect(changesIdentity('WITH slot AS (SELECT 1) INSERT INTO bookings (organization_id) SELECT $1')).toBe(false);
    expect(changesIdentity('SELECT * FROM users u JOIN memberships m ON m.user_id = u.id')).toBe(false);
    expect(changesIdentity('UPDATE users_archive SET x = 1')).toBe(false);
  });

  it('keeps an actor until it expires, hands each caller its own copy, and forgets everything on clear', async () => {
    const cache = new ActorCache(1_000, 2);
    let lookups = 0;
    const lookup = async () => (lookups++, { actor, validUntil: Date.now() + 60_000 });
    const first = await cache.resolve('a', lookup);
    const second = await cache.resolve('a', lookup);
    expect(lookups).toBe(1);
    expect(second).toEqual(actor);
    second!.memberships.push({ organizationId: 'x', organizationKind: 'region', role: 'admin' });
    expect((await cache.resolve('a', lookup))!.memberships).toHaveLength(1);
    expect(first).not.toBe(second);
    cache.clear();
    await cache.resolve('a', lookup);
    expect(lookups).toBe(2);
  });

  it('keeps no invalid credential, none past its expiry, and at most its bound', async () => {
    const cache = new ActorCache(60_000, 2);
    let lookups = 0;
    expect(await cache.resolve('bad', async () => (lookups++, null))).toBeNull();
    expect(await cache.resolve('bad', async () => (lookups++, null))).toBeNull();
    expect(lookups).toBe(2);
    await cache.resolve('expired', async () => ({ actor, validUntil: Date.now() - 1 }));
    await cache.resolve('b', async () => ({ actor, validUntil: Date.now() + 60_000 }));
    await cache.resolve('c', async () => ({ actor, validUntil: Date.now() + 60_000 }));
    expect(cache.size).toBe(2);
    let again = 0;
    await cache.resolve('expired', async () => (again++, { actor, validUntil: Date.now() + 60_000 }));
    expect(again).toBe(1);
  });

  it('does not keep what it read while a change was being made', async () => {
    const cache = new ActorCache();
    let release!: () => void;
    const slow = cache.resolve(
      'a',
      () => new Promise((done) => (release = () => done({ actor, validUntil: Infinity }))),
    );
    cache.clear();
    release();
    await slow;
    expect(cache.size).toBe(0);
  });
});
