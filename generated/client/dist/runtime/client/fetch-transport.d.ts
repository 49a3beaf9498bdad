import { type Transport } from './transport.ts';
/** The part of fetch used here; the global one by default. */
export type FetchLike = (input: string, init: {
    method: string;
    headers: Record<string, string>;
    body: string | Uint8Array<ArrayBuffer>;
    signal: AbortSignal;
    redirect: 'manual';
}) => Promise<Response>;
export interface FetchTransportOptions {
    /** Default `globalThis.fetch`, looked up at each call. */
    fetch?: FetchLike | undefined;
}
export declare function fetchTransport(options?: FetchTransportOptions): Transport;
