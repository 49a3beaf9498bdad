/** What the store holds for a key. */
export type KeyState = {
    state: 'claimed';
    fingerprint: string;
    owner: string;
} | {
    state: 'done';
    fingerprint: string;
    outcome: string;
};
export type ClaimResult = {
    claimed: true;
} | {
    claimed: false;
    current: KeyState;
};
export type CompleteResult = {
    stored: true;
} | {
    stored: false;
    current: KeyState;
};
/** `restored`: the claim had vanished (a store restarted empty) and was written again. `lost`: someone else holds the key. */
export type RenewResult = 'renewed' | 'restored' | 'lost';
export interface IdempotencyStore {
    /** absent → claimed(owner) for `leaseMs`; otherwise says what the key holds. Atomic. */
    claim(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<ClaimResult>;
    /** Extends the owner's lease; writes the claim again if the key is absent. Never touches another owner's claim or an outcome. */
    renew(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<RenewResult>;
    /** claimed(owner) or absent → done(outcome) for `ttlMs`; otherwise leaves the key alone and says what it holds. */
    complete(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): Promise<CompleteResult>;
    /** claimed(owner) → absent; anything else is left alone. Only for a handler that declared it changed nothing. */
    release(key: string, fingerprint: string, owner: string): Promise<void>;
    /** What the key holds now, if anything. */
    get(key: string): Promise<KeyState | undefined>;
}
/**
 * A store in this process can also answer claim and complete synchronously:
 * the engine then skips the promise, the timeout race and their turns of the
 * event loop (an in-process store cannot stall). Same semantics as the
 * asynchronous methods; throwing is failing.
 */
export interface SynchronousIdempotencyStore extends IdempotencyStore {
    claimSync(key: string, fingerprint: string, owner: string, leaseMs: number): ClaimResult;
    completeSync(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): CompleteResult;
}
/**
 * Thrown by a store that cannot take a new claim without dropping an
 * unexpired entry. The gateway answers 15 `isp.idempotency-store-full`.
 */
export declare class IdempotencyStoreFullError extends Error {
    name: string;
}
export interface MemoryStoreOptions {
    /** Most keys held at once, claims and outcomes together; default 100 000. */
    maxEntries?: number;
    /** Told when a claim is refused because every entry is unexpired. */
    onFull?: (info: {
        size: number;
        maxEntries: number;
    }) => void;
    /** The clock for leases and TTLs; default Date.now. */
    now?: () => number;
}
/**
 * The default store: one process. It never drops an unexpired entry to make
 * room: when full (after expired entries are swept) it refuses the new claim,
 * which the gateway answers with a retryable `isp.` error, and calls `onFull`.
 */
export declare class MemoryIdempotencyStore implements SynchronousIdempotencyStore {
    #private;
    readonly maxEntries: number;
    constructor(options?: MemoryStoreOptions | number);
    get size(): number;
    claim(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<ClaimResult>;
    claimSync(key: string, fingerprint: string, owner: string, leaseMs: number): ClaimResult;
    renew(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<RenewResult>;
    complete(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): Promise<CompleteResult>;
    completeSync(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): CompleteResult;
    release(key: string, _fingerprint: string, owner: string): Promise<void>;
    get(key: string): Promise<KeyState | undefined>;
}
