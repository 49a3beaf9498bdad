// The part of the client every operation shares: validate, encode, sign,
// send, decode. The generated TopClient is a typed face over `invoke`.
import type http from 'node:http';
import { TopAbortError, TopClientError, TopDecodeError, TopError, TopNetworkError, TopValidationError, type FieldProblem } from './errors.ts';
import { encodeForm } from '../common/form.ts';
import { parseJson } from '../common/json.ts';
import { encodeMultipart, readFile, type FilePart } from '../common/multipart.ts';
import { encodeParams } from '../common/params.ts';
import type { OperationDescriptor } from '../common/operation.ts';
import { API_VERSION, ERROR_ROOT, PRODUCTION_GATEWAY, SANDBOX_GATEWAY, SYSTEM_PARAMETER_SET } from '../common/protocol.ts';
import { fromWire } from '../common/shape.ts';
import { readXml } from '../common/xml-read.ts';
import { isSendable, sign, SIGN_METHODS, type SignMethod } from '../common/sign.ts';
import { formatTimestamp } from '../common/timestamp.ts';
import { createAgent, exchange } from './transport.ts';
import { toFieldProblems } from '../common/validation.ts';

export { PRODUCTION_GATEWAY, SANDBOX_GATEWAY };

export type { OperationDescriptor };

export interface TopClientOptions {
  appKey: string;
  appSecret: string;
  /** Gateway URL; default production (`PRODUCTION_GATEWAY`). */
  gateway?: string | URL;
  /** Default `hmac-sha256`, as the Java SDK's recent builds. */
  signMethod?: SignMethod;
  /** Default session for APIs that act for a user; a call's own `session` wins. */
  session?: string;
  partnerId?: string;
  targetAppKey?: string;
  /** Whole-call timeout; default 30 000 ms. */
  timeoutMs?: number;
  /** Check requests against the spec before sending; default true. */
  validateRequests?: boolean;
  /** Check decoded answers against the spec; default false. */
  validateResponses?: boolean;
  /** Ask for TOP's simplified JSON (`simplify=true`: no root wrapper, plain lists); the answer is the same typed value. Default false. */
  simplify?: boolean;
  /** Largest file an upload reads (a stream is read only this far); default 10 MiB. */
  maxFileBytes?: number;
  /**
   * Extra attempts for a request that provably never reached the gateway
   * (no connection could be made); default 2. Nothing else is retried.
   */
  retries?: number;
  retryDelayMs?: number;
  maxResponseBytes?: number;
  /** The clock for `timestamp`; default Date.now. */
  now?: () => number;
  agent?: http.Agent;
}

export interface CallOptions {
  session?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Override the client's validateRequests for this call. */
  validate?: boolean;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

export class ClientCore {
  readonly url: URL;
  readonly signMethod: SignMethod;
  readonly #options: TopClientOptions;
  readonly #agent: http.Agent;

  constructor(options: TopClientOptions) {
    if (!options || typeof options !== 'object') throw new TypeError('TopClient: options are required');
    for (const key of ['appKey', 'appSecret'] as const) {
      if (typeof options[key] !== 'string' || options[key].trim() === '') throw new TypeError(`TopClient: options.${key} must be a non-empty string`);
    }
    this.signMethod = options.signMethod ?? 'hmac-sha256';
    if (!SIGN_METHODS.includes(this.signMethod)) throw new TypeError(`TopClient: options.signMethod must be one of ${SIGN_METHODS.join(', ')}; got ${String(options.signMethod)}`);
    try {
      this.url = new URL(options.gateway ?? PRODUCTION_GATEWAY);
    } catch {
      throw new TypeError(`TopClient: options.gateway is not a URL: ${String(options.gateway)}`);
    }
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:') throw new TypeError(`TopClient: options.gateway must be http or https; got ${this.url.protocol}`);
    this.#options = options;
    this.#agent = options.agent ?? createAgent(this.url);
  }

