// The part of the client every operation shares: validate, encode, sign,
// send, decode. The generated TopClient is a typed face over `invoke`. The
// network is behind a Transport (./transport.ts): no node:* import here, so
// this runs on Workers and in browsers, and its types need no @types/node.

import { encodeForm } from '../common/form.ts';
import { parseJsonAs } from '../common/json.ts';
import { encodeMultipart, type FilePart, readFile, type TopFileInput } from '../common/multipart.ts';
import type { OperationDescriptor } from '../common/operation.ts';
import { encodeParams } from '../common/params.ts';
import { API_VERSION, ERROR_ROOT, PRODUCTION_GATEWAY, SANDBOX_GATEWAY, SYSTEM_PARAMETER_SET, type SystemParameter } from '../common/protocol.ts';
import { fromWire, holdsList, inexactInt64, type Shape } from '../common/shape.ts';
import { canSignSync, isSendable, SIGN_METHODS, type SignMethod, sign, signAsync } from '../common/sign.ts';
import { formatTimestamp } from '../common/timestamp.ts';
import { toFieldProblems } from '../common/validation.ts';
import { readXml } from '../common/xml-read.ts';
import { whenAborted } from './abort-fanout.ts';
import { type FieldProblem, TopAbortError, TopClientError, TopDecodeError, TopError, TopNetworkError, TopTimeoutError, TopValidationError } from './errors.ts';
import { fetchTransport } from './fetch-transport.ts';
import { type ClientHooks, callHooks, redactedUrl } from './hooks.ts';
import { KEEPS_TIME, type Transport, type TransportAnswer } from './transport.ts';

export type { OperationDescriptor };
export { PRODUCTION_GATEWAY, SANDBOX_GATEWAY };

export interface TopClientOptions {
  appKey: string;
  appSecret: string;
  /** Gateway URL, http or https, without a query string or credentials; default production (`PRODUCTION_GATEWAY`). */
  gateway?: string | URL | undefined;
  /** Default `hmac-sha256`, as the Java SDK's recent builds. */
  signMethod?: SignMethod | undefined;
  /** Default session for APIs that act for a user; a call's own `session` wins. */
  session?: string | undefined;
  partnerId?: string | undefined;
  targetAppKey?: string | undefined;
  /** Whole-call timeout; default 30 000 ms. */
  timeoutMs?: number | undefined;
  /** Check requests against the spec before sending; default true. */
  validateRequests?: boolean | undefined;
  /** Ask for TOP's simplified JSON (`simplify=true`: no root wrapper, plain lists); the answer is the same typed value. Default false. */
  simplify?: boolean | undefined;
  /** Largest file an upload reads (a stream is read only this far); default 10 MiB. */
  maxFileBytes?: number | undefined;
  /** Check decoded answers against the spec; default false. */
  validateResponses?: boolean | undefined;
  /**
   * Extra attempts for a request that provably never reached the gateway
   * (no connection could be made); default 2. Nothing else is retried, and
   * nothing at all through a transport that cannot prove a request unsent
   * (fetch).
   */
  retries?: number | undefined;
  retryDelayMs?: number | undefined;
  maxResponseBytes?: number | undefined;
  /** The clock for `timestamp`; default Date.now. */
  now?: (() => number) | undefined;
  /**
   * How requests are sent. Default: node:http on Node (the package's `node`
   * entry), fetch everywhere else. See `nodeHttpTransport` and `fetchTransport`.
   */
  transport?: Transport | undefined;
  /** An http.Agent for the default node:http transport (Node only; ignored with `transport`). */
  agent?: { destroy(): void } | undefined;
  /** Called before each attempt, after each answer and on each failure; secrets and signatures redacted. */
  hooks?: ClientHooks | undefined;
}

/** Makes the transport a client uses when none is given. */
export type DefaultTransport = (options: TopClientOptions) => Transport;
let defaultTransport: DefaultTransport = () => fetchTransport();

/**
 * Sets the transport a client gets when its options name none. The package's
 * Node entry sets node:http; nothing else needs to call this.
 */
export function setDefaultTransport(make: DefaultTransport): void {
  defaultTransport = make;
}

