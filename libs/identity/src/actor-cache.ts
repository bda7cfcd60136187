import type { Actor } from '@slussen/core';
import type {
  AfterQueryEvent,
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** How long a resolved credential is trusted without reading the database again. */
export const ACTOR_CACHE_TTL_MS = 5_000;
/** Most credentials kept; the oldest goes first. */
export const ACTOR_CACHE_MAX_ENTRIES = 10_000;

/**
 * Writes that can change who a credential's holder is or may do: anything on
 * users, memberships and organizations, and a revocation (or removal) of a
 * session or API token. Marking a token used or starting a session is not one.
 */
const IDENTITY_WRITE =
  /\b(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"?(users|memberships|organizations|refresh_tokens|api_tokens)"?(?![\w"])/gi;
const REVOCATION = /\brevoked_at"?\s*=|\bDELETE\s+FROM\b/i;

/**
 * A short, bounded cache of resolved bearer credentials for this API process,
 * so that a request does not read the user, their memberships and session (or
 * the API token) again when the same credential came a moment ago. Any write to
 * those tables through this process's data source empties it, right after the
 * statement and again after its transaction commits, so a revoked token, a
 * changed role or a changed password takes effect at once here; other
 * processes see it within ACTOR_CACHE_TTL_MS. Only valid credentials are kept,
 * never longer than they are valid.
 */
export class ActorCache implements EntitySubscriberInterface {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();
  /** Bumped by every invalidation: a lookup that overlapped one is not kept. */
  private generation = 0;
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(
    private readonly ttlMs = ACTOR_CACHE_TTL_MS,
    private readonly maxEntries = ACTOR_CACHE_MAX_ENTRIES,
  ) {}

  /** Invalidates on this data source's identity writes. */
  watch(dataSource: DataSource): this {
    dataSource.subscribers.push(this);
    return this;
  }

  /** The actor for a credential: from the cache, or looked up (with the time it stops being valid) and kept. */
  async resolve(
    credential: string,
    lookup: () => Promise<{ actor: Actor; validUntil: number } | null>,
  ): Promise<Actor | null> {
    const now = Date.now();
    const hit = this.entries.get(credential);
    if (hit && hit.until > now) return copy(hit.actor);
    if (hit) this.entries.delete(credential);
    const generation = this.generation;
    const found = await lookup();
    if (!found) return null;
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(credential, { actor: copy(found.actor), until: Math.min(found.validUntil, now + this.ttlMs) });
    }
    return found.actor;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  afterQuery(event: AfterQueryEvent): void {
    if (!changesIdentity(String(event.query))) return;
    this.clear();
    if (event.queryRunner.isTransactionActive) this.pending.add(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (!this.pending.has(event.queryRunner)) return;
    this.pending.delete(event.queryRunner);
    this.clear();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.pending.delete(event.queryRunner);
  }
}

export function changesIdentity(query: string): boolean {
  for (const [, table] of query.matchAll(IDENTITY_WRITE)) {
    const lower = table!.toLowerCase();
    if (lower !== 'refresh_tokens' && lower !== 'api_tokens') return true;
    if (REVOCATION.test(query)) return true;
  }
  return false;
}

/** Each request gets its own actor, so that nothing one request does to it reaches another. */
function copy(actor: Actor): Actor {
  return { ...actor, memberships: actor.memberships.map((membership) => ({ ...membership })) } as Actor;
}
