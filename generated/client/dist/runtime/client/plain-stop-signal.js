// Copied from runtime/client/plain-stop-signal.ts by the TOP generator: edit that file, then regenerate.
// The fetch transport's stop signal where the runtime's fetch follows a plain
// object (Node 20 and 22), and the probe that says whether it does. Everything
// else gets an AbortController: see fetch-transport.ts's exchange.
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
export class PlainStopSignal {
    aborted = false;
    reason = undefined;
    onabort = null;
    // undici adds one listener; any more (a fetch wrapper's) go to #more.
    #listener = undefined;
    #more = undefined;
    // node:events' getMaxListeners and getEventListeners, which undici's Request
    // calls on a signal (in a try) before it follows it: without these it threw
    // and caught an ERR_INVALID_ARG_TYPE a call, whose message formats the
    // signal, and cost more than the EventTarget did (bench:client-ab 0.984).
    _maxListeners = 1500;
    getMaxListeners() {
        return this._maxListeners;
    }
    setMaxListeners(n) {
        this._maxListeners = n;
    }
    listeners(type) {
        return type !== 'abort' || this.#listener === undefined ? [] : [this.#listener, ...(this.#more ?? [])];
    }
    get signal() {
        // Not an AbortSignal: handed only to a fetch that was seen to follow it (followsPlainSignal).
        return this;
    }
    addEventListener(type, listener) {
        if (type !== 'abort' || !listener || listener === this.#listener || this.#more?.includes(listener))
            return;
        if (this.#listener === undefined)
            this.#listener = listener;
        else if (this.#more)
            this.#more.push(listener);
        else
            this.#more = [listener];
    }
    removeEventListener(type, listener) {
        if (type !== 'abort' || !listener)
            return;
        if (listener === this.#listener)
            this.#listener = this.#more?.shift();
        else if (this.#more?.includes(listener))
            this.#more.splice(this.#more.indexOf(listener), 1);
    }
    throwIfAborted() {
        if (this.aborted)
            throw this.reason;
    }
    abort(reason) {
        if (this.aborted)
            return;
        this.aborted = true;
        this.reason = reason;
        const event = { type: 'abort', target: this };
        // Each listener once, as EventTarget's `once`; one that throws does not keep the others from hearing.
        const all = [...(this.onabort ? [this.onabort] : []), ...this.listeners('abort')];
        this.#listener = this.#more = undefined;
        for (const listener of all) {
            try {
                if (typeof listener === 'function')
                    listener.call(this, event);
                else
                    listener.handleEvent(event);
            }
            catch (error) {
                queueMicrotask(() => {
                    throw error;
                });
            }
        }
    }
}
let plainSignalFollowed;
// The global fetch last asked about, and whether it is the runtime's own.
let askedFetch;
let askedIsOwn = false;
let askedIsNode = false;
let askedIsNodeBefore7 = false;
/** Reads `fetch` once per identity: whether it is the runtime's own, and Node's own on an undici older than 7. */
function ask(fetch) {
    if (fetch === askedFetch)
        return;
    askedFetch = fetch;
    const source = typeof fetch === 'function' ? Function.prototype.toString.call(fetch) : '';
    // Node's own fetch loads Node's internal undici, a module no wrapper can require.
    const node = source.includes("require('internal/deps/undici/undici')");
    askedIsNode = node;
    askedIsOwn = node || /^function fetch\(\) \{\s*\[native code\]\s*\}$/.test(source);
    const undici = globalThis.process?.versions?.undici;
    askedIsNodeBefore7 = node && typeof undici === 'string' && Number.parseInt(undici, 10) < 7;
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
export function isOwnFetch(fetch) {
    ask(fetch);
    return askedIsOwn;
}
/**
 * Whether `fetch` is Node's own (undici), whose `Response.text()` strips two
 * leading UTF-8 byte order marks where a UTF-8 decoder strips one (undici 6
 * and 7: it drops the BOM's bytes, then decodes the rest with a TextDecoder
 * that drops the next): the fetch transport reads its bytes instead (rv15,
 * fetch-declared-body-runtimes.test.ts).
 */
export function isNodeFetch(fetch) {
    ask(fetch);
    return askedIsNode;
}
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
export function followsPlainSignal(fetch) {
    ask(fetch);
    if (!askedIsNodeBefore7)
        return false;
    if (plainSignalFollowed === undefined) {
        try {
            const probe = new PlainStopSignal();
            const request = new Request('http://127.0.0.1/', { method: 'POST', body: '', signal: probe.signal });
            probe.abort(new Error('probe'));
            plainSignalFollowed = request.signal.aborted;
        }
        catch {
            plainSignalFollowed = false;
        }
    }
    return plainSignalFollowed;
}
