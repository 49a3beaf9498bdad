import type http from 'node:http';
import { TopClientError } from './errors.ts';
import { encodeParams } from '../common/params.ts';
import type { OperationDescriptor } from '../common/operation.ts';
import { PRODUCTION_GATEWAY, SANDBOX_GATEWAY } from '../common/protocol.ts';
import { type SignMethod } from '../common/sign.ts';
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
export declare class ClientCore {
    #private;
    readonly url: URL;
    readonly signMethod: SignMethod;
    constructor(options: TopClientOptions);
    /** Validates, encodes and signs a call: the exact bytes that would be sent. */
    prepare(op: OperationDescriptor, params: unknown, options?: CallOptions): {
        query: string;
        body: string;
        fields: Record<string, string>;
        files: ReturnType<typeof encodeParams>['files'];
    };
    invoke(op: OperationDescriptor, params: unknown, options?: CallOptions): Promise<unknown>;
    /** Unwraps the `<root>_response` envelope, or throws the error it holds. */
    decode(op: OperationDescriptor, status: number, text: string, simplified?: boolean): unknown;
    /** Closes idle keep-alive connections (lets a process exit promptly). */
    close(): void;
}
export { TopClientError };
