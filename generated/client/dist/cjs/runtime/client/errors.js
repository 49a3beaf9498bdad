"use strict";
// Copied from runtime/client/errors.ts by the TOP generator: edit that file, then regenerate.
// Every way a TOP call can fail, each its own class so callers can tell them
// apart with instanceof, and each naming the TOP method it was for.
Object.defineProperty(exports, "__esModule", { value: true });
exports.TopDecodeError = exports.TopAbortError = exports.TopTimeoutError = exports.TopNetworkError = exports.TopValidationError = exports.TopError = exports.TopClientError = void 0;
/** Base of every error this client throws. */
class TopClientError extends Error {
    method;
    name = 'TopClientError';
    constructor(message, method, options) {
        super(message, options);
        this.method = method;
    }
}
exports.TopClientError = TopClientError;
/** The gateway answered `error_response`. */
class TopError extends TopClientError {
    code;
    msg;
    subCode;
    subMsg;
    requestId;
    name = 'TopError';
    constructor(method, code, msg, subCode, subMsg, requestId) {
        super(`${method}: TOP error ${code} ${msg}${subCode ? ` (${subCode}${subMsg ? `: ${subMsg}` : ''})` : ''}${requestId ? ` [request_id ${requestId}]` : ''}`, method);
        this.code = code;
        this.msg = msg;
        this.subCode = subCode;
        this.subMsg = subMsg;
        this.requestId = requestId;
    }
    /**
     * Whether TOP says to try again later (with the same idempotency key). The
     * sub_code decides (top-protocol.md §6): `isp.*` is a platform failure, yes;
     * `isv.*` is the caller's fault, never, whatever the code (15 and 50 carry
     * `isv.*` too). Code 7 (call limit) is retryable after `retryAfterMs`. An
     * answer without a sub_code is retryable for 10 (service unavailable) and
     * 15 (remote service error), as a platform failure.
     */
    get isRetryable() {
        const sub = this.subCode ?? '';
        if (sub.startsWith('isv.'))
            return false;
        if (sub.startsWith('isp.'))
            return true;
        if (this.code === 7)
            return true;
        return sub === '' && (this.code === 10 || this.code === 15);
    }
    /**
     * For code 7 (App Call Limited), how long TOP says the ban lasts, from its
     * sub_msg ("This ban will last for 3 more seconds"): wait this long before
     * retrying. Undefined when the answer names no wait.
     */
    get retryAfterMs() {
        if (this.code !== 7 || this.subCode?.startsWith('isv.'))
            return undefined;
        const match = /(\d+(?:\.\d+)?)\s*(?:more\s+)?(?:seconds?|secs?|s\b|秒)/i.exec(this.subMsg ?? '');
        if (!match)
            return undefined;
        const ms = Math.ceil(Number(match[1]) * 1000);
        return Number.isFinite(ms) ? ms : undefined;
    }
}
exports.TopError = TopError;
/** The request was refused before any network I/O: the fields named are missing, of the wrong type or cannot be encoded. */
class TopValidationError extends TopClientError {
    problems;
    name = 'TopValidationError';
    constructor(method, problems) {
        super(`${method}: invalid request: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, method);
        this.problems = problems;
    }
}
exports.TopValidationError = TopValidationError;
/**
 * The request could not be completed over the network. `reachedGateway` is
 * false only when it provably never left this host (connection refused, name
 * not resolved); otherwise the gateway may have acted on it.
 */
class TopNetworkError extends TopClientError {
    reachedGateway;
    code;
    name = 'TopNetworkError';
    constructor(method, reachedGateway, code, options) {
        super(`${method}: network error${code ? ` ${code}` : ''}${reachedGateway ? ' (the request may have reached the gateway)' : ' (the request never reached the gateway)'}`, method, options);
        this.reachedGateway = reachedGateway;
        this.code = code;
    }
}
exports.TopNetworkError = TopNetworkError;
/** No answer within the call's timeout. The gateway may have acted on the request. */
class TopTimeoutError extends TopClientError {
    timeoutMs;
    name = 'TopTimeoutError';
    constructor(method, timeoutMs) {
        super(`${method}: no answer within ${timeoutMs} ms (the request may have reached the gateway)`, method);
        this.timeoutMs = timeoutMs;
    }
}
exports.TopTimeoutError = TopTimeoutError;
/** The caller's AbortSignal fired. The gateway may have acted on the request if it was already sent. */
class TopAbortError extends TopClientError {
    reason;
    name = 'TopAbortError';
    constructor(method, reason) {
        super(`${method}: aborted`, method, { cause: reason });
        this.reason = reason;
    }
}
exports.TopAbortError = TopAbortError;
/** The gateway answered, but not with a TOP envelope this client can read (HTTP status, not JSON, no root, or a body that fails its schema). */
class TopDecodeError extends TopClientError {
    status;
    body;
    name = 'TopDecodeError';
    constructor(method, detail, status, body, options) {
        super(`${method}: undecodable answer: ${detail} (HTTP ${status}, body ${JSON.stringify(body.slice(0, 200))}${body.length > 200 ? '…' : ''})`, method, options);
        this.status = status;
        this.body = body;
    }
}
exports.TopDecodeError = TopDecodeError;
