import type { ClaimResult, CompleteResult, IdempotencyStore, KeyState, RenewResult } from './idempotency.ts';
/** The client's connection events, where it has them (both clients do): the store waits for the first `ready`. */
interface ReadyEvents {
    once?(event: 'ready' | 'error', listener: (...args: unknown[]) => void): unknown;
    removeListener?(event: 'ready' | 'error', listener: (...args: unknown[]) => void): unknown;
}
/** ioredis (`new Redis(...)`): has `call(command, args)`; `status` is 'ready' once connected. */
export interface IoredisLike extends ReadyEvents {
    call(command: string, args: (string | number)[]): Promise<unknown>;
    status?: string;
}
/** The official `redis` client (`createClient(...)`): has `sendCommand(args)`; `isReady` once connected. */
export interface NodeRedisLike extends ReadyEvents {
    sendCommand(args: string[]): Promise<unknown>;
    isReady?: boolean;
}
export type RedisLike = IoredisLike | NodeRedisLike;
export interface RedisStoreOptions {
    /** Prefix of every key the store writes; default `top:idem:`. */
    prefix?: string;
    /** Longest wait for one Redis command, in ms; default 2000. A command past it fails (the gateway answers `isp.`). */
    commandTimeoutMs?: number;
    /**
     * Told once, at the first command, when Redis does not persist with AOF
     * (exactly-once across a Redis restart needs it), and when Redis may evict
     * keys (a maxmemory-policy other than noeviction: an evicted claim or answer
     * lets a retry run its handler again). Default: console.warn.
     */
    onWarning?: (message: string) => void;
}
export declare class RedisCommandTimeoutError extends Error {
    name: string;
}
/**
 * Pass a connected client; the store never closes it. Recommended client
 * options, so that a Redis outage fails fast instead of queueing:
 * ioredis `{ enableOfflineQueue: false, maxRetriesPerRequest: 1 }`;
 * redis `{ disableOfflineQueue: true, socket: { reconnectStrategy: (n) => Math.min(n * 50, 1000) } }`.
 * Exactly-once across a Redis restart needs `appendonly yes` (with
 * `appendfsync always` for no loss at all); the store warns at its first command when AOF is off.
 */
export declare class RedisIdempotencyStore implements IdempotencyStore {
    #private;
    constructor(client: RedisLike, options?: RedisStoreOptions | string);
    /** Whether Redis persists every write with AOF (`INFO persistence`, which managed Redis services allow where CONFIG is refused). */
    checkPersistence(): Promise<{
        aof: boolean;
    }>;
    /** Redis's maxmemory-policy (`INFO memory`), when it says. */
    checkEviction(): Promise<{
        policy: string | undefined;
    }>;
    claim(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<ClaimResult>;
    renew(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<RenewResult>;
    complete(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): Promise<CompleteResult>;
    release(key: string, fingerprint: string, owner: string): Promise<void>;
    get(key: string): Promise<KeyState | undefined>;
}
export {};
