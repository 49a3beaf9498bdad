// Copied from runtime/client/client-core.ts by the TOP generator: edit that file, then regenerate.
// The part of the client every operation shares: validate, encode, sign,
// send, decode. The generated TopClient is a typed face over `invoke`. The
// network is behind a Transport (./transport.ts): no node:* import here, so
// this runs on Workers and in browsers, and its types need no @types/node.
import { encodeForm } from "../common/form.js";
import { parseJsonAs } from "../common/json.js";
import { encodeMultipart, readFile } from "../common/multipart.js";
import { encodeParams } from "../common/params.js";
import { API_VERSION, ERROR_ROOT, PRODUCTION_GATEWAY, SANDBOX_GATEWAY, SYSTEM_PARAMETER_SET } from "../common/protocol.js";
import { fromWire, holdsList, inexactInt64 } from "../common/shape.js";
import { canSignSync, isSendable, SIGN_METHODS, sign, signAsync } from "../common/sign.js";
import { formatTimestamp } from "../common/timestamp.js";
import { toFieldProblems } from "../common/validation.js";
import { readXml } from "../common/xml-read.js";
import { whenAborted } from "./abort-fanout.js";
import { TopAbortError, TopClientError, TopDecodeError, TopError, TopNetworkError, TopTimeoutError, TopValidationError } from "./errors.js";
import { fetchTransport } from "./fetch-transport.js";
import { callHooks, redactedUrl } from "./hooks.js";
import { KEEPS_TIME } from "./transport.js";
export { PRODUCTION_GATEWAY, SANDBOX_GATEWAY };
let defaultTransport = () => fetchTransport();
/**
 * Sets the transport a client gets when its options name none. The package's
 * Node entry sets node:http; nothing else needs to call this.
 */
export function setDefaultTransport(make) {
    defaultTransport = make;
}
/** The longest delay a timer keeps (2^31-1 ms): a runtime fires a longer one, or Infinity, or NaN, at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A timeout a timer can hold, or a RangeError naming the option: a timer fired at once would report a sent payment as timed out. */
function checkTimeout(ms) {
    if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 1 && ms <= MAX_TIMER_MS)
        return;
    throw new RangeError(`TopClient: timeoutMs must be a number of ms from 1 to ${MAX_TIMER_MS}; got ${typeof ms === 'string' ? `'${ms}'` : String(ms)}`);
}
/**
 * A custom transport's exchange, ended by the core at `ms` (TopTimeoutError,
 * possibly sent) or when `signal` fires (TopAbortError), whether or not the
 * transport heeds either; the built-in transports keep time themselves.
 */
