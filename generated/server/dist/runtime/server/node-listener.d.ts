import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { GatewayCore } from './gateway-core.ts';
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
export declare function nodeListener(core: GatewayCore): RequestListener;
export interface GatewayServerTimeouts {
    /** Longest time to receive a request's headers; default 10 s (node's own default is 60 s). */
    headersTimeoutMs?: number;
    /** Longest time to receive a whole request, headers and body; default 30 s. */
    requestTimeoutMs?: number;
    /** How long an idle keep-alive connection stays open; default 5 s. */
    keepAliveTimeoutMs?: number;
    /** Most requests on one connection; default 1000. */
    maxRequestsPerSocket?: number;
}
export declare const DEFAULT_SERVER_TIMEOUTS: Required<GatewayServerTimeouts>;
/**
 * A node:http server for the gateway with timeouts set: a client that sends
 * its headers or body too slowly (slowloris) is cut off, idle keep-alive
 * connections close. Call `.listen(port)` on it.
 */
export declare function createGatewayServer(listener: RequestListener, timeouts?: GatewayServerTimeouts): http.Server;
