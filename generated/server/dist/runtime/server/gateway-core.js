// Copied from runtime/server/gateway-core.ts by the TOP generator: edit that file, then regenerate.
// The TOP gateway, transport-free: one request in (method, URL, content type,
// body bytes), one answer out. The node:http listener and the fastify plugin
// are thin adapters over `GatewayCore.handle`.
import * as crypto from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';
import { parseJson, stringifyJson } from "../common/json.js";
import { idempotencyKeyOf, valueAtPath } from "../common/operation.js";
import { decodeParams, encodeParam } from "../common/params.js";
import { API_VERSION, ERROR_ROOT, GATEWAY_PATH, INVALID_PARAMETER, INVALID_RESPONSE, invalidSubCode, MISSING_PARAMETER, missingSubCode, SERVICE_ERROR, SYSTEM_PARAMETER_SET, } from "../common/protocol.js";
import { holdsList, reviveInt64, toWire } from "../common/shape.js";
import { isSendable, SIGN_METHODS, sign } from "../common/sign.js";
import { parseTimestamp } from "../common/timestamp.js";
import { isMissing, toFieldProblems } from "../common/validation.js";
import { decodeUtf8, parseForm, parseMultipart } from "./form-parse.js";
import { MemoryIdempotencyStore } from "./idempotency.js";
import { DEFAULT_ENGINE_OPTIONS, IdempotencyEngine, isThenable, MAX_TIMER_MS, runWithTimeout } from "./idempotency-engine.js";
import { callQuietly, Observer } from "./observability.js";
import { GatewayError } from "./platform-errors.js";
import { toXmlDocument } from "./xml.js";
export const DEFAULT_LIMITS = { maxBodyBytes: 1024 * 1024, maxParams: 256, maxUrlLength: 8192 };
const JSON_TYPE = 'application/json;charset=UTF-8';
const XML_TYPE = 'text/xml;charset=UTF-8';
/** A call without file parts (most): one shared empty map. */
const NO_FILES = new Map();
// The answer's root element as a JSON key, per root (a handful per gateway).
const quotedRoots = new Map();
function quotedRoot(root) {
    let quoted = quotedRoots.get(root);
    if (quoted === undefined) {
        quoted = JSON.stringify(root);
        quotedRoots.set(root, quoted);
    }
    return quoted;
}
// TOP's request ids are short base-36 strings ("16sxh5ldx4gr3"). A random
// per-process prefix and a counter are unique without a random call per request.
const REQUEST_ID_PREFIX = BigInt(`0x${randomBytes(5).toString('hex')}`).toString(36);
let requestCounter = 0;
export function newRequestId() {
    requestCounter = (requestCounter + 1) % Number.MAX_SAFE_INTEGER;
    return `${REQUEST_ID_PREFIX}${requestCounter.toString(36)}`;
}
const FORMAT_IN_QUERY = /[?&]format=(json|xml)(?:&|$)/;
const FORMAT_IN_BODY = /(?:^|&)format=(json|xml)(?:&|$)/;
/**
 * The format asked for, read leniently from whatever could be parsed, so that
 * even a request refused for its encoding or size is answered in it.
 */
function requestedFormat(fields, request) {
    const format = fields?.get('format') ?? FORMAT_IN_QUERY.exec(request.url)?.[1] ?? (request.body.length <= 65536 ? FORMAT_IN_BODY.exec(Buffer.from(request.body).toString('latin1'))?.[1] : undefined);
    return format === 'json' ? 'json' : 'xml';
}
/**
 * Compares a given signature with the expected one (upper-case hex) in time
 * that depends only on their lengths: every character is compared, the
 * differences OR-ed together, no early exit. A length difference reveals only
 * the sign method's length. (Plain code, not timingSafeEqual: two Buffers a
 * request cost more than the whole comparison.)
 */
