// Copied from runtime/server/idempotency.ts by the TOP generator: edit that file, then regenerate.
// Idempotency stores. The gateway claims a key before it runs a handler,
// records the answer after, and replays it for a retry; a store shared by
// several gateway processes (Redis) makes that hold across them.
/**
 * The default store: one process, bounded by entry count, entries expire
 * after their TTL. When full, the oldest entries go first, but never one
 * whose handler is still running.
 */
export class MemoryIdempotencyStore {
    maxEntries;
    now;
    #entries = new Map();
    constructor(maxEntries = 100_000, now = Date.now) {
        this.maxEntries = maxEntries;
        this.now = now;
        if (!Number.isInteger(maxEntries) || maxEntries < 1)
            throw new RangeError('MemoryIdempotencyStore: maxEntries must be a positive integer');
    }
    get size() {
        return this.#entries.size;
    }
    async claim(key, fingerprint, ttlMs) {
        const now = this.now();
        const existing = this.#entries.get(key);
        if (existing && existing.expiresAt > now) {
            return existing.result === undefined ? { status: 'pending', fingerprint: existing.fingerprint } : { status: 'done', fingerprint: existing.fingerprint, result: existing.result };
        }
        if (existing)
            this.#entries.delete(key);
        this.#evict(now);
        this.#entries.set(key, { fingerprint, result: undefined, expiresAt: now + ttlMs });
        return { status: 'claimed' };
    }
    async complete(key, fingerprint, result, ttlMs) {
        const entry = this.#entries.get(key);
        if (entry && entry.fingerprint === fingerprint) {
            // Re-insert so that the Map's order stays oldest-first by last write.
            this.#entries.delete(key);
            this.#entries.set(key, { fingerprint, result, expiresAt: this.now() + ttlMs });
        }
    }
    async release(key, fingerprint) {
        const entry = this.#entries.get(key);
        if (entry && entry.fingerprint === fingerprint && entry.result === undefined)
            this.#entries.delete(key);
    }
    #evict(now) {
        if (this.#entries.size < this.maxEntries)
            return;
        for (const [key, entry] of this.#entries) {
            if (this.#entries.size < this.maxEntries)
                return;
            if (entry.expiresAt <= now || entry.result !== undefined)
                this.#entries.delete(key);
        }
    }
}
// Both scripts act only if the key still holds the caller's pending claim, so a
// slow handler whose claim expired cannot overwrite or delete a newer one.
const COMPLETE = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;
/**
 * A store in Redis, shared by every gateway process that uses the same
 * server and prefix. Pass a connected client (e.g. `new Redis(url)` from
 * ioredis); the store never closes it.
 */
export class RedisIdempotencyStore {
    redis;
    prefix;
    constructor(redis, prefix = 'top:idem:') {
        this.redis = redis;
        this.prefix = prefix;
    }
    async claim(key, fingerprint, ttlMs) {
        const k = this.prefix + key;
        const pending = JSON.stringify({ f: fingerprint });
        for (let attempt = 0; attempt < 3; attempt++) {
            if ((await this.redis.set(k, pending, 'PX', ttlMs, 'NX')) === 'OK')
                return { status: 'claimed' };
            const raw = await this.redis.get(k);
            if (raw === null)
                continue; // expired between SET and GET: try to claim again
            const entry = JSON.parse(raw);
            return entry.r === undefined ? { status: 'pending', fingerprint: entry.f } : { status: 'done', fingerprint: entry.f, result: entry.r };
        }
        throw new Error('RedisIdempotencyStore: the key kept expiring while being claimed');
    }
    async complete(key, fingerprint, result, ttlMs) {
        await this.redis.eval(COMPLETE, 1, this.prefix + key, JSON.stringify({ f: fingerprint }), JSON.stringify({ f: fingerprint, r: result }), ttlMs);
    }
    async release(key, fingerprint) {
        await this.redis.eval(RELEASE, 1, this.prefix + key, JSON.stringify({ f: fingerprint }));
    }
}
