// Copied from runtime/server/idempotency.ts by the TOP generator: edit that file, then regenerate.
// Idempotency stores: where the per-key state machine of
// docs/decisions/0001-idempotency-state-machine.md lives. A key is absent,
// claimed (by one owner, for a lease) or done (an outcome, for the answer's
// TTL). Every change is conditional on the caller's owner token, so a caller
// whose claim was lost or taken over cannot overwrite or delete another's.
import { callQuietly } from './observability.ts';

/** What the store holds for a key. */
export type KeyState = { state: 'claimed'; fingerprint: string; owner: string } | { state: 'done'; fingerprint: string; outcome: string };

export type ClaimResult = { claimed: true } | { claimed: false; current: KeyState };
export type CompleteResult = { stored: true } | { stored: false; current: KeyState };
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
export class IdempotencyStoreFullError extends Error {
  override name = 'IdempotencyStoreFullError';
}

interface MemoryEntry {
  state: KeyState;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  /** Most keys held at once, claims and outcomes together; default 100 000. */
  maxEntries?: number;
  /** Told when a claim is refused because every entry is unexpired. */
  onFull?: (info: { size: number; maxEntries: number }) => void;
  /** The clock for leases and TTLs; default Date.now. */
  now?: () => number;
}

/**
 * The default store: one process. It never drops an unexpired entry to make
 * room: when full (after expired entries are swept) it refuses the new claim,
 * which the gateway answers with a retryable `isp.` error, and calls `onFull`.
 */
export class MemoryIdempotencyStore implements SynchronousIdempotencyStore {
  readonly #entries = new Map<string, MemoryEntry>();
  readonly maxEntries: number;
  readonly #onFull: MemoryStoreOptions['onFull'];
  readonly #now: () => number;
  /** No entry expires before this instant, so a sweep before it would find nothing (keeps a full store's refusals cheap). */
  #earliestExpiry = Number.POSITIVE_INFINITY;

  constructor(options: MemoryStoreOptions | number = {}) {
    const o = typeof options === 'number' ? { maxEntries: options } : options;
    this.maxEntries = o.maxEntries ?? 100_000;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError('MemoryIdempotencyStore: maxEntries must be a positive integer');
    this.#onFull = o.onFull;
    this.#now = o.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  #live(key: string): MemoryEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  #set(key: string, state: KeyState, ttlMs: number): void {
    const expiresAt = this.#now() + ttlMs;
    this.#entries.set(key, { state, expiresAt });
    if (expiresAt < this.#earliestExpiry) this.#earliestExpiry = expiresAt;
  }

  async claim(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    return this.claimSync(key, fingerprint, owner, leaseMs);
  }

  claimSync(key: string, fingerprint: string, owner: string, leaseMs: number): ClaimResult {
    const entry = this.#live(key);
    if (entry) return { claimed: false, current: entry.state };
    if (this.#entries.size >= this.maxEntries) {
      this.#sweep();
      if (this.#entries.size >= this.maxEntries) {
        const onFull = this.#onFull;
        // A throwing or rejecting onFull must not turn "full" into another answer, nor end the process.
        if (onFull) callQuietly(() => onFull({ size: this.#entries.size, maxEntries: this.maxEntries }));
        throw new IdempotencyStoreFullError(`MemoryIdempotencyStore is full: ${this.#entries.size} unexpired entries (maxEntries ${this.maxEntries})`);
      }
    }
    this.#set(key, { state: 'claimed', fingerprint, owner }, leaseMs);
    return { claimed: true };
  }

  async renew(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<RenewResult> {
    const entry = this.#live(key);
    if (!entry) {
      this.#set(key, { state: 'claimed', fingerprint, owner }, leaseMs);
      return 'restored';
    }
    if (entry.state.state !== 'claimed' || entry.state.owner !== owner) return 'lost';
    entry.expiresAt = this.#now() + leaseMs;
    return 'renewed';
  }

  async complete(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): Promise<CompleteResult> {
    return this.completeSync(key, fingerprint, owner, outcome, ttlMs);
  }

  completeSync(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): CompleteResult {
    const entry = this.#live(key);
    if (entry && (entry.state.state !== 'claimed' || entry.state.owner !== owner)) return { stored: false, current: entry.state };
    // An outcome is stored even past maxEntries: dropping it would let a retry run the handler again.
    const state: KeyState = { state: 'done', fingerprint, outcome };
    if (entry) {
      // The owner's claim becomes the outcome in place (the sweep does not depend on the Map's order).
      entry.state = state;
      entry.expiresAt = this.#now() + ttlMs;
      if (entry.expiresAt < this.#earliestExpiry) this.#earliestExpiry = entry.expiresAt;
    } else this.#set(key, state, ttlMs);
    return { stored: true };
  }

  async release(key: string, _fingerprint: string, owner: string): Promise<void> {
    const entry = this.#live(key);
    if (entry && entry.state.state === 'claimed' && entry.state.owner === owner) this.#entries.delete(key);
  }

  async get(key: string): Promise<KeyState | undefined> {
    return this.#live(key)?.state;
  }

  /** Removes expired entries (only those). */
  #sweep(): void {
    const now = this.#now();
    if (now < this.#earliestExpiry) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
      else if (entry.expiresAt < earliest) earliest = entry.expiresAt;
    }
    this.#earliestExpiry = earliest;
  }
}
