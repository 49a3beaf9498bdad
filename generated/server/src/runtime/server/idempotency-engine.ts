// Copied from runtime/server/idempotency-engine.ts by the TOP generator: edit that file, then regenerate.
// Runs a handler at most once per idempotency key, following the state
// machine in docs/decisions/0001-idempotency-state-machine.md: claim with an
// owner token and a lease, renew the lease while the handler runs, record
// whatever outcome it produced (answer or error answer), release only for a
// NothingChangedError. Every store call is bounded by storeTimeoutMs and every
// wait by idempotencyWaitMs or handlerTimeoutMs, so no caller ever hangs.
import { randomUUID } from 'node:crypto';
import { SERVICE_ERROR } from '../common/protocol.ts';
import type { IdempotencyStore, KeyState, SynchronousIdempotencyStore } from './idempotency.ts';
import { IdempotencyStoreFullError } from './idempotency.ts';
import { GatewayError, NothingChangedError } from './platform-errors.ts';

/** What a call came to: an answer (its JSON text, and what produced it when this process ran it) or an error answer. */
export type Outcome<T> = { kind: 'answer'; text: string; value?: T } | { kind: 'error'; error: GatewayError };

/** How the idempotency layer handled a call (for hooks). */
export type IdempotencyPath = 'fresh' | 'replayed' | 'waited' | 'conflict' | 'none';

export type StoreStep = 'claim' | 'renew' | 'complete' | 'release' | 'get';

export interface EngineOptions {
  store: IdempotencyStore;
  /** How long an outcome is replayed; default 24 h. */
  ttlMs: number;
  /** A claim's lease, renewed every third of it while the handler runs; default 30 s. */
  leaseMs: number;
  /** How long a duplicate waits for the first call's outcome; default 20 s. */
  waitMs: number;
  /** How long a caller waits for its handler before a 15 `isp.handler-timeout` answer; default 20 s. */
  handlerTimeoutMs: number;
  /** Longest wait for one store call; default 5 s. */
  storeTimeoutMs: number;
  /** Told about every store failure or stall (the caller gets a retryable isp. answer or nothing changes). */
  onStoreError?: (error: unknown, step: StoreStep, key: string) => void;
  /** Told when a recorded outcome could not be stored, or a renewal found the key taken. */
  onUnrecorded?: (info: { key: string; reason: string }) => void;
}

export const DEFAULT_ENGINE_OPTIONS: Readonly<Omit<EngineOptions, 'store' | 'onStoreError' | 'onUnrecorded'>> = {
  ttlMs: 24 * 60 * 60 * 1000,
  leaseMs: 30_000,
  waitMs: 20_000,
  handlerTimeoutMs: 20_000,
  storeTimeoutMs: 5_000,
};

/** The longest delay a timer keeps (Node, browsers): 2^31-1 ms, about 24.8 days. */
export const MAX_TIMER_MS: number = 2 ** 31 - 1;

/** The gateway option each engine option comes from, for errors a user can act on. */
const OPTION_NAMES = {
  ttlMs: 'idempotencyTtlMs',
  leaseMs: 'idempotencyLeaseMs',
  waitMs: 'idempotencyWaitMs',
  handlerTimeoutMs: 'handlerTimeoutMs',
  storeTimeoutMs: 'idempotencyStoreTimeoutMs',
} as const;

export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

const PENDING = Symbol('pending');

/** What a handler produced: its answer as JSON text (what is recorded) and as it returned it. */
export interface Produced<T> {
  text: string;
  value: T;
}

/** A promise or any thenable (a handler, `apps` or a store may return one from another library). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** A call of this process that holds a claim: its duplicates here wait for `outcome`. */
interface Inflight<T> {
  fingerprint: string;
  /** Settles with the outcome every caller shares, or `released` when the key was given up. */
  outcome: Promise<Outcome<T> | 'released'>;
}

// An outcome as the store keeps it: `A` and the answer's JSON text, or `E` and
// the error answer as JSON. The answer text is stored as it is, not escaped
// into another JSON string (that doubled the cost of recording). Outcomes
// recorded as `{"a": text}` / `{"e": {...}}` by earlier versions still replay.
function encodeOutcome(outcome: Outcome<unknown>): string {
  if (outcome.kind === 'answer') return `A${outcome.text}`;
  const e = outcome.error;
  return `E${JSON.stringify({ code: e.code, msg: e.msg, sub_code: e.subCode, sub_msg: e.subMsg })}`;
}

