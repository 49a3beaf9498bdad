import { type OperationDescriptor } from '../common/operation.ts';
import { type IdempotencyStore } from './idempotency.ts';
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
    /** How long a recorded answer is replayed; default 24 h. */
    idempotencyTtlMs?: number;
    /** How long a duplicate waits for the first call's answer; default 30 s. */
    idempotencyWaitMs?: number;
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
export declare class GatewayCore {
    #private;
    readonly limits: GatewayLimits;
    constructor(options: GatewayCoreOptions);
    handle(request: GatewayRequest): Promise<GatewayAnswer>;
}