  /** Validates, encodes and signs a call: the exact bytes that would be sent. */
  prepare(op: OperationDescriptor, params: unknown, options: CallOptions = {}): { query: string; body: string; fields: Record<string, string>; files: ReturnType<typeof encodeParams>['files'] } {
    const problems: FieldProblem[] = [];
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new TopValidationError(op.method, [{ path: '(root)', message: 'business parameters must be an object' }]);
    }
    const session = options.session ?? this.#options.session;
    if (op.session && !isSendable(session)) {
      problems.push({ path: 'session', message: 'this API acts for a user and needs a session (options.session or the client\'s session)' });
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
    };
    if (this.#options.simplify === true) system.simplify = 'true';
    if (isSendable(session)) system.session = session;
    if (isSendable(this.#options.partnerId)) system.partner_id = this.#options.partnerId;
    if (isSendable(this.#options.targetAppKey)) system.target_app_key = this.#options.targetAppKey;
    for (const name of [...Object.keys(encoded.fields), ...Object.keys(encoded.files)]) {
      if (SYSTEM_PARAMETER_SET.has(name)) throw new TopValidationError(op.method, [{ path: name, message: 'collides with a TOP system parameter' }]);
    }
    // Files are not signed (top-protocol.md §7): only the text parameters are.
    system.sign = sign({ ...system, ...encoded.fields }, this.#options.appSecret, this.signMethod);
    return { query: encodeForm(system), body: encodeForm(encoded.fields), fields: encoded.fields, files: encoded.files };
  }

  /** An upload's body: every text parameter and each file as a multipart part. */
  async #multipart(op: OperationDescriptor, fields: Record<string, string>, files: ReturnType<typeof encodeParams>['files']): Promise<{ body: Uint8Array; contentType: string }> {
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

  async invoke(op: OperationDescriptor, params: unknown, options: CallOptions = {}): Promise<unknown> {
    const prepared = this.prepare(op, params, options);
    const { query } = prepared;
    let body: string | Uint8Array = prepared.body;
    let contentType: string | undefined;
    if (Object.keys(prepared.files).length > 0) ({ body, contentType } = await this.#multipart(op, prepared.fields, prepared.files));
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
    const retries = Math.max(0, this.#options.retries ?? 2);
    for (let attempt = 0; ; attempt++) {
      try {
        // A retry sends the very same bytes: same timestamp, same sign, same
        // idempotency key. It only happens when no byte left this host.
        const answer = await exchange({
          url: this.url, query, body, contentType, method: op.method, timeoutMs, signal: options.signal,
          maxResponseBytes: this.#options.maxResponseBytes ?? 10 * 1024 * 1024, agent: this.#agent,
        });
        return this.decode(op, answer.status, answer.body);
      } catch (error) {
        if (!(error instanceof TopNetworkError) || error.reachedGateway || attempt >= retries || options.signal?.aborted) throw error;
        await sleep((this.#options.retryDelayMs ?? 100) * (attempt + 1), options.signal);
        if (options.signal?.aborted) throw new TopAbortError(op.method, options.signal.reason);
      }
    }
  }

  /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
  decode(op: OperationDescriptor, status: number, text: string, simplified: boolean = this.#options.simplify === true): unknown {
    if (status !== 200) throw new TopDecodeError(op.method, `HTTP status ${status}`, status, text);
    let parsed: unknown;
    const xml = /^\s*<(\?xml|[A-Za-z_][\w.-]*_response[\s>])/.test(text);
    try {
      // TOP answers JSON to this client (format=json); XML is read too, for a gateway that ignores format.
      parsed = xml ? readXml(text) : parseJson(text);
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
    fromWire(inner, op.response, xml);
    if (this.#options.validateResponses && !op.validateResponse(inner)) {
      const problems = toFieldProblems(op.validateResponse.errors ?? [], op.responseRoot);
      throw new TopDecodeError(op.method, `answer does not fit the spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, status, text);
    }
    return inner;
  }

  /** Closes idle keep-alive connections (lets a process exit promptly). */
  close(): void {
    this.#agent.destroy();
  }
}

export { TopClientError };