export interface CallOptions {
  session?: string | undefined;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  /** Override the client's validateRequests for this call. */
  validate?: boolean | undefined;
}

/** The longest delay a timer keeps (2^31-1 ms): a runtime fires a longer one, or Infinity, or NaN, at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A timeout a timer can hold, or a RangeError naming the option: a timer fired at once would report a sent payment as timed out. */
function checkTimeout(ms: unknown): void {
  if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 1 && ms <= MAX_TIMER_MS) return;
  throw new RangeError(`TopClient: timeoutMs must be a number of ms from 1 to ${MAX_TIMER_MS}; got ${typeof ms === 'string' ? `'${ms}'` : String(ms)}`);
}

/**
 * A custom transport's exchange, ended by the core at `ms` (TopTimeoutError,
 * possibly sent) or when `signal` fires (TopAbortError), whether or not the
 * transport heeds either; the built-in transports keep time themselves.
 */
function bounded<T>(sending: T | Promise<T>, ms: number, signal: AbortSignal | undefined, method: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      offAbort?.();
    };
    const onAbort = () => {
      done();
      reject(new TopAbortError(method, signal?.reason));
    };
    const timer = setTimeout(() => {
      done();
      reject(new TopTimeoutError(method, ms));
    }, ms);
    const offAbort = signal ? whenAborted(signal, onAbort) : undefined;
    Promise.resolve(sending).then(
      (answer) => {
        done();
        resolve(answer);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}

// The listener goes when the delay ends: a caller's long-lived signal must not collect one per retry.
const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      offAbort?.();
      resolve();
    }, ms);
    const offAbort = signal ? whenAborted(signal, onAbort) : undefined;
  });

export class ClientCore {
  readonly url: URL;
  readonly signMethod: SignMethod;
  readonly #options: TopClientOptions;
  readonly transport: Transport;
  /** The gateway URL up to the call's query: URL's getters cost more than the rest of building it. */
  readonly #callBase: string;
  /** The transport ends its exchanges at their timeout and signal itself (a built-in one); otherwise the core does. */
  readonly #keepsTime: boolean;

  constructor(options: TopClientOptions) {
    if (!options || typeof options !== 'object') throw new TypeError('TopClient: options are required');
    for (const key of ['appKey', 'appSecret'] as const) {
      // TOP's blank (Java's white space), not trim's: an app key of U+001C alone would be sent but not signed.
      if (typeof options[key] !== 'string' || !isSendable(options[key])) throw new TypeError(`TopClient: options.${key} must be a non-empty string`);
    }
    this.signMethod = options.signMethod ?? 'hmac-sha256';
    if (!SIGN_METHODS.includes(this.signMethod)) throw new TypeError(`TopClient: options.signMethod must be one of ${SIGN_METHODS.join(', ')}; got ${String(options.signMethod)}`);
    try {
      this.url = new URL(options.gateway ?? PRODUCTION_GATEWAY);
    } catch {
      throw new TypeError(`TopClient: options.gateway is not a URL: ${typeof options.gateway === 'string' ? JSON.stringify(options.gateway) : String(options.gateway)}`);
    }
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') throw new TypeError(`TopClient: options.gateway must be http or https; got ${this.url.protocol}`);
    // The gateway signs every parameter it receives: a query of the URL's own
    // would be received but not signed (error 25 on every call), so it is refused here, by name.
    if (this.url.search)
      throw new TypeError(
        `TopClient: options.gateway must not carry a query string (got ${this.url.search}): the gateway checks the signature over every parameter it receives, and these would not be signed`,
      );
    // fetch refuses a URL with credentials, and node:http would send them as Basic auth: neither is TOP's.
    if (this.url.username || this.url.password) throw new TypeError('TopClient: options.gateway must not carry a user name or password; TOP authenticates a call by its app key and signature');
    this.#options = options;
    this.#callBase = `${this.url.origin}${this.url.pathname}?`;
    if (options.transport !== undefined && (typeof options.transport !== 'object' || options.transport === null || typeof options.transport.send !== 'function')) {
      throw new TypeError('TopClient: options.transport must have a send(request) method');
    }
    if (options.timeoutMs !== undefined) checkTimeout(options.timeoutMs);
    const max = options.maxResponseBytes;
    if (max !== undefined && !(typeof max === 'number' && (Number.isSafeInteger(max) || max === Number.POSITIVE_INFINITY) && max >= 1)) {
      throw new RangeError(`TopClient: options.maxResponseBytes must be a whole number of bytes from 1 (or Infinity); got ${typeof max === 'string' ? `'${max}'` : String(max)}`);
    }
    this.transport = options.transport ?? defaultTransport(options);
    this.#keepsTime = KEEPS_TIME.has(this.transport);
  }

