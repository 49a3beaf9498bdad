import { TopAbortError, TopClientError, TopDecodeError, TopError, TopNetworkError, TopValidationError } from "./errors.js";
import { encodeForm } from "../common/form.js";
import { parseJson } from "../common/json.js";
import { encodeMultipart, readFile } from "../common/multipart.js";
import { encodeParams } from "../common/params.js";
import { API_VERSION, ERROR_ROOT, PRODUCTION_GATEWAY, SANDBOX_GATEWAY, SYSTEM_PARAMETER_SET } from "../common/protocol.js";
import { fromWire } from "../common/shape.js";
import { readXml } from "../common/xml-read.js";
import { isSendable, sign, SIGN_METHODS } from "../common/sign.js";
import { formatTimestamp } from "../common/timestamp.js";
import { createAgent, exchange } from "./transport.js";
import { toFieldProblems } from "../common/validation.js";
export { PRODUCTION_GATEWAY, SANDBOX_GATEWAY };
const sleep = (ms, signal) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});
export class ClientCore {
    url;
    signMethod;
    #options;
    #agent;
    constructor(options) {
        if (!options || typeof options !== 'object')
            throw new TypeError('TopClient: options are required');
        for (const key of ['appKey', 'appSecret']) {
            if (typeof options[key] !== 'string' || options[key].trim() === '')
                throw new TypeError(`TopClient: options.${key} must be a non-empty string`);
        }
        this.signMethod = options.signMethod ?? 'hmac-sha256';
        if (!SIGN_METHODS.includes(this.signMethod))
            throw new TypeError(`TopClient: options.signMethod must be one of ${SIGN_METHODS.join(', ')}; got ${String(options.signMethod)}`);
        try {
            this.url = new URL(options.gateway ?? PRODUCTION_GATEWAY);
        }
        catch {
            throw new TypeError(`TopClient: options.gateway is not a URL: ${String(options.gateway)}`);
        }
        if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:')
            throw new TypeError(`TopClient: options.gateway must be http or https; got ${this.url.protocol}`);
        this.#options = options;
        this.#agent = options.agent ?? createAgent(this.url);
    }
    /** Validates, encodes and signs a call: the exact bytes that would be sent. */
    prepare(op, params, options = {}) {
        const problems = [];
        if (typeof params !== 'object' || params === null || Array.isArray(params)) {
            throw new TopValidationError(op.method, [{ path: '(root)', message: 'business parameters must be an object' }]);
        }
        const session = options.session ?? this.#options.session;
        if (op.session && !isSendable(session)) {
            problems.push({ path: 'session', message: 'this API acts for a user and needs a session (options.session or the client\'s session)' });
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
        // Files are not signed (top-protocol.md §7): only the text parameters are.
        system.sign = sign({ ...system, ...encoded.fields }, this.#options.appSecret, this.signMethod);
        return { query: encodeForm(system), body: encodeForm(encoded.fields), fields: encoded.fields, files: encoded.files };
    }
    /** An upload's body: every text parameter and each file as a multipart part. */
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
    async invoke(op, params, options = {}) {
        const prepared = this.prepare(op, params, options);
        const { query } = prepared;
        let body = prepared.body;
        let contentType;
        if (Object.keys(prepared.files).length > 0)
            ({ body, contentType } = await this.#multipart(op, prepared.fields, prepared.files));
        const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
        const retries = Math.max(0, this.#options.retries ?? 2);
        for (let attempt = 0;; attempt++) {
            try {
                // A retry sends the very same bytes: same timestamp, same sign, same
                // idempotency key. It only happens when no byte left this host.
                const answer = await exchange({
                    url: this.url, query, body, contentType, method: op.method, timeoutMs, signal: options.signal,
                    maxResponseBytes: this.#options.maxResponseBytes ?? 10 * 1024 * 1024, agent: this.#agent,
                });
                return this.decode(op, answer.status, answer.body);
            }
            catch (error) {
                if (!(error instanceof TopNetworkError) || error.reachedGateway || attempt >= retries || options.signal?.aborted)
                    throw error;
                await sleep((this.#options.retryDelayMs ?? 100) * (attempt + 1), options.signal);
                if (options.signal?.aborted)
                    throw new TopAbortError(op.method, options.signal.reason);
            }
        }
    }
    /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
    decode(op, status, text, simplified = this.#options.simplify === true) {
        if (status !== 200)
            throw new TopDecodeError(op.method, `HTTP status ${status}`, status, text);
        let parsed;
        const xml = /^\s*<(\?xml|[A-Za-z_][\w.-]*_response[\s>])/.test(text);
        try {
            // TOP answers JSON to this client (format=json); XML is read too, for a gateway that ignores format.
            parsed = xml ? readXml(text) : parseJson(text);
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
        fromWire(inner, op.response, xml);
        if (this.#options.validateResponses && !op.validateResponse(inner)) {
            const problems = toFieldProblems(op.validateResponse.errors ?? [], op.responseRoot);
            throw new TopDecodeError(op.method, `answer does not fit the spec: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, status, text);
        }
        return inner;
    }
    /** Closes idle keep-alive connections (lets a process exit promptly). */
    close() {
        this.#agent.destroy();
    }
}
export { TopClientError };
