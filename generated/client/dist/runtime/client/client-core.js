import { TopAbortError, TopClientError, TopDecodeError, TopError, TopNetworkError, TopValidationError } from "./errors.js";
import { encodeForm } from "../common/form.js";
import { parseJson } from "../common/json.js";
import { encodeParams } from "../common/params.js";
import { reviveInt64 } from "../common/shape.js";
import { isSendable, sign, SIGN_METHODS } from "../common/sign.js";
import { formatTimestamp } from "../common/timestamp.js";
import { createAgent, exchange } from "./transport.js";
import { toFieldProblems } from "../common/validation.js";
export const PRODUCTION_GATEWAY = 'https://eco.taobao.com/router/rest';
export const SANDBOX_GATEWAY = 'https://gw.api.tbsandbox.com/router/rest';
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
            v: '2.0',
            sign_method: this.signMethod,
            format: 'json',
        };
        if (isSendable(session))
            system.session = session;
        if (isSendable(this.#options.partnerId))
            system.partner_id = this.#options.partnerId;
        if (isSendable(this.#options.targetAppKey))
            system.target_app_key = this.#options.targetAppKey;
        for (const name of Object.keys(encoded.fields)) {
            if (Object.hasOwn(system, name))
                throw new TopValidationError(op.method, [{ path: name, message: 'collides with a TOP system parameter' }]);
        }
        system.sign = sign({ ...system, ...encoded.fields }, this.#options.appSecret, this.signMethod);
        return { query: encodeForm(system), body: encodeForm(encoded.fields) };
    }
    async invoke(op, params, options = {}) {
        const { query, body } = this.prepare(op, params, options);
        const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
        const retries = Math.max(0, this.#options.retries ?? 2);
        for (let attempt = 0;; attempt++) {
            try {
                // A retry sends the very same bytes: same timestamp, same sign, same
                // idempotency key. It only happens when no byte left this host.
                const answer = await exchange({
                    url: this.url, query, body, method: op.method, timeoutMs, signal: options.signal,
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
    decode(op, status, text) {
        if (status !== 200)
            throw new TopDecodeError(op.method, `HTTP status ${status}`, status, text);
        let parsed;
        try {
            parsed = parseJson(text);
        }
        catch (error) {
            throw new TopDecodeError(op.method, `not JSON (${error.message})`, status, text, { cause: error });
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
            throw new TopDecodeError(op.method, 'not a JSON object', status, text);
        const envelope = parsed;
        const failure = envelope.error_response;
        if (failure !== undefined) {
            const e = (typeof failure === 'object' && failure !== null ? failure : {});
            const code = typeof e.code === 'number' ? e.code : typeof e.code === 'string' && /^\d+$/.test(e.code) ? Number(e.code) : Number.NaN;
            if (!Number.isInteger(code))
                throw new TopDecodeError(op.method, 'error_response without a numeric code', status, text);
            const str = (v) => (typeof v === 'string' ? v : undefined);
            throw new TopError(op.method, code, str(e.msg) ?? '', str(e.sub_code), str(e.sub_msg), str(e.request_id));
        }
        const inner = envelope[op.responseRoot];
        if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) {
            throw new TopDecodeError(op.method, `no \`${op.responseRoot}\` object in the answer`, status, text);
        }
        reviveInt64(inner, op.response);
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