function decodeOutcome<T>(text: string): Outcome<T> {
  if (text.startsWith('A')) return { kind: 'answer', text: text.slice(1) };
  type ErrorAnswer = { code: number; msg: string; sub_code?: string; sub_msg?: string };
  if (text.startsWith('E')) {
    const e = JSON.parse(text.slice(1)) as ErrorAnswer;
    return { kind: 'error', error: new GatewayError(e.code, e.sub_code, e.sub_msg, e.msg) };
  }
  const v = JSON.parse(text) as { a?: string; e?: ErrorAnswer };
  if (typeof v.a === 'string') return { kind: 'answer', text: v.a };
  const e = v.e!;
  return { kind: 'error', error: new GatewayError(e.code, e.sub_code, e.sub_msg, e.msg) };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Already settled? Racing against this resolved promise answers that without a
// timer: when `promise` has settled, its reaction is queued first and wins.
const NOT_YET: Promise<typeof PENDING> = Promise.resolve(PENDING);

/** Resolves with `promise`'s value, or PENDING once `ms` have passed. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof PENDING> {
  // An in-process store answers at once: no timer is armed for it.
  const now = await Promise.race([promise, NOT_YET]);
  if (now !== PENDING || ms <= 0) return now;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof PENDING>((resolve) => (timer = setTimeout(() => resolve(PENDING), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// Owner tokens tell one claim from another across processes and restarts: a
// random per-process prefix (122 bits) and a counter, without a random call per claim.
const OWNER_PREFIX = randomUUID();
let ownerCounter = 0;
function newOwner(): string {
  ownerCounter = (ownerCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${OWNER_PREFIX}:${ownerCounter.toString(36)}`;
}

export const handlerTimeoutError = (ms: number): GatewayError =>
  new GatewayError(15, 'isp.handler-timeout', `the service did not answer within ${ms} ms; it may still complete: retry later with the same idempotency key to get its answer`);

type Ran<T> = { outcome: Outcome<T>; path: IdempotencyPath };

// The engine's refusals, made only when one is answered (not a closure per call).
function conflictWith<T>(label: { path: string; value: string }): Ran<T> {
  return {
    outcome: {
      kind: 'error',
      error: new GatewayError(
        41,
        `isv.idempotency-conflict:${label.path}`,
        `${label.path} ${JSON.stringify(label.value)} was already used with different parameters (or, on an API that acts for a user, by another session)`,
      ),
    },
    path: 'conflict',
  };
}

function pendingFor<T>(label: { path: string; value: string }): Ran<T> {
  return {
    outcome: {
      kind: 'error',
      error: new GatewayError(15, 'isp.idempotent-request-pending', `a call with ${label.path} ${JSON.stringify(label.value)} is still running; try again later with the same parameters`),
    },
    path: 'waited',
  };
}

function unavailable<T>(error: unknown): Ran<T> {
  return error instanceof IdempotencyStoreFullError
    ? { outcome: { kind: 'error', error: new GatewayError(15, 'isp.idempotency-store-full', 'the gateway cannot take new idempotent calls now; try again later') }, path: 'none' }
    : {
        outcome: {
          kind: 'error',
          error: new GatewayError(15, 'isp.idempotency-store-unavailable', 'the gateway cannot check the idempotency key now; nothing was run: try again later with the same parameters'),
        },
        path: 'none',
      };
}

export class IdempotencyEngine {
  readonly #o: EngineOptions;
  readonly #inflight = new Map<string, Inflight<unknown>>();
  /** Claims held now, renewed by #leaseTimer. */
  readonly #leases = new Set<Lease>();
  #leaseTimer: ReturnType<typeof setInterval> | undefined;

  constructor(options: EngineOptions) {
    for (const name of ['ttlMs', 'leaseMs', 'waitMs', 'handlerTimeoutMs', 'storeTimeoutMs'] as const) {
      const v = options[name];
      // Only waitMs may be 0 (a duplicate does not wait). Node fires a timer of more than
      // 2^31-1 ms at once, so that is the most for the ones timers wait on (not the TTL, which no timer waits on).
      const least = name === 'waitMs' ? 0 : 1;
      const most = name === 'ttlMs' ? Number.MAX_SAFE_INTEGER : MAX_TIMER_MS;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < least || v > most) {
        throw new RangeError(`idempotency option ${OPTION_NAMES[name]} must be a number of ms from ${least} to ${most}; got ${String(v)}`);
      }
    }
    this.#o = options;
    const store = options.store as Partial<SynchronousIdempotencyStore>;
    this.#sync = typeof store.claimSync === 'function' && typeof store.completeSync === 'function';
  }

  /** The store answers claim and complete synchronously (an in-process store). */
  readonly #sync: boolean;

  /** Keys this process holds a claim for (a handler running or an outcome being recorded). */
  get inflightCount(): number {
    return this.#inflight.size;
  }

  /**
   * A store call answered synchronously by an in-process store (no promise,
   * no timeout race: it cannot stall). Failures are reported, then thrown,
   * as #store's.
   */
  #storeSync<R>(step: StoreStep, key: string, call: (store: SynchronousIdempotencyStore) => R): R {
    try {
      return call(this.#o.store as SynchronousIdempotencyStore);
    } catch (error) {
      this.#o.onStoreError?.(error, step, key);
      throw error;
    }
  }

  /** A store call bounded by storeTimeoutMs; failures are reported, then thrown. */
  async #store<R>(step: StoreStep, key: string, call: () => Promise<R>): Promise<R> {
    try {
      const result = await within(call(), this.#o.storeTimeoutMs);
      if (result === PENDING) throw new StoreTimeoutError(`the idempotency store did not answer ${step} within ${this.#o.storeTimeoutMs} ms`);
      return result;
    } catch (error) {
      this.#o.onStoreError?.(error, step, key);
      throw error;
    }
  }

  /**
   * The outcome of a call with an idempotency key: the handler's (run here at
   * most once, and only while this call holds the key's claim), the recorded
   * one, or a retryable isp. answer. `invoke` throws only GatewayError.
   */
  async run<T>(key: string, fingerprint: string, label: { path: string; value: string }, invoke: () => Produced<T> | Promise<Produced<T>>): Promise<Ran<T>> {
    const deadline = Date.now() + this.#o.waitMs;
    let waited = false;
    for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
      // A duplicate of a call running in this process shares its outcome.
      const local = this.#inflight.get(key) as Inflight<T> | undefined;
      if (local) {
        if (local.fingerprint !== fingerprint) return conflictWith<T>(label);
        waited = true;
        const shared = await within(local.outcome, deadline - Date.now());
        if (shared === PENDING) return pendingFor<T>(label);
        if (shared === 'released') continue; // the first call changed nothing: this one may claim the key
        return { outcome: shared, path: 'waited' };
      }

      let current: KeyState | undefined;
      if (!waited) {
        // First look: claim at once (one round trip in the common case).
        const owner = newOwner();
        let claim;
        try {
          claim = this.#sync
            ? this.#storeSync('claim', key, (store) => store.claimSync(key, fingerprint, owner, this.#o.leaseMs))
            : await this.#store('claim', key, () => this.#o.store.claim(key, fingerprint, owner, this.#o.leaseMs));
        } catch (error) {
          return unavailable<T>(error);
        }
        // A claim that finds this call's own owner token is this call's: a client that lost the
        // reply sent it again (ioredis resends unfulfilled commands after a reconnect).
        if (claim.claimed || (claim.current.state === 'claimed' && claim.current.owner === owner)) return this.#own(key, fingerprint, owner, invoke);
        current = claim.current;
      } else {
        try {
          current = await this.#store('get', key, () => this.#o.store.get(key));
        } catch {
          current = { state: 'claimed', fingerprint, owner: '' }; // unknown: keep waiting until the deadline
        }
        if (current === undefined) {
          // The holder finished with nothing to replay (released) or its lease ran out: claim it.
          waited = false;
          continue;
        }
      }
      if (current.fingerprint !== fingerprint) return conflictWith<T>(label);
      if (current.state === 'done') return { outcome: decodeOutcome<T>(current.outcome), path: waited ? 'waited' : 'replayed' };
      // Claimed by another call (here or in another process): wait for its outcome.
      if (this.#inflight.has(key)) continue;
      waited = true;
      if (Date.now() >= deadline) return pendingFor<T>(label);
      await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    }
  }

  /**
   * This call holds the claim: run the handler once, keep the lease, record
   * the outcome. Not async: the same-turn path answers without a promise, so
   * `run` resolves with its result directly.
   */
  #own<T>(key: string, fingerprint: string, owner: string, invoke: () => Produced<T> | Promise<Produced<T>>): Ran<T> | Promise<Ran<T>> {
    let produced: Produced<T> | Promise<Produced<T>>;
    try {
      produced = invoke();
    } catch (error) {
      produced = Promise.reject(error);
    }
    if (!isThenable(produced)) {
      // The handler answered at once. With an in-process store the claim, the
      // handler and the record all happen in this turn of the event loop: no
      // other call can see the key in between, so there is no lease to keep
      // and no duplicate to share with. Anything but a plain stored record
      // (a store failure, say) takes the general path below, which records
      // again (complete is conditional on this owner, so a repeat is harmless).
      const outcome: Outcome<T> = { kind: 'answer', text: produced.text, value: produced.value };
      if (this.#sync) {
        try {
          const r = this.#storeSync('complete', key, (store) => store.completeSync(key, fingerprint, owner, encodeOutcome(outcome), this.#o.ttlMs));
          if (r.stored) return { outcome, path: 'fresh' };
        } catch {
          // reported by #storeSync; the general path tries again and keeps the claim meanwhile
        }
      }
      produced = Promise.resolve(produced);
    }
    return this.#ownAsync(key, fingerprint, owner, produced);
  }

  /** #own for a handler still running, or an outcome not yet recorded: keep the lease, share the outcome, record it. */
  async #ownAsync<T>(key: string, fingerprint: string, owner: string, produced: Promise<Produced<T>>): Promise<Ran<T>> {
    const o = this.#o;
    const stopRenewing = this.#keepLease(key, fingerprint, owner);

    const ran: Promise<Outcome<T> | NothingChangedError> = produced.then(
      ({ text, value }): Outcome<T> => ({ kind: 'answer', text, value }),
      (error: unknown) => {
        if (NothingChangedError.isNothingChanged(error)) return error;
        return { kind: 'error', error: GatewayError.is(error) ? error : new GatewayError(15, SERVICE_ERROR, 'the service failed; the outcome is recorded for this idempotency key') };
      },
    );

    // What the first caller and every duplicate get once the handler settled and its outcome is recorded.
    // `release` ends this call's in-process entry: later duplicates ask the store.
    const release = () => {
      if (this.#inflight.get(key)?.outcome === recorded) this.#inflight.delete(key);
    };
    const recorded: Promise<Outcome<T> | 'released'> = ran.then(async (result) => {
      if (result instanceof Error) {
        stopRenewing();
        try {
          await this.#store('release', key, () => o.store.release(key, fingerprint, owner));
        } catch {
          // The claim stays until its lease ends; then a retry may claim it.
        }
        release();
        return 'released';
      }
      const text = encodeOutcome(result);
      const stored = await this.#record<T>(key, fingerprint, owner, text);
      if (stored === 'stored') {
        stopRenewing();
        release();
        return result;
      }
      if (typeof stored === 'object') {
        stopRenewing();
        release();
        return stored; // an outcome was there first: the first outcome wins
      }
      const notRecorded: Outcome<T> = {
        kind: 'error',
        error: new GatewayError(15, 'isp.outcome-not-recorded', 'the call ran but its outcome could not be recorded yet; try again later with the same parameters to get it'),
      };
      if (stored === 'fenced') {
        // Another caller holds the key now: trying again cannot succeed.
        stopRenewing();
        release();
        return notRecorded;
      }
      // Not recorded: keep the claim (and this entry, answering isp.) while trying again.
      void this.#recordLater(key, fingerprint, owner, text).finally(() => {
        stopRenewing();
        release();
      });
      return notRecorded;
    });

    this.#inflight.set(key, { fingerprint, outcome: recorded });

    const result = await within(recorded, o.handlerTimeoutMs);
    if (result === PENDING) return { outcome: { kind: 'error', error: handlerTimeoutError(o.handlerTimeoutMs) }, path: 'fresh' };
    if (result === 'released') return { outcome: { kind: 'error', error: (await ran) as NothingChangedError }, path: 'fresh' };
    return { outcome: result, path: 'fresh' };
  }

  /** Stores the outcome once: `stored`, the outcome already there (first wins), `failed` (try again) or `fenced` (another caller holds the key). */
  async #record<T>(key: string, fingerprint: string, owner: string, text: string): Promise<'stored' | 'failed' | 'fenced' | Outcome<T>> {
    // (T only types a replayed outcome, which carries no value.)
    let r;
    try {
      r = this.#sync
        ? this.#storeSync('complete', key, (store) => store.completeSync(key, fingerprint, owner, text, this.#o.ttlMs))
        : await this.#store('complete', key, () => this.#o.store.complete(key, fingerprint, owner, text, this.#o.ttlMs));
    } catch {
      return 'failed';
    }
    if (r.stored) return 'stored';
    if (r.current.state === 'done' && r.current.fingerprint === fingerprint) return r.current.outcome === text ? 'stored' : decodeOutcome<T>(r.current.outcome);
    // Another owner holds the key: our claim ran out while the handler ran. Fenced: never overwrite theirs.
    this.#o.onUnrecorded?.({ key, reason: `another caller holds the key (${r.current.state}); this outcome was not stored` });
    return 'fenced';
  }

  /**
   * Tries to store an outcome again, with backoff, until it is stored or
   * another caller holds the key; the claim is renewed meanwhile. Giving up
   * would let the claim expire and a retry run the handler again, though the
   * store may still be there: a full Redis (noeviction) refuses the outcome's
   * write but renews the claim. The timers do not keep a process alive.
   */
  async #recordLater(key: string, fingerprint: string, owner: string, text: string): Promise<void> {
    const reportAt = Date.now() + this.#o.leaseMs;
    let reported = false;
    for (let delay = 50; ; delay = Math.min(delay * 2, 2000)) {
      await new Promise<void>((resolve) => setTimeout(resolve, delay).unref?.());
      const r = await this.#record(key, fingerprint, owner, text);
      if (r !== 'failed') return;
      if (!reported && Date.now() >= reportAt) {
        reported = true;
        this.#o.onUnrecorded?.({ key, reason: `the outcome could not be stored within one lease (${this.#o.leaseMs} ms); the claim is kept and the record retried until the store takes it` });
      }
    }
  }

  /**
   * Keeps a claim's lease until stopped: one timer for the whole engine ticks
   * every third of the lease while any claim is held and renews each, so a
   * claim is renewed within a third of its lease of being taken and every third
   * after (a per-claim timer cost more than a fast handler).
   */
  #keepLease(key: string, fingerprint: string, owner: string): () => void {
    const lease: Lease = { key, fingerprint, owner, busy: false };
    this.#leases.add(lease);
    if (!this.#leaseTimer) {
      this.#leaseTimer = setInterval(() => this.#renewAll(), Math.max(1, Math.floor(this.#o.leaseMs / 3)));
      this.#leaseTimer.unref?.();
    }
    return () => {
      this.#leases.delete(lease);
    };
  }

  #renewAll(): void {
    if (this.#leases.size === 0) {
      clearInterval(this.#leaseTimer);
      this.#leaseTimer = undefined;
      return;
    }
    for (const lease of this.#leases) {
      if (lease.busy) continue;
      lease.busy = true;
      const { key, fingerprint, owner } = lease;
      this.#store('renew', key, () => this.#o.store.renew(key, fingerprint, owner, this.#o.leaseMs))
        .then(
          (r) => {
            if (r === 'lost') this.#o.onUnrecorded?.({ key, reason: 'the claim was taken by another caller while the handler ran' });
          },
          () => {}, // reported by #store; the next tick tries again
        )
        .finally(() => (lease.busy = false));
    }
  }
}

/** A claim this engine holds and renews. */
interface Lease {
  readonly key: string;
  readonly fingerprint: string;
  readonly owner: string;
  /** A renewal is in flight: the next tick skips this one. */
  busy: boolean;
}

/** A call without an idempotency key: its handler's outcome, or 15 isp.handler-timeout. */
export async function runWithTimeout<T>(invoke: () => T | Promise<T>, timeoutMs: number): Promise<T> {
  const produced = invoke();
  if (!isThenable(produced)) return produced;
  const result = await within(produced, timeoutMs);
  if (result === PENDING) throw handlerTimeoutError(timeoutMs);
  return result;
}
