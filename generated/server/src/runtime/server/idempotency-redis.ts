// Copied from runtime/server/idempotency-redis.ts by the TOP generator: edit that file, then regenerate.
// The idempotency store in Redis, shared by every gateway process that uses
// the same server and prefix. Each transition of the state machine
// (docs/decisions/0001-idempotency-state-machine.md) is one Lua script, so it
// is atomic and fenced by the owner token inside Redis. Works with ioredis and
// with the official `redis` client; every command has its own timeout here,
// whatever the client's options, so a Redis that is down answers in bounded time.
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

export class RedisCommandTimeoutError extends Error {
  override name = 'RedisCommandTimeoutError';
}

// KEYS[1] the key. Claim: ARGV[1] the claim's text, ARGV[2] lease ms.
// Returns '' when claimed, else what the key holds.
const CLAIM = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return '' end
return redis.call('GET', KEYS[1])`;
// Renew: ARGV[1] the owner's claim text, ARGV[2] lease ms. 1 renewed, 2 restored (key was absent), 0 lost.
const RENEW = `local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0`;
// Complete: ARGV[1] the owner's claim text, ARGV[2] the outcome's text, ARGV[3] ttl ms.
// Stores when the key holds the owner's claim or nothing (a lost claim still
// stores its outcome); returns '' when stored, else what the key holds.
const COMPLETE = `local v = redis.call('GET', KEYS[1])
if (not v) or v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return '' end
return v`;
// Release: ARGV[1] the owner's claim text. Deletes only the owner's claim.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

// Stored texts. A claim names its owner; an outcome does not need to.
const claimText = (fingerprint: string, owner: string) => JSON.stringify({ f: fingerprint, o: owner });
const doneText = (fingerprint: string, outcome: string) => JSON.stringify({ f: fingerprint, r: outcome });

function parseState(raw: string): KeyState {
  const v = JSON.parse(raw) as { f: string; o?: string; r?: string };
  return v.r !== undefined ? { state: 'done', fingerprint: v.f, outcome: v.r } : { state: 'claimed', fingerprint: v.f, owner: v.o ?? '' };
}

/** One way to send a command, whichever client was given. */
function commandSender(client: RedisLike): (args: string[]) => Promise<unknown> {
  if (typeof (client as IoredisLike).call === 'function') {
    const c = client as IoredisLike;
    return ([command, ...rest]) => c.call(command!, rest);
  }
  if (typeof (client as NodeRedisLike).sendCommand === 'function') {
    const c = client as NodeRedisLike;
    return (args) => c.sendCommand(args);
  }
  throw new TypeError('RedisIdempotencyStore: pass an ioredis client (new Redis(...)) or a client from the redis package (createClient(...))');
}

/**
 * Pass a connected client; the store never closes it. Recommended client
 * options, so that a Redis outage fails fast instead of queueing:
 * ioredis `{ enableOfflineQueue: false, maxRetriesPerRequest: 1 }`;
 * redis `{ disableOfflineQueue: true, socket: { reconnectStrategy: (n) => Math.min(n * 50, 1000) } }`.
 * Exactly-once across a Redis restart needs `appendonly yes` (with
 * `appendfsync always` for no loss at all); the store warns at its first command when AOF is off.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #send: (args: string[]) => Promise<unknown>;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #onWarning: (message: string) => void;
  readonly #client: RedisLike;
  #checked = false;
  /** Set once the client has been seen connected: from then on an outage fails fast, never waits. */
  #wasReady = false;

  constructor(client: RedisLike, options: RedisStoreOptions | string = {}) {
    const o = typeof options === 'string' ? { prefix: options } : options;
    this.#send = commandSender(client);
    this.#client = client;
    this.#prefix = o.prefix ?? 'top:idem:';
    this.#timeoutMs = o.commandTimeoutMs ?? 2000;
    if (!(this.#timeoutMs > 0)) throw new RangeError('RedisIdempotencyStore: commandTimeoutMs must be a positive number');
    this.#onWarning = o.onWarning ?? ((message) => console.warn(message));
  }

  /** One command, failed after commandTimeoutMs whatever the client does; the first also checks persistence and eviction. */
  #command(args: string[]): Promise<unknown> {
    if (!this.#wasReady && !this.#isReady()) return this.#afterFirstReady(args);
    this.#wasReady = true;
    if (!this.#checked) {
      this.#checked = true;
      void this.checkPersistence().then(
        (p) => {
          if (!p.aof)
            this.#onWarning(
              `RedisIdempotencyStore: Redis does not persist with AOF (appendonly no): claims and answers written since the last save are lost if Redis restarts, and a retry of such a call runs its handler again. Set appendonly yes for exactly-once across a Redis restart.`,
            );
        },
        () => {}, // an unreachable Redis is reported by the command that needed it
      );
      void this.checkEviction().then(
        (e) => {
          if (e.policy !== undefined && e.policy !== 'noeviction')
            this.#onWarning(
              `RedisIdempotencyStore: Redis may evict keys (maxmemory-policy ${e.policy}): every claim and answer has an expiry, so volatile-* policies evict them too, and a retry of a call whose answer was evicted runs its handler again. Set maxmemory-policy noeviction (a full Redis then refuses new claims, which the gateway answers with a retryable isp. error).`,
            );
        },
        () => {},
      );
    }
    return this.#timed(args);
  }

  /**
   * False only while the client says it is on its way to a connection
   * (ioredis: connecting, connect, reconnecting; redis: open, not ready). A
   * client that was never told to connect, or was closed, or cannot say, is
   * not waited for: its command fails or succeeds as it will.
   */
  #isReady(): boolean {
    const c = this.#client as IoredisLike & NodeRedisLike & { isOpen?: boolean };
    if (typeof c.status === 'string') return !['connecting', 'connect', 'reconnecting'].includes(c.status);
    if (typeof c.isReady === 'boolean') return c.isReady || c.isOpen === false;
    return true;
  }

  /**
   * A command before the client first connected (a gateway that starts
   * listening while its Redis client still connects): wait for `ready`, within
   * the command's timeout, instead of failing a caller whose Redis is healthy.
   * After the first `ready` nothing waits: an outage fails fast.
   */
  #afterFirstReady(args: string[]): Promise<unknown> {
    const c = this.#client;
    if (typeof c.once !== 'function') return this.#timed(args);
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        c.removeListener?.('ready', done);
        this.#wasReady = this.#wasReady || this.#isReady();
        // Ready, or out of patience: either way the command decides (and times out on its own).
        this.#command(args).then(resolve, reject);
      };
      const timer = setTimeout(() => {
        c.removeListener?.('ready', done);
        this.#wasReady = true; // stop waiting for later commands too: the command fails as an outage would
        this.#timed(args).then(resolve, reject);
      }, this.#timeoutMs);
      c.once!('ready', done);
    });
  }

  #timed(args: string[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new RedisCommandTimeoutError(`Redis did not answer ${args[0]} within ${this.#timeoutMs} ms`)), this.#timeoutMs);
      this.#send(args).then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  #eval(script: string, key: string, ...args: (string | number)[]): Promise<unknown> {
    return this.#command(['EVAL', script, '1', this.#prefix + key, ...args.map(String)]);
  }

  /** Whether Redis persists every write with AOF (`INFO persistence`, which managed Redis services allow where CONFIG is refused). */
  async checkPersistence(): Promise<{ aof: boolean }> {
    const info = String(await this.#timed(['INFO', 'persistence']));
    return { aof: /^aof_enabled:1\s*$/m.test(info) };
  }

  /** Redis's maxmemory-policy (`INFO memory`), when it says. */
  async checkEviction(): Promise<{ policy: string | undefined }> {
    const info = String(await this.#timed(['INFO', 'memory']));
    return { policy: /^maxmemory_policy:(\S+)\s*$/m.exec(info)?.[1] };
  }

  async claim(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const raw = String(await this.#eval(CLAIM, key, claimText(fingerprint, owner), Math.ceil(leaseMs)));
    return raw === '' ? { claimed: true } : { claimed: false, current: parseState(raw) };
  }

  async renew(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<RenewResult> {
    const r = Number(await this.#eval(RENEW, key, claimText(fingerprint, owner), Math.ceil(leaseMs)));
    return r === 1 ? 'renewed' : r === 2 ? 'restored' : 'lost';
  }

  async complete(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): Promise<CompleteResult> {
    const raw = String(await this.#eval(COMPLETE, key, claimText(fingerprint, owner), doneText(fingerprint, outcome), Math.ceil(ttlMs)));
    return raw === '' ? { stored: true } : { stored: false, current: parseState(raw) };
  }

  async release(key: string, fingerprint: string, owner: string): Promise<void> {
    await this.#eval(RELEASE, key, claimText(fingerprint, owner));
  }

  async get(key: string): Promise<KeyState | undefined> {
    const raw = await this.#command(['GET', this.#prefix + key]);
    return raw === null || raw === undefined ? undefined : parseState(String(raw));
  }
}
