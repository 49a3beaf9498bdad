/** What stops one exchange: an AbortController, or a PlainStopSignal where fetch follows one. */
export interface Stopper {
    readonly signal: AbortSignal;
    abort(reason: unknown): void;
}
type AbortListener = ((this: unknown, event: {
    type: 'abort';
    target: unknown;
}) => void) | {
    handleEvent(event: {
        type: 'abort';
        target: unknown;
    }): void;
};
/**
 * An exchange's stop signal, for a fetch that follows any signal-shaped object.
 * Node 20's and 22's fetch do (undici 5 and 6 take third-party
 * AbortControllers: they read `aborted` and `reason` and call
 * `addEventListener`). Node's AbortSignal is an EventTarget, and undici
 * following one through node:events cost about 2% of a whole call over
 * loopback: ours against the minimal signer over fetch (`npm run
 * bench:client-ab -- minimal fetch`, 40-60 pairs) went from calls/s
 * 0.929-0.936 with an AbortController to 0.950-0.954 with this.
 * Node 24's fetch, Deno, Bun, Workers and browsers take only a real
 * AbortSignal: `followsPlainSignal` finds out which, once.
 */
export declare class PlainStopSignal implements Stopper {
    #private;
    aborted: boolean;
    reason: unknown;
    onabort: AbortListener | null;
    _maxListeners: number;
    getMaxListeners(): number;
    setMaxListeners(n: number): void;
    listeners(type: string): AbortListener[];
    get signal(): AbortSignal;
    addEventListener(type: string, listener: AbortListener | null): void;
    removeEventListener(type: string, listener: AbortListener | null): void;
    throwIfAborted(): void;
    abort(reason: unknown): void;
}
/**
 * Whether `fetch` is the runtime's own: Node's (told by its source) or a
 * native one (Bun, workerd, browsers). Any other global fetch (a wrapper that
 * replaced it) may lose its signal, and its promises are raced against the
 * exchange's stop: a wrapper that fetches `new Request(input, init)` (as
 * MSW's interceptor does) hung past its timeout, on Node 20 to 24 alike, once
 * a GC had collected that Request, through which undici follows the signal by
 * a weak reference (rv14, fetch-stop-signal-wrappers.test.ts).
 */
export declare function isOwnFetch(fetch: unknown): boolean;
/**
 * Whether `fetch` is Node's own (undici), whose `Response.text()` strips two
 * leading UTF-8 byte order marks where a UTF-8 decoder strips one (undici 6
 * and 7: it drops the BOM's bytes, then decodes the rest with a TextDecoder
 * that drops the next): the fetch transport reads its bytes instead (rv15,
 * fetch-declared-body-runtimes.test.ts).
 */
export declare function isNodeFetch(fetch: unknown): boolean;
/**
 * Whether `fetch` (the global fetch, looked up at each exchange) follows a
 * PlainStopSignal. Only the runtime's own fetch is known to: a global fetch
 * replaced by a wrapper may do anything with its signal, and two realistic
 * ones broke (rv14, test/client/fetch-stop-signal-wrappers.test.ts): a
 * timeout shim's AbortSignal.any([init.signal, …]) never heard a plain object
 * abort (the call outlived its timeout, without end), and a fetch that takes
 * only a real AbortSignal (undici 7 from npm, node-fetch) refused every call.
 * So it must be Node's own fetch; any other gets an AbortController.
 * Then one Request is made (nothing is sent), its signal stopped, and the
 * Request's own signal must then be aborted: asked once. The global Request
 * may not be the one Node's fetch uses (a setup that installs undici 6's
 * classes from npm on Node 24 followed the probe while Node's fetch, undici
 * 7, refused every call: rv14, fetch-stop-probe-request-replaced.test.ts), so
 * Node's own undici must also be older than 7.
 */
export declare function followsPlainSignal(fetch: unknown): boolean;
export {};
