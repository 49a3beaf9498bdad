import type { TopClientError } from './errors.ts';
/** What every event says about the attempt. */
export interface CallEvent {
    /** The TOP method, e.g. `alibaba.cloudgame.tradeplatform.payorder`. */
    method: string;
    /**
     * 1 for the first attempt; a retry (only of a provably unsent request)
     * counts up. 0 in onError for a call refused before sending (validation).
     */
    attempt: number;
    /** The transport's name: `node:http`, `fetch` or a custom one. */
    transport: string;
    /** The URL sent to, `sign` and `session` redacted. */
    url: string;
    /** The system parameters (method, app_key, timestamp, sign_method…), `sign` and `session` redacted. */
    system: Readonly<Record<string, string>>;
    /** Size of the business-parameter body in bytes (its content is not passed: it is the caller's data). */
    bodyBytes: number;
}
export interface AnswerEvent extends CallEvent {
    /** HTTP status. */
    status: number;
    latencyMs: number;
    requestId?: string | undefined;
    /** Set when the answer was an `error_response`. */
    code?: number | undefined;
    subCode?: string | undefined;
}
export interface ErrorEvent extends CallEvent {
    error: TopClientError;
    latencyMs: number;
    /** True only when the request provably never left and will be sent again. */
    willRetry: boolean;
}
export interface ClientHooks {
    /** Before each attempt is handed to the transport. */
    beforeSend?(event: CallEvent): void;
    /** After each HTTP answer was decoded (success or `error_response`). */
    afterAnswer?(event: AnswerEvent): void;
    /** On each failure: refused before sending (attempt 0), network, timeout, abort, undecodable answer or `error_response`. */
    onError?(event: ErrorEvent): void;
}
type EventOf<K extends keyof ClientHooks> = Parameters<NonNullable<ClientHooks[K]>>[0];
export declare function callHooks<K extends keyof ClientHooks>(hooks: ClientHooks | undefined, name: K, event: EventOf<K>): void;
/** A URL with the values of `sign` and `session` replaced. */
export declare function redactedUrl(url: string): string;
export {};
