import { type OperationDescriptor } from '../common/operation.ts';
import { type IdempotencyStore } from './idempotency.ts';
import { type StoreStep } from './idempotency-engine.ts';
import { type GatewayHooks, type GatewayLogger } from './observability.ts';
import { GatewayError } from './platform-errors.ts';
/** What a handler learns about the call besides its business parameters. */
export interface HandlerContext {
    appKey: string;
    method: string;
    /** The gateway's id of this request, also in the answer. */
    requestId: string;
    /** The session, when the call carried one. */
    session: string | undefined;
    /** What `verifySession` returned for it (the user), when it was checked. */
    user: unknown;
    /** The idempotency key's path and value, when the call has one. */
    idempotencyKey: {
        path: string;
        value: string;
    } | undefined;
}
export type Handler = (params: never, context: HandlerContext) => unknown;
export interface GatewayLimits {
    /** Largest request body read, in bytes; default 1 MiB. */
    maxBodyBytes: number;
    /** Most parameters (query and body together); default 256. */
    maxParams: number;
    /** Longest request target (path and query), in characters; default 8192. */
    maxUrlLength: number;
}
export declare const DEFAULT_LIMITS: GatewayLimits;
export interface GatewayCoreOptions {
    operations: Readonly<Record<string, OperationDescriptor>>;
    /** The secret of an app key, or undefined when the key is unknown (code 29). May be async (a database). */
    apps: (appKey: string) => string | undefined | null | Promise<string | undefined | null>;
    /** The user a session belongs to, or a falsy value when it is expired or unknown (code 27). */
    verifySession?: (session: string, call: {
        appKey: string;
        method: string;
    }) => unknown;
    handlers: Readonly<Record<string, Handler | undefined>>;
    idempotencyStore?: IdempotencyStore;
    /** How long a recorded outcome (answer or error answer) is replayed; default 24 h. */
    idempotencyTtlMs?: number;
    /** How long a duplicate waits for the first call's outcome before 15 `isp.idempotent-request-pending`; default 20 s. */
    idempotencyWaitMs?: number;
    /** A claim's lease: how long a key stays claimed after its process stops renewing it (renewed every third while the handler runs); default 30 s. */
    idempotencyLeaseMs?: number;
    /** Longest wait for one idempotency store call before 15 `isp.idempotency-store-unavailable`; default 5 s. */
    idempotencyStoreTimeoutMs?: number;
    /** How long a caller waits for its handler before 15 `isp.handler-timeout` (the handler runs on and its outcome is still recorded), and for an async `apps` or `verifySession` (15 `isp.app-lookup-timeout`, `isp.session-check-timeout`); default 20 s. */
    handlerTimeoutMs?: number;
    /** Told about every idempotency store failure or stall (step: claim, renew, complete, release, get). */
    onStoreError?: (error: unknown, step: StoreStep, key: string) => void;
    /** The path the node:http listener answers; any other answers 22 `isv.invalid-path`. Default {@link GATEWAY_PATH}, TOP's. */
    path?: string;
    /** Told about every request's outcome, internal errors (store failures included) and slow handlers. */
    hooks?: GatewayHooks;
    /** pino or console: one line per request, internal error and slow handler; never secrets, signatures, sessions or parameters. */
    logger?: GatewayLogger;
    /** A handler still running after this long is reported through `hooks.onSlowHandler` (and the logger); default 5 s. */
    slowHandlerMs?: number;
    limits?: Partial<GatewayLimits>;
    /** The clock for the timestamp check; default Date.now. */
    clock?: () => number;
    /** Allowed difference between the caller's timestamp and the clock; default 10 minutes. */
    timestampToleranceMs?: number;
    /** Check every handler answer against the spec (code 15 when it does not fit); default true. */
    validateResponses?: boolean;
    /** Told about every handler failure answered as an isp error (the answer never carries a stack trace). */
    onHandlerError?: (error: unknown, context: HandlerContext) => void;
}
export interface GatewayRequest {
    httpMethod: string;
    /** The request target: path and query string. */
    url: string;
    contentType: string | undefined;
    body: Uint8Array;
    /** Set by an adapter that stopped reading a body past limits.maxBodyBytes. */
    bodyTooLarge?: boolean;
}
export interface GatewayAnswer {
    status: 200;
    headers: Record<string, string>;
    body: string;
}
export declare function newRequestId(): string;
/**
 * Compares a given signature with the expected one (upper-case hex) in time
 * that depends only on their lengths: every character is compared, the
 * differences OR-ed together, no early exit. A length difference reveals only
 * the sign method's length. (Plain code, not timingSafeEqual: two Buffers a
 * request cost more than the whole comparison.)
 */
export declare function equalSignatures(given: string, expected: string): boolean;
export declare class GatewayCore {
    #private;
    readonly limits: GatewayLimits;
    /** The path the node:http listener answers. */
    readonly path: string;
    constructor(options: GatewayCoreOptions);
    handle(request: GatewayRequest): Promise<GatewayAnswer>;
    /** Answers `error` for `request` without reading it further (the adapter refused it: wrong path, say). */
    refuse(request: GatewayRequest, error: GatewayError): GatewayAnswer;
}
/**
 * Where a key's state lives: app, method, the key's field path and its value,
 * as a JSON array, so no two different tuples give the same text and a value
 * of one field never meets the same value of another field. A longer text (a
 * key value may be as long as the body) is kept as `sha256:` and its hash, so
 * a store entry costs the same whatever the caller sent: the store keeps it a
 * day and the memory store counts entries, not bytes. JSON.stringify escapes
 * lone surrogates, so the hashed UTF-8 is the text; no JSON array begins `sha256:`.
 */
export declare function storeKeyOf(appKey: string, method: string, key: {
    path: string;
    value: string;
}): string;
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
export declare function fingerprintOf(op: OperationDescriptor, params: Record<string, unknown>, session?: string): string;
