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
/** The body's bytes: a string is sent as UTF-8. */
export function bodyBytes(body) {
    return typeof body === 'string' ? new TextEncoder().encode(body) : body;
}
/**
 * The transports that end every exchange at its `timeoutMs` and when its
 * signal fires (the built-in ones). The client core bounds any other
 * transport's exchanges itself: a custom transport that never settled hung
 * the call past its timeout.
 */
export const KEEPS_TIME = new WeakSet();
