import http from 'node:http';
export interface HttpAnswer {
    status: number;
    contentType: string | undefined;
    body: string;
}
export interface Exchange {
    url: URL;
    /** Form-encoded system parameters, sent in the query string. */
    query: string;
    /** Form-encoded business parameters, sent as the body; or, for an upload, multipart bytes with their `contentType`. */
    body: string | Uint8Array;
    /** The body's content type when it is not a form (multipart/form-data; boundary=…). */
    contentType?: string | undefined;
    method: string;
    timeoutMs: number;
    signal?: AbortSignal | undefined;
    maxResponseBytes: number;
    agent: http.Agent;
}
export declare function createAgent(url: URL): http.Agent;
export declare function exchange(x: Exchange): Promise<HttpAnswer>;