function bounded(sending, ms, signal, method) {
    return new Promise((resolve, reject) => {
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
        Promise.resolve(sending).then((answer) => {
            done();
            resolve(answer);
        }, (error) => {
            done();
            reject(error);
        });
    });
}
// The listener goes when the delay ends: a caller's long-lived signal must not collect one per retry.
const sleep = (ms, signal) => new Promise((resolve) => {
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
    url;
    signMethod;
    #options;
    transport;
    /** The gateway URL up to the call's query: URL's getters cost more than the rest of building it. */
    #callBase;
    /** The transport ends its exchanges at their timeout and signal itself (a built-in one); otherwise the core does. */
    #keepsTime;
    constructor(options) {
        if (!options || typeof options !== 'object')
            throw new TypeError('TopClient: options are required');
        for (const key of ['appKey', 'appSecret']) {
            // TOP's blank (Java's white space), not trim's: an app key of U+001C alone would be sent but not signed.
            if (typeof options[key] !== 'string' || !isSendable(options[key]))
                throw new TypeError(`TopClient: options.${key} must be a non-empty string`);
        }
        this.signMethod = options.signMethod ?? 'hmac-sha256';
        if (!SIGN_METHODS.includes(this.signMethod))
            throw new TypeError(`TopClient: options.signMethod must be one of ${SIGN_METHODS.join(', ')}; got ${String(options.signMethod)}`);
        try {
            this.url = new URL(options.gateway ?? PRODUCTION_GATEWAY);
        }
        catch {
            throw new TypeError(`TopClient: options.gateway is not a URL: ${typeof options.gateway === 'string' ? JSON.stringify(options.gateway) : String(options.gateway)}`);
        }
        if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:')
            throw new TypeError(`TopClient: options.gateway must be http or https; got ${this.url.protocol}`);
        // The gateway signs every parameter it receives: a query of the URL's own
        // would be received but not signed (error 25 on every call), so it is refused here, by name.
        if (this.url.search)
            throw new TypeError(`TopClient: options.gateway must not carry a query string (got ${this.url.search}): the gateway checks the signature over every parameter it receives, and these would not be signed`);
        // fetch refuses a URL with credentials, and node:http would send them as Basic auth: neither is TOP's.
        if (this.url.username || this.url.password)
            throw new TypeError('TopClient: options.gateway must not carry a user name or password; TOP authenticates a call by its app key and signature');
        this.#options = options;
        this.#callBase = `${this.url.origin}${this.url.pathname}?`;
        if (options.transport !== undefined && (typeof options.transport !== 'object' || options.transport === null || typeof options.transport.send !== 'function')) {
            throw new TypeError('TopClient: options.transport must have a send(request) method');
        }
        if (options.timeoutMs !== undefined)
            checkTimeout(options.timeoutMs);
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
    prepare(op, params, options = {}) {
        const { system, fields } = this.#encode(op, params, options);
        // Files are not signed (top-protocol.md §7): only the text parameters are.
        system.sign = sign({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
        return { query: encodeForm(system), body: encodeForm(fields) };
    }
    /** `prepare` on any runtime: signs through node:crypto, or WebCrypto and the bundled MD5. */
    async prepareAsync(op, params, options = {}) {
        const { system, fields, files } = this.#encode(op, params, options);
        system.sign = await signAsync({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
        return this.#finish(op, system, fields, files);
    }
    /**
     * `prepareAsync` without waiting where nothing needs to: a call with no file
     * signed where signing is synchronous (Node, Bun, Deno; md5 anywhere). Two
     * fewer promise turns a call.
     */
    #prepareForSend(op, params, options) {
        if (op.multipart || !canSignSync(this.signMethod))
            return this.prepareAsync(op, params, options);
        const { system, fields, files } = this.#encode(op, params, options);
        system.sign = sign({ ...system, ...fields }, this.#options.appSecret, this.signMethod);
        return this.#finish(op, system, fields, files);
    }
    #finish(op, system, fields, files) {
        if (Object.keys(files).length === 0)
            return { query: encodeForm(system), body: encodeForm(fields), system, contentType: FORM_TYPE };
        return this.#withFiles(op, system, fields, files);
    }
    async #withFiles(op, system, fields, files) {
        // An upload: every text parameter and each file as a multipart part.
        const { body, contentType } = await this.#multipart(op, fields, files);
        return { query: encodeForm(system), body: encodeForm(fields), system, contentType, bytes: body };
    }
    async #multipart(op, fields, files) {
        const parts = {};
        const maxBytes = this.#options.maxFileBytes ?? 10 * 1024 * 1024;
        for (const [name, file] of Object.entries(files)) {
            try {
                parts[name] = await readFile(name, file, maxBytes);
            }
            catch (error) {
                throw new TopValidationError(op.method, [{ path: name, message: error.message }]);
            }
        }
        return encodeMultipart(fields, parts);
    }
    /** Validated and encoded system and business parameters, not yet signed. */
    #encode(op, params, options) {
        const problems = [];
        if (typeof params !== 'object' || params === null || Array.isArray(params)) {
            throw new TopValidationError(op.method, [{ path: '(root)', message: 'business parameters must be an object' }]);
        }
        const session = options.session ?? this.#options.session;
        if (op.session && !isSendable(session)) {
            problems.push({ path: 'session', message: "this API acts for a user and needs a session (options.session or the client's session)" });
        }
        if (options.validate ?? this.#options.validateRequests ?? true) {
            if (!op.validateRequest(params))
                problems.push(...toFieldProblems(op.validateRequest.errors ?? []));
        }
        const encoded = encodeParams(params, op.params);
        problems.push(...encoded.problems);
        if (problems.length)
            throw new TopValidationError(op.method, problems);
        const system = {
            method: op.method,
            app_key: this.#options.appKey,
            timestamp: formatTimestamp((this.#options.now ?? Date.now)()),
            v: API_VERSION,
            sign_method: this.signMethod,
            format: 'json',
        };
        if (this.#options.simplify === true)
            system.simplify = 'true';
        if (isSendable(session))
            system.session = session;
        if (isSendable(this.#options.partnerId))
            system.partner_id = this.#options.partnerId;
        if (isSendable(this.#options.targetAppKey))
            system.target_app_key = this.#options.targetAppKey;
        for (const name of [...Object.keys(encoded.fields), ...Object.keys(encoded.files)]) {
            if (SYSTEM_PARAMETER_SET.has(name))
                throw new TopValidationError(op.method, [{ path: name, message: 'collides with a TOP system parameter' }]);
        }
        return { system, fields: encoded.fields, files: encoded.files };
    }
    async invoke(op, params, options = {}) {
        if (options.timeoutMs !== undefined)
            checkTimeout(options.timeoutMs);
        let prepared;
        try {
            const ready = this.#prepareForSend(op, params, options);
            prepared = ready instanceof Promise ? await ready : ready;
        }
        catch (error) {
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
        for (let attempt = 1;; attempt++) {
            const started = Date.now();
            // The first attempt gets the whole timeout even when the clock ticked since
            // the deadline was taken; only a retry can find the time spent.
            const left = attempt === 1 ? timeoutMs : Math.ceil(deadline - performance.now());
            if (left <= 0)
                throw new TopTimeoutError(op.method, timeoutMs, false);
            if (event)
                callHooks(hooks, 'beforeSend', { ...event, attempt });
            let answer;
            try {
                // A custom transport is not handed a request whose signal has already fired (the built-ins check it themselves).
                if (!this.#keepsTime && options.signal?.aborted)
                    throw new TopAbortError(op.method, options.signal.reason);
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
            }
            catch (thrown) {
                let error = this.#asClientError(op.method, thrown);
                // The transport timed this attempt with what was left of the call; the
                // caller set, and reads in the error, the call's timeout.
                if (error instanceof TopTimeoutError && error.timeoutMs !== timeoutMs)
                    error = new TopTimeoutError(op.method, timeoutMs, error.reachedGateway);
                const retry = error instanceof TopNetworkError && !error.reachedGateway && this.transport.provesUnsent && attempt <= retries && !options.signal?.aborted;
                if (event)
                    callHooks(hooks, 'onError', { ...event, attempt, error, latencyMs: Date.now() - started, willRetry: retry });
                if (!retry)
                    throw error;
                const delay = (this.#options.retryDelayMs ?? 100) * attempt;
                // No time left for another attempt after the delay: this failure is the answer.
                if (performance.now() + delay >= deadline)
                    throw error;
                await sleep(delay, options.signal);
                if (options.signal?.aborted)
                    throw new TopAbortError(op.method, options.signal.reason);
                continue;
            }
            try {
                const decoded = this.decode(op, answer.status, answer.body);
                if (event)
                    callHooks(hooks, 'afterAnswer', { ...event, attempt, status: answer.status, latencyMs: Date.now() - started, requestId: requestIdOf(decoded) });
                return decoded;
            }
            catch (error) {
                const e = error;
                if (event)
                    callHooks(hooks, 'afterAnswer', {
                        ...event,
                        attempt,
                        status: answer.status,
                        latencyMs: Date.now() - started,
                        ...(e instanceof TopError ? { code: e.code, subCode: e.subCode, requestId: e.requestId } : {}),
                    });
                if (event)
                    callHooks(hooks, 'onError', { ...event, attempt, error: e, latencyMs: Date.now() - started, willRetry: false });
                throw error;
            }
        }
    }
    /**
     * What a transport threw, as this client's error. A transport that cannot
     * prove a request unsent never gets to say it was: its "never reached" is
     * reported as possibly sent, so nothing is retried on its word.
     */
    #asClientError(method, thrown) {
        if (thrown instanceof TopNetworkError && !thrown.reachedGateway && !this.transport.provesUnsent) {
            return new TopNetworkError(method, true, thrown.code, { cause: thrown });
        }
        // Its timeouts too: a timed-out payment read as never sent would be paid again.
        if (thrown instanceof TopTimeoutError && !thrown.reachedGateway && !this.transport.provesUnsent)
            return new TopTimeoutError(method, thrown.timeoutMs, true);
        if (thrown instanceof TopClientError)
            return thrown;
        return new TopNetworkError(method, true, undefined, { cause: thrown });
    }
    /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
    decode(op, status, text, simplified = this.#options.simplify === true) {
        if (status !== 200) {
            // A TOP error in a non-200 answer (this project's gateway answers a wrong path with 404 and
            // 22 isv.invalid-path) is that error; anything else is an HTTP failure.
            const failure = topErrorIn(op.method, text);
            if (failure)
                throw failure;
            throw new TopDecodeError(op.method, `HTTP status ${status}`, status, text);
        }
        let parsed;
        // TOP answers JSON to this client (format=json); XML is read too, for a gateway that ignores format.
        const xml = startsWithTag(text) && XML_ANSWER.test(text);
        try {
            parsed = xml ? readXml(text) : parseJsonAs(text, answerShape(op));
        }
        catch (error) {
            throw new TopDecodeError(op.method, `not ${xml ? 'XML' : 'JSON'} (${error.message})`, status, text, { cause: error });
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw new TopDecodeError(op.method, 'not a JSON object', status, text);
        const envelope = parsed;
        const failure = envelope[ERROR_ROOT];
        if (failure !== undefined) {
            const e = (typeof failure === 'object' && failure !== null ? failure : {});
            const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : Number.NaN;
            if (!Number.isInteger(code))
                throw new TopDecodeError(op.method, `${ERROR_ROOT} without a numeric code`, status, text);
            const str = (v) => (typeof v === 'string' ? v : undefined);
            throw new TopError(op.method, code, str(e.msg) ?? '', str(e.sub_code), str(e.sub_msg), str(e.request_id));
        }
        // simplify=true: no root wrapper, the object is the answer.
        const inner = Object.hasOwn(envelope, op.responseRoot) ? envelope[op.responseRoot] : simplified && !xml ? envelope : undefined;
        if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
            throw new TopDecodeError(op.method, `no \`${op.responseRoot}\` object in the answer`, status, text);
        }
        // Lists arrive wrapped in their item element ({"trade":[…]}), plain (simplify=true) or as XML elements: all become plain arrays; int64 become bigint.
        // (parseJsonAs already made JSON's int64 bigint: without a list, JSON needs no second walk.)
        if (xml || holdsList(op.response))
            fromWire(inner, op.response, xml);
        // An int64 written with a fraction or exponent (9007199254740993.0) is kept as its text by the parser, never rounded, and one past
        // the Long range is no int64 a gateway sends: refuse either by path.
        const inexact = inexactInt64(inner, op.response, op.responseRoot);
        if (inexact)
            throw new TopDecodeError(op.method, `${inexact.path}: int64 written as ${inexact.text.slice(0, 40)} is not an exact integer from -2^63 to 2^63-1`, status, text);
        if (this.#options.validateResponses && !op.validateResponse(inner)) {
            const problems = toFieldProblems(op.validateResponse.errors ?? [], op.responseRoot);
            throw new TopDecodeError(op.method, `answer does not fit the spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, status, text);
        }
        return inner;
    }
    /** Closes idle keep-alive connections (lets a process exit promptly). */
    close() {
        this.transport.close?.();
    }
}
// An XML answer: a declaration or a `<…_response>` root, after any white space.
const XML_ANSWER = /^\s*<(\?xml|[A-Za-z_][\w.-]*_response[\s>])/;
/** Whether the first character after JSON's white space is `<` (a JSON answer starts with `{`; the regular expression is only run on what could be XML). */
function startsWithTag(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x3c)
            return true;
        // \s of the regular expression: a text that starts with other white space is handed to it whole.
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
            return c > 0x7f || c === 0x0b || c === 0x0c;
    }
    return false;
}
/** The TopError an error_response text holds (JSON or XML), if it holds one with a numeric code. */
function topErrorIn(method, text) {
    let parsed;
    try {
        parsed = /^\s*</.test(text) ? readXml(text) : JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const e = parsed?.[ERROR_ROOT];
    if (typeof e !== 'object' || e === null)
        return undefined;
    const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : Number.NaN;
    if (!Number.isInteger(code))
        return undefined;
    const str = (v) => (typeof v === 'string' ? v : undefined);
    return new TopError(method, code, str(e.msg) ?? '', str(e.sub_code), str(e.sub_msg), str(e.request_id));
}
const answerShapes = new WeakMap();
/** The JSON answer's shape: the envelope's root around the answer, and the answer's own fields for simplify=true. */
function answerShape(op) {
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
function redactedSystem(system) {
    const out = { ...system };
    for (const name of ['sign', 'session'])
        if (name in out)
            out[name] = REDACTED;
    return out;
}
const FORM_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';
const byteLength = (body) => (typeof body === 'string' ? new TextEncoder().encode(body).length : body.byteLength);
function requestIdOf(answer) {
    const id = answer?.request_id;
    return typeof id === 'string' ? id : undefined;
}
export { TopClientError };
