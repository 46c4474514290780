/**
 * The small shared state the server half needs (a Sectigo `-42` wait, a kept `RETURNMAC`, a seen
 * callback), behind an interface a serverless deployment backs with Redis, Workers KV or a table.
 * Values are strings; every entry expires.
 *
 * An adapter for Redis (node-redis v4) is four lines:
 * ```ts
 * const redisStore: BatonStore = {
 *   get: async (key) => (await redis.get(key)) ?? undefined,
 *   set: async (key, value, ttlMs) => void (await redis.set(key, value, { PX: ttlMs })),
 *   add: async (key, value, ttlMs) => (await redis.set(key, value, { PX: ttlMs, NX: true })) === 'OK',
 *   delete: async (key) => void (await redis.del(key)),
 * };
 * ```
 */
export interface BatonStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Sets `key` only when it is absent; `true` when this call set it (atomic in a real store). */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/**
 * The default store: a Map in this process. Right for one instance and for tests; with several
 * instances (serverless, edge), pass a shared store so a `-42` wait or a seen callback holds for all.
 */
export function memoryStore(now: () => number = Date.now): BatonStore {
  const entries = new Map<string, { value: string; until: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.until <= now()) entries.delete(key);
    return entries.get(key);
  };
  return {
    get: async (key) => live(key)?.value,
    set: async (key, value, ttlMs) => void entries.set(key, { value, until: now() + ttlMs }),
    add: async (key, value, ttlMs) => {
      if (live(key)) return false;
      entries.set(key, { value, until: now() + ttlMs });
      return true;
    },
    delete: async (key) => void entries.delete(key),
  };
}