export function equalSignatures(given, expected) {
    if (given.length !== expected.length)
        return false;
    let difference = 0;
    for (let i = 0; i < expected.length; i++) {
        let c = given.charCodeAt(i);
        if (c >= 0x61 && c <= 0x7a)
            c -= 0x20; // a-z as A-Z: the hex may come in lower case
        difference |= c ^ expected.charCodeAt(i);
    }
    return difference === 0;
}
export class GatewayCore {
    limits;
    #options;
    #byMethod = new Map();
    #engine;
    #observer;
    #handlerTimeoutMs;
    /** The path the node:http listener answers. */
    path;
    constructor(options) {
        if (typeof options?.apps !== 'function')
            throw new TypeError('createGateway: options.apps must be a function from app_key to secret');
        if (typeof options.handlers !== 'object' || options.handlers === null)
            throw new TypeError('createGateway: options.handlers must be an object of handlers by operationId');
        for (const id of Object.keys(options.handlers)) {
            if (!Object.hasOwn(options.operations, id))
                throw new TypeError(`createGateway: options.handlers.${id} is not an operation of this gateway (${Object.keys(options.operations).join(', ')})`);
            if (typeof options.handlers[id] !== 'function')
                throw new TypeError(`createGateway: options.handlers.${id} must be a function`);
        }
        if (options.slowHandlerMs !== undefined && !(Number.isFinite(options.slowHandlerMs) && options.slowHandlerMs >= 1 && options.slowHandlerMs <= MAX_TIMER_MS)) {
            throw new RangeError(`createGateway: options.slowHandlerMs must be a number of ms from 1 to ${MAX_TIMER_MS}; got ${String(options.slowHandlerMs)}`);
        }
        this.#options = options;
        this.limits = { ...DEFAULT_LIMITS, ...options.limits };
        const store = options.idempotencyStore ?? new MemoryIdempotencyStore();
        this.#observer = new Observer(options.hooks, options.logger);
        this.#handlerTimeoutMs = options.handlerTimeoutMs ?? DEFAULT_ENGINE_OPTIONS.handlerTimeoutMs;
        this.#engine = new IdempotencyEngine({
            store,
            ttlMs: options.idempotencyTtlMs ?? DEFAULT_ENGINE_OPTIONS.ttlMs,
            leaseMs: options.idempotencyLeaseMs ?? DEFAULT_ENGINE_OPTIONS.leaseMs,
            waitMs: options.idempotencyWaitMs ?? DEFAULT_ENGINE_OPTIONS.waitMs,
            handlerTimeoutMs: this.#handlerTimeoutMs,
            storeTimeoutMs: options.idempotencyStoreTimeoutMs ?? DEFAULT_ENGINE_OPTIONS.storeTimeoutMs,
            onStoreError: (error, step, key) => {
                this.#observer.internal({ kind: 'store', step, error });
                if (options.onStoreError)
                    callQuietly(() => options.onStoreError(error, step, key));
            },
            onUnrecorded: ({ reason }) => this.#observer.internal({ kind: 'unrecorded', reason }),
        });
        this.path = options.path ?? GATEWAY_PATH;
        for (const op of Object.values(options.operations))
            this.#byMethod.set(op.method, op);
    }
    handle(request) {
        const trace = { requestId: newRequestId(), method: undefined, app: undefined, idempotency: 'none', code: 0, subCode: undefined };
        // Unobserved, the answer's promise is returned as it is: no turn of the event loop spent on the trace.
        return this.#observer.watchesRequests ? this.#observed(request, trace) : this.#handle(request, trace);
    }
    async #observed(request, trace) {
        const started = performance.now();
        const answer = await this.#handle(request, trace);
        this.#observer.request({
            requestId: trace.requestId,
            method: trace.method,
            app: trace.app,
            code: trace.code,
            subCode: trace.subCode,
            latencyMs: performance.now() - started,
            idempotency: trace.idempotency,
        });
        return answer;
    }
    async #handle(request, trace) {
        const { requestId } = trace;
        let fields;
        let files = NO_FILES;
        try {
            if (request.url.length > this.limits.maxUrlLength)
                throw new GatewayError(43, 'isv.url-too-long', `the request target is longer than ${this.limits.maxUrlLength} characters`);
            if (request.httpMethod !== 'GET' && request.httpMethod !== 'POST')
                throw new GatewayError(9, undefined, `HTTP ${request.httpMethod} is not allowed; use POST or GET`);
            fields = new Map();
            const q = request.url.indexOf('?');
            parseForm(q === -1 ? '' : request.url.slice(q + 1), fields, this.limits.maxParams);
            if (request.bodyTooLarge || request.body.length > this.limits.maxBodyBytes)
                throw new GatewayError(43, 'isv.body-too-large', `the body is larger than ${this.limits.maxBodyBytes} bytes`);
            const charset = charsetOf(request.contentType);
            if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
                throw new GatewayError(47, 'isv.invalid-encoding', `charset ${charset} is not supported; send UTF-8`);
            // Only a form body carries parameters; any other body is not read (as TOP).
            if (request.httpMethod === 'POST' && request.body.length > 0 && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.contentType ?? '')) {
                parseForm(decodeUtf8(request.body), fields, this.limits.maxParams);
            }
            else if (request.httpMethod === 'POST' && request.body.length > 0 && /^multipart\/form-data\s*;/i.test(request.contentType ?? '')) {
                // An upload: text parameters and file parts (files are not signed).
                const uploaded = new Map();
                files = uploaded;
                await parseMultipart(request.body, request.contentType, fields, uploaded, { maxParams: this.limits.maxParams, maxPartBytes: this.limits.maxBodyBytes });
            }
            const format = requestedFormat(fields, request);
            const formatParam = fields.get('format');
            if (isSendable(formatParam) && formatParam !== 'json' && formatParam !== 'xml')
                throw new GatewayError(23, undefined, `format must be json or xml; got ${formatParam}`);
            const simplify = format === 'json' && fields.get('simplify') === 'true';
            return this.#answer(format, simplify, requestId, await this.#call(fields, files, requestId, trace));
        }
        catch (error) {
            if (!GatewayError.is(error)) {
                const hidden = [fields?.get('session'), fields?.get('sign')].filter((v) => typeof v === 'string');
                this.#observer.internal({ kind: 'gateway', error, requestId }, hidden);
            }
            const failure = GatewayError.is(error) ? error : new GatewayError(15, 'isp.unknown-error', 'the gateway failed; try again later');
            trace.code = failure.code;
            trace.subCode = failure.subCode;
            return this.#error(requestedFormat(fields, request), requestId, failure);
        }
    }
    /** Answers `error` for `request` without reading it further (the adapter refused it: wrong path, say). */
    refuse(request, error) {
        let fields;
        try {
            fields = new Map();
            const q = request.url.indexOf('?');
            parseForm(q === -1 ? '' : request.url.slice(q + 1), fields, this.limits.maxParams);
        }
        catch {
            fields = undefined;
        }
        const requestId = newRequestId();
        const answer = this.#error(requestedFormat(fields, request), requestId, error);
        // A refused request is a request too: the hooks and the logger hear of it once, as of any other.
        if (this.#observer.watchesRequests) {
            const named = (name) => {
                const value = fields?.get(name);
                return isSendable(value) ? value : undefined;
            };
            this.#observer.request({ requestId, method: named('method'), app: named('app_key'), code: error.code, subCode: error.subCode, latencyMs: 0, idempotency: 'none' });
        }
        return answer;
    }
    /** Everything from the system parameters to the handler's answer, as {root, body}. */
    async #call(fields, files, requestId, trace) {
        const get = (name) => {
            const value = fields.get(name);
            return isSendable(value) ? value : undefined;
        };
        const method = get('method');
        trace.method = method;
        trace.app = get('app_key');
        if (!method)
            throw new GatewayError(21);
        const op = this.#byMethod.get(method);
        const handler = op ? this.#options.handlers[op.operationId] : undefined;
        if (!op || !handler)
            throw new GatewayError(22, undefined, `no API ${method} here`);
        const appKey = get('app_key');
        if (!appKey)
            throw new GatewayError(28);
        // Awaited only when it is a promise: a turn of the event loop saved for every call of an app list in memory.
        let secret = this.#options.apps(appKey);
        if (isThenable(secret))
            secret = await bounded(secret, this.#handlerTimeoutMs, 'isp.app-lookup-timeout', 'apps');
        if (!isSendable(secret))
            throw new GatewayError(29);
        const timestamp = get('timestamp');
        if (!timestamp)
            throw new GatewayError(30);
        const instant = parseTimestamp(timestamp);
        if (instant === undefined)
            throw new GatewayError(31, undefined, 'timestamp must be yyyy-MM-dd HH:mm:ss in GMT+8');
        const tolerance = this.#options.timestampToleranceMs ?? 10 * 60 * 1000;
        if (Math.abs((this.#options.clock ?? Date.now)() - instant) > tolerance)
            throw new GatewayError(31, undefined, `timestamp is more than ${Math.round(tolerance / 60000)} minutes from the gateway's clock`);
        const v = get('v');
        if (!v)
            throw new GatewayError(32);
        if (!/^\d+\.\d+$/.test(v))
            throw new GatewayError(33);
        if (v !== API_VERSION)
            throw new GatewayError(34, undefined, `version ${v} is not supported; use ${API_VERSION}`);
        const signMethod = get('sign_method');
        if (!signMethod || !SIGN_METHODS.includes(signMethod))
            throw new GatewayError(25, undefined, `sign_method must be one of ${SIGN_METHODS.join(', ')}`);
        const givenSign = get('sign');
        if (!givenSign)
            throw new GatewayError(24);
        const all = {};
        for (const [name, value] of fields)
            all[name] = value;
        if (!equalSignatures(givenSign, sign(all, secret, signMethod)))
            throw new GatewayError(25);
        const session = get('session');
        let user;
        if (op.session) {
            if (!session)
                throw new GatewayError(26);
            user = this.#options.verifySession ? this.#options.verifySession(session, { appKey, method }) : session;
            if (isThenable(user))
                user = await bounded(user, this.#handlerTimeoutMs, 'isp.session-check-timeout', 'verifySession');
            if (!user)
                throw new GatewayError(27);
        }
        const business = {};
        for (const [name, value] of fields)
            if (!SYSTEM_PARAMETER_SET.has(name))
                business[name] = value;
        // A key parameter sent blank is refused, not treated as absent: it would silently turn off deduplication.
        for (const path of op.idempotencyKey) {
            if (!path.includes('.') && Object.hasOwn(business, path) && isBlank(business[path]))
                throw blankKey(path);
        }
        const decoded = decodeParams(business, op.params, files.size ? Object.fromEntries(files) : undefined);
        if (decoded.problems.length) {
            const p = decoded.problems[0];
            throw new GatewayError(INVALID_PARAMETER, invalidSubCode(p.path), `${p.path} ${p.message}`);
        }
        if (!op.validateRequest(decoded.params)) {
            const errors = op.validateRequest.errors ?? [];
            const missing = errors.find(isMissing);
            const first = toFieldProblems(missing ? [missing] : errors.slice(0, 1))[0];
            throw missing
                ? new GatewayError(MISSING_PARAMETER, missingSubCode(first.path), `${first.path} is required`)
                : new GatewayError(INVALID_PARAMETER, invalidSubCode(first.path), `${first.path} ${first.message}`);
        }
        for (const path of op.idempotencyKey) {
            const value = valueAtPath(decoded.params, path);
            if (typeof value === 'string' && isBlank(value))
                throw blankKey(path);
        }
        const context = { appKey, method, requestId, session, user, idempotencyKey: idempotencyKeyOf(op, decoded.params) };
        const run = () => this.#runHandler(op, handler, decoded.params, context);
        const answer = context.idempotencyKey
            ? await this.#idempotent(op, appKey, context.idempotencyKey, fingerprintOf(op, decoded.params, op.session ? session : undefined), run, trace)
            : await runWithTimeout(run, this.#handlerTimeoutMs);
        return { op, ...answer };
    }
    /**
     * Runs the handler; returns its answer, and as JSON text (what the store
     * records and the JSON answer holds). A handler that answers at once is
     * answered at once (no promise: the idempotency engine then records it in
     * the same turn); one that returns a promise gets a promise. Failures are
     * thrown as GatewayError either way.
     */
    #runHandler(op, handler, params, context) {
        // From the handler's start (its synchronous part counts), for the slow report.
        const started = performance.now();
        let result;
        try {
            result = handler(params, context);
        }
        catch (error) {
            throw this.#handlerFailure(error, context);
        }
        // Only a handler still working (a promise) can become slow: no timer for one that answered at once.
        if (!isThenable(result))
            return this.#handlerAnswer(op, result, context);
        const slow = setTimeout(() => this.#observer.slow({ requestId: context.requestId, method: context.method, app: context.appKey, elapsedMs: performance.now() - started }), this.#options.slowHandlerMs ?? 5000);
        slow.unref?.();
        return Promise.resolve(result).then((value) => {
            clearTimeout(slow);
            return this.#handlerAnswer(op, value, context);
        }, (error) => {
            clearTimeout(slow);
            throw this.#handlerFailure(error, context);
        });
    }
    /** Tells onHandlerError; a throw or a rejection there changes no answer. */
    #reportHandlerError(error, context) {
        const report = this.#options.onHandlerError;
        if (report)
            callQuietly(() => report(error, context));
    }
    /** What a handler's exception is answered with: its own GatewayError, or 15 isp.service-error (reported, never shown). */
    #handlerFailure(error, context) {
        if (GatewayError.is(error))
            return error;
        this.#reportHandlerError(error, context);
        return new GatewayError(15, SERVICE_ERROR, 'the service failed');
    }
    /** A handler's answer checked against the spec and written as JSON text. */
    #handlerAnswer(op, result, context) {
        if (typeof result !== 'object' || result === null || Array.isArray(result)) {
            this.#reportHandlerError(new TypeError(`${op.operationId} handler returned ${result === null ? 'null' : typeof result}, not an object`), context);
            throw new GatewayError(15, INVALID_RESPONSE, 'the service gave no answer');
        }
        if ((this.#options.validateResponses ?? true) && !op.validateResponse(result)) {
            const problems = toFieldProblems(op.validateResponse.errors ?? []);
            this.#reportHandlerError(new TypeError(`${op.operationId} handler answer does not fit the spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`), context);
            throw new GatewayError(15, INVALID_RESPONSE, 'the service gave an answer that does not fit its specification');
        }
        // request_id is the gateway's to write; a handler's own is dropped (copying only then).
        let body = result;
        if (Object.hasOwn(body, 'request_id')) {
            const { request_id: _dropped, ...rest } = body;
            body = rest;
        }
        return { body, text: stringifyJson(body, op.response) };
    }
    async #idempotent(op, appKey, key, fingerprint, run, trace) {
        const { outcome, path } = await this.#engine.run(storeKeyOf(appKey, op.method, key), fingerprint, key, () => {
            const answer = run();
            return isThenable(answer) ? answer.then(produced) : produced(answer);
        });
        trace.idempotency = path;
        if (outcome.kind === 'error')
            throw outcome.error;
        return outcome.value ?? replayedAnswer(op, outcome.text);
    }
    #answer(format, simplify, requestId, { op, body, text }) {
        if (format === 'xml')
            return { status: 200, headers: { 'content-type': XML_TYPE }, body: toXmlDocument(op.responseRoot, { ...body, request_id: requestId }, op.response) };
        // TOP wraps every list in its item element (`"trades":{"trade":[…]}`) unless simplify=true.
        const json = simplify || !holdsList(op.response) ? text : stringifyJson(toWire(body, op.response));
        // The answer's JSON text with request_id appended (request_id is the last field, as TOP writes it).
        const inner = `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"request_id":${JSON.stringify(requestId)}}`;
        return { status: 200, headers: { 'content-type': JSON_TYPE }, body: simplify ? inner : `{${quotedRoot(op.responseRoot)}:${inner}}` };
    }
    #error(format, requestId, error) {
        const body = { code: error.code, msg: error.msg };
        if (error.subCode)
            body.sub_code = error.subCode;
        if (error.subMsg)
            body.sub_msg = error.subMsg;
        body.request_id = requestId;
        if (format === 'xml')
            return { status: 200, headers: { 'content-type': XML_TYPE }, body: toXmlDocument(ERROR_ROOT, body) };
        return { status: 200, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ [ERROR_ROOT]: body }) };
    }
}
/** Longest store key kept as its text; a longer one is kept as its SHA-256. */
const MAX_PLAIN_STORE_KEY = 256;
/**
 * Where a key's state lives: app, method, the key's field path and its value,
 * as a JSON array, so no two different tuples give the same text and a value
 * of one field never meets the same value of another field. A longer text (a
 * key value may be as long as the body) is kept as `sha256:` and its hash, so
 * a store entry costs the same whatever the caller sent: the store keeps it a
 * day and the memory store counts entries, not bytes. JSON.stringify escapes
 * lone surrogates, so the hashed UTF-8 is the text; no JSON array begins `sha256:`.
 */
