// Copied from runtime/server/idempotency.ts by the TOP generator: edit that file, then regenerate.
// Idempotency stores: where the per-key state machine of
// docs/decisions/0001-idempotency-state-machine.md lives. A key is absent,
// claimed (by one owner, for a lease) or done (an outcome, for the answer's
// TTL). Every change is conditional on the caller's owner token, so a caller
// whose claim was lost or taken over cannot overwrite or delete another's.
import { callQuietly } from "./observability.js";
/**
 * Thrown by a store that cannot take a new claim without dropping an
 * unexpired entry. The gateway answers 15 `isp.idempotency-store-full`.
 */
export class IdempotencyStoreFullError extends Error {
    name = 'IdempotencyStoreFullError';
}
/**
 * The default store: one process. It never drops an unexpired entry to make
 * room: when full (after expired entries are swept) it refuses the new claim,
 * which the gateway answers with a retryable `isp.` error, and calls `onFull`.
 */
export class MemoryIdempotencyStore {
    #entries = new Map();
    maxEntries;
    #onFull;
    #now;
    /** No entry expires before this instant, so a sweep before it would find nothing (keeps a full store's refusals cheap). */
    #earliestExpiry = Number.POSITIVE_INFINITY;
    constructor(options = {}) {
        const o = typeof options === 'number' ? { maxEntries: options } : options;
        this.maxEntries = o.maxEntries ?? 100_000;
        if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1)
            throw new RangeError('MemoryIdempotencyStore: maxEntries must be a positive integer');
        this.#onFull = o.onFull;
        this.#now = o.now ?? Date.now;
    }
    get size() {
        return this.#entries.size;
    }
    #live(key) {
        const entry = this.#entries.get(key);
        if (entry && entry.expiresAt <= this.#now()) {
            this.#entries.delete(key);
            return undefined;
        }
        return entry;
    }
    #set(key, state, ttlMs) {
        const expiresAt = this.#now() + ttlMs;
        this.#entries.set(key, { state, expiresAt });
        if (expiresAt < this.#earliestExpiry)
            this.#earliestExpiry = expiresAt;
    }
    async claim(key, fingerprint, owner, leaseMs) {
        return this.claimSync(key, fingerprint, owner, leaseMs);
    }
    claimSync(key, fingerprint, owner, leaseMs) {
        const entry = this.#live(key);
        if (entry)
            return { claimed: false, current: entry.state };
        if (this.#entries.size >= this.maxEntries) {
            this.#sweep();
            if (this.#entries.size >= this.maxEntries) {
                const onFull = this.#onFull;
                // A throwing or rejecting onFull must not turn "full" into another answer, nor end the process.
                if (onFull)
                    callQuietly(() => onFull({ size: this.#entries.size, maxEntries: this.maxEntries }));
                throw new IdempotencyStoreFullError(`MemoryIdempotencyStore is full: ${this.#entries.size} unexpired entries (maxEntries ${this.maxEntries})`);
            }
        }
        this.#set(key, { state: 'claimed', fingerprint, owner }, leaseMs);
        return { claimed: true };
    }
    async renew(key, fingerprint, owner, leaseMs) {
        const entry = this.#live(key);
        if (!entry) {
            this.#set(key, { state: 'claimed', fingerprint, owner }, leaseMs);
            return 'restored';
        }
        if (entry.state.state !== 'claimed' || entry.state.owner !== owner)
            return 'lost';
        entry.expiresAt = this.#now() + leaseMs;
        return 'renewed';
    }
    async complete(key, fingerprint, owner, outcome, ttlMs) {
        return this.completeSync(key, fingerprint, owner, outcome, ttlMs);
    }
    completeSync(key, fingerprint, owner, outcome, ttlMs) {
        const entry = this.#live(key);
        if (entry && (entry.state.state !== 'claimed' || entry.state.owner !== owner))
            return { stored: false, current: entry.state };
        // An outcome is stored even past maxEntries: dropping it would let a retry run the handler again.
        const state = { state: 'done', fingerprint, outcome };
        if (entry) {
            // The owner's claim becomes the outcome in place (the sweep does not depend on the Map's order).
            entry.state = state;
            entry.expiresAt = this.#now() + ttlMs;
            if (entry.expiresAt < this.#earliestExpiry)
                this.#earliestExpiry = entry.expiresAt;
        }
        else
            this.#set(key, state, ttlMs);
        return { stored: true };
    }
    async release(key, _fingerprint, owner) {
        const entry = this.#live(key);
        if (entry && entry.state.state === 'claimed' && entry.state.owner === owner)
            this.#entries.delete(key);
    }
    async get(key) {
        return this.#live(key)?.state;
    }
    /** Removes expired entries (only those). */
    #sweep() {
        const now = this.#now();
        if (now < this.#earliestExpiry)
            return;
        let earliest = Number.POSITIVE_INFINITY;
        for (const [key, entry] of this.#entries) {
            if (entry.expiresAt <= now)
                this.#entries.delete(key);
            else if (entry.expiresAt < earliest)
                earliest = entry.expiresAt;
        }
        this.#earliestExpiry = earliest;
    }
}
