import type { OperationDescriptor } from '../common/operation.ts';
import { PRODUCTION_GATEWAY, SANDBOX_GATEWAY } from '../common/protocol.ts';
import { type SignMethod } from '../common/sign.ts';
import { TopClientError } from './errors.ts';
import { type ClientHooks } from './hooks.ts';
import { type Transport } from './transport.ts';
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
    agent?: {
        destroy(): void;
    } | undefined;
    /** Called before each attempt, after each answer and on each failure; secrets and signatures redacted. */
    hooks?: ClientHooks | undefined;
}
/** Makes the transport a client uses when none is given. */
export type DefaultTransport = (options: TopClientOptions) => Transport;
/**
 * Sets the transport a client gets when its options name none. The package's
 * Node entry sets node:http; nothing else needs to call this.
 */
export declare function setDefaultTransport(make: DefaultTransport): void;
export interface CallOptions {
    session?: string | undefined;
    timeoutMs?: number | undefined;
    signal?: AbortSignal | undefined;
    /** Override the client's validateRequests for this call. */
    validate?: boolean | undefined;
}
export declare class ClientCore {
    #private;
    readonly url: URL;
    readonly signMethod: SignMethod;
    readonly transport: Transport;
    constructor(options: TopClientOptions);
    /**
     * Validates, encodes and signs a call: the exact bytes that would be sent.
     * Synchronous signing needs node:crypto for hmac-sha256 (Node, Bun, Deno);
     * `prepareAsync` works everywhere.
     */
    prepare(op: OperationDescriptor, params: unknown, options?: CallOptions): {
        query: string;
        body: string;
    };
    /** `prepare` on any runtime: signs through node:crypto, or WebCrypto and the bundled MD5. */
    prepareAsync(op: OperationDescriptor, params: unknown, options?: CallOptions): Promise<Prepared>;
    invoke(op: OperationDescriptor, params: unknown, options?: CallOptions): Promise<unknown>;
    /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
    decode(op: OperationDescriptor, status: number, text: string, simplified?: boolean): unknown;
    /** Closes idle keep-alive connections (lets a process exit promptly). */
    close(): void;
}
/** A call ready to send: what is signed and how the body travels (`bytes` for an upload). */
export interface Prepared {
    query: string;
    body: string;
    system: Record<string, string>;
    contentType: string;
    bytes?: Uint8Array;
}
export { TopClientError };
