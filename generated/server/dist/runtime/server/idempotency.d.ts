export type ClaimResult = {
    status: 'claimed';
} | {
    status: 'done';
    fingerprint: string;
    result: string;
} | {
    status: 'pending';
    fingerprint: string;
};
export interface IdempotencyStore {
    /** Atomically claims `key` for `fingerprint`, or says who holds it and how far they got. */
    claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimResult>;
    /** Records the serialized answer of a claimed key. */
    complete(key: string, fingerprint: string, result: string, ttlMs: number): Promise<void>;
    /** Gives a claimed key up (the handler failed), so that a retry runs it again. */
    release(key: string, fingerprint: string): Promise<void>;
}
/**
 * The default store: one process, bounded by entry count, entries expire
 * after their TTL. When full, the oldest entries go first, but never one
 * whose handler is still running.
 */
export declare class MemoryIdempotencyStore implements IdempotencyStore {
    #private;
    readonly maxEntries: number;
    private readonly now;
    constructor(maxEntries?: number, now?: () => number);
    get size(): number;
    claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimResult>;
    complete(key: string, fingerprint: string, result: string, ttlMs: number): Promise<void>;
    release(key: string, fingerprint: string): Promise<void>;
}
/** The commands of a Redis client the Redis store uses (ioredis has them). */
export interface RedisLike {
    set(key: string, value: string, px: 'PX', ttlMs: number, nx: 'NX'): Promise<'OK' | null>;
    get(key: string): Promise<string | null>;
    eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
}
/**
 * A store in Redis, shared by every gateway process that uses the same
 * server and prefix. Pass a connected client (e.g. `new Redis(url)` from
 * ioredis); the store never closes it.
 */
export declare class RedisIdempotencyStore implements IdempotencyStore {
    private readonly redis;
    private readonly prefix;
    constructor(redis: RedisLike, prefix?: string);
    claim(key: string, fingerprint: string, ttlMs: number): Promise<ClaimResult>;
    complete(key: string, fingerprint: string, result: string, ttlMs: number): Promise<void>;
    release(key: string, fingerprint: string): Promise<void>;
}