  /**
   * Validates, encodes and signs a call: the exact bytes that would be sent.
   * Synchronous signing needs node:crypto for hmac-sha256 (Node, Bun, Deno);
   * `prepareAsync` works everywhere.
   */
  prepare(op: OperationDescriptor, params: unknown, options: CallOptions = {}): { query: string; body: string } {
    const { system, fields } = this.#encode(op, params, options);
    // Files are not signed (top-protocol.md §7): only the text parameters are.
    system.sign = sign({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
    return { query: encodeForm(system), body: encodeForm(fields) };
  }

  /** `prepare` on any runtime: signs through node:crypto, or WebCrypto and the bundled MD5. */
  async prepareAsync(op: OperationDescriptor, params: unknown, options: CallOptions = {}): Promise<Prepared> {
    const { system, fields, files } = this.#encode(op, params, options);
    system.sign = await signAsync({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
    return this.#finish(op, system, fields, files);
  }

  /**
   * `prepareAsync` without waiting where nothing needs to: a call with no file
   * signed where signing is synchronous (Node, Bun, Deno; md5 anywhere). Two
   * fewer promise turns a call.
   */
  #prepareForSend(op: OperationDescriptor, params: unknown, options: CallOptions): ReturnType<ClientCore['prepareAsync']> | Prepared {
    if (op.multipart || !canSignSync(this.signMethod)) return this.prepareAsync(op, params, options);
    const { system, fields, files } = this.#encode(op, params, options);
    system.sign = sign({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
    return this.#finish(op, system, fields, files);
  }

  #finish(op: OperationDescriptor, system: Record<string, string>, fields: Record<string, string>, files: Record<string, TopFileInput>): Prepared | Promise<Prepared> {
    if (Object.keys(files).length === 0) return { query: encodeForm(system), body: encodeForm(fields), system, contentType: FORM_TYPE };
    return this.#withFiles(op, system, fields, files);
  }

  async #withFiles(op: OperationDescriptor, system: Record<string, string>, fields: Record<string, string>, files: Record<string, TopFileInput>): Promise<Prepared> {
    // An upload: every text parameter and each file as a multipart part.
    const { body, contentType } = await this.#multipart(op, fields, files);
    return { query: encodeForm(system), body: encodeForm(fields), system, contentType, bytes: body };
  }

  async #multipart(op: OperationDescriptor, fields: Record<string, string>, files: Record<string, TopFileInput>): Promise<{ body: Uint8Array; contentType: string }> {
    const parts: Record<string, FilePart> = {};
    const maxBytes = this.#options.maxFileBytes ?? 10 * 1024 * 1024;
    for (const [name, file] of Object.entries(files)) {
      try {
        parts[name] = await readFile(name, file, maxBytes);
      } catch (error) {
        throw new TopValidationError(op.method, [{ path: name, message: (error as Error).message }]);
      }
    }
    return encodeMultipart(fields, parts);
  }

  /** Validated and encoded system and business parameters, not yet signed. */
  #encode(op: OperationDescriptor, params: unknown, options: CallOptions): { system: Record<string, string>; fields: Record<string, string>; files: Record<string, TopFileInput> } {
    const problems: FieldProblem[] = [];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new TopValidationError(op.method, [{ path: '(root)', message: 'business parameters must be an object' }]);
    }
    const session = options.session ?? this.#options.session;
    if (op.session && !isSendable(session)) {
      problems.push({ path: 'session', message: "this API acts for a user and needs a session (options.session or the client's session)" });
    }
    if (options.validate ?? this.#options.validateRequests ?? true) {
      if (!op.validateRequest(params)) problems.push(...toFieldProblems(op.validateRequest.errors ?? []));
    }
    const encoded = encodeParams(params as Record<string, unknown>, op.params);
    problems.push(...encoded.problems);
    if (problems.length) throw new TopValidationError(op.method, problems);

    const system: Record<string, string> = {
      method: op.method,
      app_key: this.#options.appKey,
      timestamp: formatTimestamp((this.#options.now ?? Date.now)()),
      v: API_VERSION,
      sign_method: this.signMethod,
      format: 'json',
    } satisfies Partial<Record<SystemParameter, string>>;
    if (this.#options.simplify === true) system.simplify = 'true';
    if (isSendable(session)) system.session = session;
    if (isSendable(this.#options.partnerId)) system.partner_id = this.#options.partnerId;
    if (isSendable(this.#options.targetAppKey)) system.target_app_key = this.#options.targetAppKey;
    for (const name of [...Object.keys(encoded.fields), ...Object.keys(encoded.files)]) {
      if (SYSTEM_PARAMETER_SET.has(name)) throw new TopValidationError(op.method, [{ path: name, message: 'collides with a TOP system parameter' }]);
    }
    return { system, fields: encoded.fields, files: encoded.files };
  }

  async invoke(op: OperationDescriptor, params: unknown, options: CallOptions = {}): Promise<unknown> {
    if (options.timeoutMs !== undefined) checkTimeout(options.timeoutMs);
    let prepared: Prepared;
    try {
      const ready = this.#prepareForSend(op, params, options);
      prepared = ready instanceof Promise ? await ready : ready;
    } catch (error) {
      // Refused before sending (attempt 0): onError sees it too; nothing was sent.
      const hooks = this.#options.hooks;
      if (hooks && error instanceof TopClientError) {
        callHooks(hooks, 'onError', {
          method: op.method,
          attempt: 0,
          transport: this.transport.name,
          url: `${this.url.origin}${this.url.pathname}`,
          system: {},
          bodyBytes: 0,
          error,
          latencyMs: 0,
          willRetry: false,
        });
      }
      throw error;
    }
    const { query, system } = prepared;
    const body = prepared.bytes ?? prepared.body;
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
    const retries = Math.max(0, this.#options.retries ?? 2);
    const url = this.#callBase + query;
    const hooks = this.#options.hooks;
    // Built only when someone listens: redaction and byte counts cost per call.
    const event = hooks ? { method: op.method, transport: this.transport.name, url: redactedUrl(url), system: redactedSystem(system), bodyBytes: byteLength(body) } : undefined;
    // timeoutMs bounds the whole call, retries and their delays included: each attempt gets what is left.
    // On the monotonic clock: a wall clock stepped back between attempts gave a retry the step on top.
    const deadline = performance.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const started = Date.now();
      // The first attempt gets the whole timeout even when the clock ticked since
      // the deadline was taken; only a retry can find the time spent.
      const left = attempt === 1 ? timeoutMs : Math.ceil(deadline - performance.now());
      if (left <= 0) throw new TopTimeoutError(op.method, timeoutMs, false);
      if (event) callHooks(hooks, 'beforeSend', { ...event, attempt });
      let answer: TransportAnswer;
      try {
        // A custom transport is not handed a request whose signal has already fired (the built-ins check it themselves).
        if (!this.#keepsTime && options.signal?.aborted) throw new TopAbortError(op.method, options.signal.reason);
        // A retry sends the very same bytes: same timestamp, same sign, same
        // idempotency key. It only happens when no byte left this host.
        const sending = this.transport.send({
          method: op.method,
          url,
          body,
          timeoutMs: left,
          signal: options.signal,
          headers: { 'content-type': prepared.contentType, accept: 'application/json' },
          maxResponseBytes: this.#options.maxResponseBytes ?? 10 * 1024 * 1024,
        });
        answer = await (this.#keepsTime ? sending : bounded(sending, left, options.signal, op.method));
      } catch (thrown) {
        let error = this.#asClientError(op.method, thrown);
        // The transport timed this attempt with what was left of the call; the
        // caller set, and reads in the error, the call's timeout.
        if (error instanceof TopTimeoutError && error.timeoutMs !== timeoutMs) error = new TopTimeoutError(op.method, timeoutMs, error.reachedGateway);
        const retry = error instanceof TopNetworkError && !error.reachedGateway && this.transport.provesUnsent && attempt <= retries && !options.signal?.aborted;
        if (event) callHooks(hooks, 'onError', { ...event, attempt, error, latencyMs: Date.now() - started, willRetry: retry });
        if (!retry) throw error;
        const delay = (this.#options.retryDelayMs ?? 100) * attempt;
        // No time left for another attempt after the delay: this failure is the answer.
        if (performance.now() + delay >= deadline) throw error;
        await sleep(delay, options.signal);
        if (options.signal?.aborted) throw new TopAbortError(op.method, options.signal.reason);
        continue;
      }
      try {
        const decoded = this.decode(op, answer.status, answer.body);
        if (event) callHooks(hooks, 'afterAnswer', { ...event, attempt, status: answer.status, latencyMs: Date.now() - started, requestId: requestIdOf(decoded) });
        return decoded;
      } catch (error) {
        const e = error as TopClientError;
        if (event)
          callHooks(hooks, 'afterAnswer', {
            ...event,
            attempt,
            status: answer.status,
            latencyMs: Date.now() - started,
            ...(e instanceof TopError ? { code: e.code, subCode: e.subCode, requestId: e.requestId } : {}),
          });
        if (event) callHooks(hooks, 'onError', { ...event, attempt, error: e, latencyMs: Date.now() - started, willRetry: false });
        throw error;
      }
    }
  }

  /**
   * What a transport threw, as this client's error. A transport that cannot
   * prove a request unsent never gets to say it was: its "never reached" is
   * reported as possibly sent, so nothing is retried on its word.
   */
  #asClientError(method: string, thrown: unknown): TopClientError {
    if (thrown instanceof TopNetworkError && !thrown.reachedGateway && !this.transport.provesUnsent) {
      return new TopNetworkError(method, true, thrown.code, { cause: thrown });
    }
    // Its timeouts too: a timed-out payment read as never sent would be paid again.
    if (thrown instanceof TopTimeoutError && !thrown.reachedGateway && !this.transport.provesUnsent) return new TopTimeoutError(method, thrown.timeoutMs, true);
    if (thrown instanceof TopClientError) return thrown;
    return new TopNetworkError(method, true, undefined, { cause: thrown });
  }

  /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
  decode(op: OperationDescriptor, status: number, text: string, simplified: boolean = this.#options.simplify === true): unknown {
    if (status !== 200) {
      // A TOP error in a non-200 answer (this project's gateway answers a wrong path with 404 and
      // 22 isv.invalid-path) is that error; anything else is an HTTP failure.
      const failure = topErrorIn(op.method, text);
      if (failure) throw failure;
      throw new TopDecodeError(op.method, `HTTP status ${status}`, status, text);
    }
    let parsed: unknown;
    // TOP answers JSON to this client (format=json); XML is read too, for a gateway that ignores format.
    const xml = startsWithTag(text) && XML_ANSWER.test(text);
    try {
      parsed = xml ? readXml(text) : parseJsonAs(text, answerShape(op));
    } catch (error) {
      throw new TopDecodeError(op.method, `not ${xml ? 'XML' : 'JSON'} (${(error as Error).message})`, status, text, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TopDecodeError(op.method, 'not a JSON object', status, text);
    const envelope = parsed as Record<string, unknown>;
    const failure = envelope[ERROR_ROOT];
    if (failure !== undefined) {
      const e = (typeof failure === 'object' && failure !== null ? failure : {}) as Record<string, unknown>;
      const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : Number.NaN;
      if (!Number.isInteger(code)) throw new TopDecodeError(op.method, `${ERROR_ROOT} without a numeric code`, status, text);
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      throw new TopError(op.method, code, str(e.msg) ?? '', str(e.sub_code), str(e.sub_msg), str(e.request_id));
    }
    // simplify=true: no root wrapper, the object is the answer.
    const inner = Object.hasOwn(envelope, op.responseRoot) ? envelope[op.responseRoot] : simplified && !xml ? envelope : undefined;
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
      throw new TopDecodeError(op.method, `no \`${op.responseRoot}\` object in the answer`, status, text);
    }
    // Lists arrive wrapped in their item element ({"trade":[…]}), plain (simplify=true) or as XML elements: all become plain arrays; int64 become bigint.
    // (parseJsonAs already made JSON's int64 bigint: without a list, JSON needs no second walk.)
    if (xml || holdsList(op.response)) fromWire(inner, op.response, xml);
    // An int64 written with a fraction or exponent (9007199254740993.0) is kept as its text by the parser, never rounded, and one past
    // the Long range is no int64 a gateway sends: refuse either by path.
    const inexact = inexactInt64(inner, op.response, op.responseRoot);
    if (inexact) throw new TopDecodeError(op.method, `${inexact.path}: int64 written as ${inexact.text.slice(0, 40)} is not an exact integer from -2^63 to 2^63-1`, status, text);
    if (this.#options.validateResponses && !op.validateResponse(inner)) {
      const problems = toFieldProblems(op.validateResponse.errors ?? [], op.responseRoot);
      throw new TopDecodeError(op.method, `answer does not fit the spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, status, text);
    }
    return inner;
  }

  /** Closes idle keep-alive connections (lets a process exit promptly). */
  close(): void {
    this.transport.close?.();
  }
}

// An XML answer: a declaration or a `<…_response>` root, after any white space.
const XML_ANSWER = /^\s*<(\?xml|[A-Za-z_][\w.-]*_response[\s>])/;

/** Whether the first character after JSON's white space is `<` (a JSON answer starts with `{`; the regular expression is only run on what could be XML). */
function startsWithTag(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c) return true;
    // \s of the regular expression: a text that starts with other white space is handed to it whole.
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c > 0x7f || c === 0x0b || c === 0x0c;
  }
  return false;
}

/** The TopError an error_response text holds (JSON or XML), if it holds one with a numeric code. */
function topErrorIn(method: string, text: string): TopError | undefined {
  let parsed: unknown;
  try {
    parsed = /^\s*</.test(text) ? readXml(text) : JSON.parse(text);
  } catch {
    return undefined;
  }
  const e = (parsed as Record<string, unknown> | null)?.[ERROR_ROOT] as Record<string, unknown> | undefined;
  if (typeof e !== 'object' || e === null) return undefined;
  const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : Number.NaN;
  if (!Number.isInteger(code)) return undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return new TopError(method, code, str(e.msg) ?? '', str(e.sub_code), str(e.sub_msg), str(e.request_id));
}

const answerShapes = new WeakMap<OperationDescriptor, Shape>();
/** The JSON answer's shape: the envelope's root around the answer, and the answer's own fields for simplify=true. */
function answerShape(op: OperationDescriptor): Shape {
  let shape = answerShapes.get(op);
  if (!shape) {
    const fields = op.response.type === 'object' ? op.response.fields : {};
    shape = { type: 'object', fields: { ...fields, [op.responseRoot]: op.response } };
    answerShapes.set(op, shape);
  }
  return shape;
}

const REDACTED = '[redacted]';
/** System parameters without the signature or the user's session. */
function redactedSystem(system: Readonly<Record<string, string>>): Record<string, string> {
  const out = { ...system };
  for (const name of ['sign', 'session'] as const) if (name in out) out[name] = REDACTED;
  return out;
}

const FORM_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';

/** A call ready to send: what is signed and how the body travels (`bytes` for an upload). */
export interface Prepared {
  query: string;
  body: string;
  system: Record<string, string>;
  contentType: string;
  bytes?: Uint8Array;
}

const byteLength = (body: string | Uint8Array): number => (typeof body === 'string' ? new TextEncoder().encode(body).length : body.byteLength);

function requestIdOf(answer: unknown): string | undefined {
  const id = (answer as { request_id?: unknown } | null)?.request_id;
  return typeof id === 'string' ? id : undefined;
}

export { TopClientError };
