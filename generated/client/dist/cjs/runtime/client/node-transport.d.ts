import { type Transport } from './transport.ts';
/** What an http.Agent is to this transport (typed without @types/node, so consumers need none). */
export interface NodeAgentLike {
    destroy(): void;
}
export interface NodeHttpTransportOptions {
    /** An http.Agent or https.Agent to use for every request; default one keep-alive agent per protocol, made here. `close()` leaves a given agent alone. */
    agent?: NodeAgentLike | undefined;
    /**
     * How long a pooled connection may sit unused before it is closed (the
     * default agents only); default 60 s. A server's `Keep-Alive: timeout=N`
     * shortens it to N less 1.5 s, so a connection is not reused just as the
     * server closes it.
     */
    idleSocketTimeoutMs?: number | undefined;
}
/** True on Node itself, false on runtimes that emulate node:http. */
export declare function isNodeItself(): boolean;
export declare function nodeHttpTransport(options?: NodeHttpTransportOptions): Transport;
