import type { FieldProblem } from '../common/validation.ts';
export type { FieldProblem };
/** Base of every error this client throws. */
export declare class TopClientError extends Error {
    readonly method: string;
    name: string;
    constructor(message: string, method: string, options?: ErrorOptions);
}
/** The gateway answered `error_response`. */
export declare class TopError extends TopClientError {
    readonly code: number;
    readonly msg: string;
    readonly subCode: string | undefined;
    readonly subMsg: string | undefined;
    readonly requestId: string | undefined;
    name: string;
    constructor(method: string, code: number, msg: string, subCode: string | undefined, subMsg: string | undefined, requestId: string | undefined);
    /**
     * Whether TOP says to try again later (with the same idempotency key). The
     * sub_code decides (top-protocol.md §6): `isp.*` is a platform failure, yes;
     * `isv.*` is the caller's fault, never, whatever the code (15 and 50 carry
     * `isv.*` too). Code 7 (call limit) is retryable after `retryAfterMs`. An
     * answer without a sub_code is retryable for 10 (service unavailable) and
     * 15 (remote service error), as a platform failure.
     */
    get isRetryable(): boolean;
    /**
     * For code 7 (App Call Limited), how long TOP says the ban lasts, from its
     * sub_msg ("This ban will last for 3 more seconds"): wait this long before
     * retrying. Undefined when the answer names no wait.
     */
    get retryAfterMs(): number | undefined;
}
/** The request was refused before any network I/O: the fields named are missing, of the wrong type or cannot be encoded. */
export declare class TopValidationError extends TopClientError {
    readonly problems: readonly FieldProblem[];
    name: string;
    constructor(method: string, problems: readonly FieldProblem[]);
}
/**
 * The request could not be completed over the network. `reachedGateway` is
 * false only when it provably never left this host (connection refused, name
 * not resolved); otherwise the gateway may have acted on it.
 */
export declare class TopNetworkError extends TopClientError {
    readonly reachedGateway: boolean;
    readonly code: string | undefined;
    name: string;
    constructor(method: string, reachedGateway: boolean, code: string | undefined, options?: ErrorOptions);
}
/** No answer within the call's timeout. The gateway may have acted on the request. */
export declare class TopTimeoutError extends TopClientError {
    readonly timeoutMs: number;
    name: string;
    constructor(method: string, timeoutMs: number);
}
/** The caller's AbortSignal fired. The gateway may have acted on the request if it was already sent. */
export declare class TopAbortError extends TopClientError {
    readonly reason: unknown;
    name: string;
    constructor(method: string, reason: unknown);
}
/** The gateway answered, but not with a TOP envelope this client can read (HTTP status, not JSON, no root, or a body that fails its schema). */
export declare class TopDecodeError extends TopClientError {
    readonly status: number;
    readonly body: string;
    name: string;
    constructor(method: string, detail: string, status: number, body: string, options?: ErrorOptions);
}