export function storeKeyOf(appKey, method, key) {
    const text = JSON.stringify([appKey, method, key.path, key.value]);
    return text.length <= MAX_PLAIN_STORE_KEY ? text : `sha256:${sha256Hex(text)}`;
}
// An operation's parameters in the spec's order, listed once per operation.
const paramEntriesByOp = new WeakMap();
function paramEntries(op) {
    let entries = paramEntriesByOp.get(op);
    if (!entries) {
        entries = Object.entries(op.params);
        paramEntriesByOp.set(op, entries);
    }
    return entries;
}
/**
 * The call's fingerprint: SHA-256 of a JSON array of [name, wire text] pairs,
 * the business parameters in the spec's order. JSON escapes every separator,
 * so no two different parameter sets share an encoding. An API that acts for
 * a user (its `session`, given for those only) has the session first: the
 * same key and parameters sent for another user's session are a conflict,
 * never a replay of the first user's answer (a replay runs no handler, so it
 * would skip the handler's own check that the order is that user's). No
 * business parameter is named `session` (a system parameter), so the pair is
 * unambiguous.
 */
export function fingerprintOf(op, params, session) {
    const pairs = session === undefined ? [] : [['session', session]];
    for (const [name, spec] of paramEntries(op)) {
        const value = params[name];
        if (value === undefined)
            continue;
        // A file counts by its name, type and bytes (files are not in the form).
        if (spec.encoding === 'file') {
            const file = value;
            pairs.push([name, `file:${createHash('sha256').update(file.filename).update('\n').update(file.contentType).update('\n').update(file.data).digest('hex')}`]);
        }
        else
            pairs.push([name, encodeParam(value, spec)]);
    }
    return sha256Hex(JSON.stringify(pairs));
}
// crypto.hash (Node 20.12+) hashes a string in one call, several times faster
// than createHash for a short text; runtimes without it use createHash.
const oneShotHash = crypto.hash;
function sha256Hex(text) {
    return oneShotHash ? oneShotHash('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}
/**
 * What the idempotency engine records of an answer: its JSON text, and the
 * answer itself for this call. JSON leaves a null field out, XML writes it as
 * an empty element: the paths of null fields follow the text after a newline
 * (which compact JSON text never holds), so a replay in XML shows them too.
 */
const produced = (answer) => {
    const nulls = nullFields(answer.body);
    return { text: nulls === undefined ? answer.text : `${answer.text}\n${JSON.stringify(nulls)}`, value: answer };
};
/** The paths (keys and list indexes) of an answer's null object fields, or undefined when there are none (most answers). */
function nullFields(value, path = [], found) {
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const item = value[i];
            if (typeof item !== 'object' || item === null)
                continue;
            path.push(i);
            found = nullFields(item, path, found);
            path.pop();
        }
        return found;
    }
    for (const key in value) {
        if (!Object.hasOwn(value, key))
            continue;
        const field = value[key];
        if (field === null) {
            found ??= [];
            found.push([...path, key]);
        }
        else if (typeof field === 'object') {
            path.push(key);
            found = nullFields(field, path, found);
            path.pop();
        }
    }
    return found;
}
/** An answer replayed from its recorded text: XML needs it as an object, with its null fields back. */
function replayedAnswer(op, recorded) {
    const newline = recorded.indexOf('\n');
    const text = newline === -1 ? recorded : recorded.slice(0, newline);
    const body = reviveInt64(parseJson(text), op.response);
    if (newline !== -1) {
        for (const path of JSON.parse(recorded.slice(newline + 1))) {
            let node = body;
            for (const step of path.slice(0, -1))
                node = typeof node === 'object' && node !== null ? node[step] : undefined;
            // Defined, not assigned: a field named __proto__ is a field here too.
            if (typeof node === 'object' && node !== null)
                Object.defineProperty(node, path.at(-1), { value: null, writable: true, enumerable: true, configurable: true });
        }
    }
    return { body, text };
}
// Blank: nothing but white space (JavaScript's \s covers U+3000 and U+FEFF) or zero-width characters.
const BLANK = /^(?:\s|\u200b|\u200c|\u200d|\u2060)*$/;
function isBlank(value) {
    return BLANK.test(value);
}
const blankKey = (path) => new GatewayError(INVALID_PARAMETER, invalidSubCode(path), `${path} is the idempotency key and must not be blank`);
/** The charset parameter of a Content-Type, lower-cased, if any. */
function charsetOf(contentType) {
    if (!contentType)
        return undefined;
    const m = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
    return m ? m[1].toLowerCase() : undefined;
}
/**
 * An async `apps` or `verifySession` answer, within `ms` (handlerTimeoutMs):
 * one that never settles would hold the request open for good (the server's
 * request timeout ends once the request is read).
 */
function bounded(lookup, ms, subCode, name) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new GatewayError(15, subCode, `${name} did not answer within ${ms} ms; try again later`)), ms);
    });
    return Promise.race([lookup, late]).finally(() => clearTimeout(timer));
}
