import type { Redis } from 'ioredis';

/** Reads Redis's maxmemory-policy; managed Redis may forbid CONFIG, so INFO is the fallback. */
export async function readMaxmemoryPolicy(client: Redis): Promise<string | null> {
  try {
    const reply = (await client.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    if (Array.isArray(reply) && typeof reply[1] === 'string') return reply[1];
  } catch {
    // CONFIG disabled: fall through to INFO
  }
  const info = await client.info('memory');
  return /^maxmemory_policy:(\S+)/m.exec(info)?.[1] ?? null;
}

export type EvictionVerdict = { ok: true } | { ok: false; fatal: boolean; message: string };

/** BullMQ loses jobs silently when Redis may evict keys; production refuses to run so. */
export function judgeEvictionPolicy(policy: string | null, isProduction: boolean): EvictionVerdict {
  if (policy === 'noeviction') return { ok: true };
  const message = `Redis maxmemory-policy is ${policy ?? 'unknown'}, not noeviction: queued jobs could be evicted (set maxmemory-policy noeviction)`;
  return { ok: false, fatal: isProduction, message };
}
