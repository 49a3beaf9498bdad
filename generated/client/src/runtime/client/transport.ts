// Copied from runtime/client/transport.ts by the TOP generator: edit that file, then regenerate.
// The seam between the client core and the network. The core validates,
// encodes and signs; a transport makes one HTTP exchange and says, when it
// fails, whether the request provably never left this host. Two are built in:
// node:http (./node-transport.ts, the default on Node) and fetch
// (./fetch-transport.ts, the default everywhere else). Anything with this
// shape can be passed as `transport` (a test double, a proxy, a mTLS agent).
//
// Nothing here imports node:*: this file is part of what a browser or
// Workers consumer type-checks and loads.

/** One HTTP exchange, fully prepared by the client core. */
export interface TransportRequest {
  /** The TOP method, for error messages. */
  readonly method: string;
  /** The gateway URL with the signed system parameters in its query string. */
  readonly url: string;
  /**
   * Headers to send: always `content-type` and `accept`. The content type
   * belongs to the body: a form string is
   * `application/x-www-form-urlencoded;charset=UTF-8`; bytes carry their own
   * (e.g. `multipart/form-data; boundary=…` for a file upload).
   */
  readonly headers: Readonly<Record<string, string>>;
  /** A form string (sent as UTF-8) or the exact bytes to send. */
  readonly body: string | Uint8Array;
  /** Whole-exchange limit; past it the transport rejects with TopTimeoutError. */
  readonly timeoutMs: number;
  /** The caller's signal; when it fires the transport rejects with TopAbortError. */
  readonly signal?: AbortSignal | undefined;
  /** An answer body larger than this is refused with TopDecodeError. */
  readonly maxResponseBytes: number;
}

/** The gateway's HTTP answer, whatever its status. */
export interface TransportAnswer {
  status: number;
  contentType: string | undefined;
  /** The body decoded as UTF-8. */
  body: string;
}

/**
 * Sends prepared requests. `send` rejects only with the client's errors:
 * TopTimeoutError, TopAbortError, TopDecodeError (answer too large) or
 * TopNetworkError, whose `reachedGateway` is false only when this transport
 * can prove that no byte of the request left this host.
 */
export interface Transport {
  /** For logs and hooks: `node:http`, `fetch`, or a custom name. */
  readonly name: string;
  /**
   * Whether this transport can prove a request never left the host (node:http
   * on Node can: no connection means no byte sent). Only then does the client
   * retry a failed call, and only a call that provably never left. A transport
   * that cannot prove it (fetch) has every failure reported as possibly sent.
   */
  readonly provesUnsent: boolean;
  send(request: TransportRequest): Promise<TransportAnswer>;
  /** Releases pooled connections; optional. */
  close?(): void;
}

/** The body's bytes: a string is sent as UTF-8. */
export function bodyBytes(body: string | Uint8Array): Uint8Array {
  return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}

/**
 * The transports that end every exchange at its `timeoutMs` and when its
 * signal fires (the built-in ones). The client core bounds any other
 * transport's exchanges itself: a custom transport that never settled hung
 * the call past its timeout.
 */
export const KEEPS_TIME: WeakSet<Transport> = new WeakSet<Transport>();
