// Copied from runtime/client/fetch-transport.ts by the TOP generator: edit that file, then regenerate.
// The fetch transport: Deno, Bun, browsers and Cloudflare Workers (no
// nodejs_compat needed). fetch reports every network failure alike, a refused
// connection and a connection the gateway dropped after reading the whole
// request, so this transport can never prove a request unsent: every failure
// is `reachedGateway: true`, and the client never retries through it.
import { whenAborted } from "./abort-fanout.js";
import { TopAbortError, TopDecodeError, TopNetworkError, TopTimeoutError } from "./errors.js";
import { followsPlainSignal, isNodeFetch, isOwnFetch, PlainStopSignal } from "./plain-stop-signal.js";
import { KEEPS_TIME } from "./transport.js";
export function fetchTransport(options = {}) {
    // Called through globalThis: Workers throw "Illegal invocation" for a detached fetch.
    let doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    // A fetch passed in may not heed its signal (a test double, an older polyfill):
    // its promises are raced against the exchange's stop, or the call outlived its timeout.
    // So may a global fetch that is not the runtime's own (a wrapper: isOwnFetch), asked at each exchange.
    const passedIn = options.fetch !== undefined;
    // Deno's fetch sends a request again, unasked, when the pooled connection it
    // went out on closes before an answer, even after the gateway read it: a
    // payment sent twice. A client that pools nothing gives each call a
    // connection of its own (made at the first call), so there is nothing to resend on.
    const deno = globalThis.Deno;
    let unpooled;
    if (deno?.createHttpClient) {
        const create = deno.createHttpClient.bind(deno);
        const inner = doFetch;
        doFetch = (input, init) => {
            unpooled ??= create({ poolMaxIdlePerHost: 0 });
            return inner(input, { ...init, client: unpooled });
        };
    }
    const transport = {
        name: 'fetch',
        provesUnsent: false,
        send: (request) => exchange(request, doFetch, passedIn || !isOwnFetch(globalThis.fetch)),
        close() {
            unpooled?.close();
            unpooled = undefined;
        },
    };
    KEEPS_TIME.add(transport);
    return transport;
}
async function exchange(x, doFetch, heed) {
    if (x.signal?.aborted)
        throw new TopAbortError(x.method, x.signal.reason);
    // A fetch passed in, or a global fetch that is not the runtime's own, gets a real AbortSignal: what it does with one is its own.
    const controller = !heed && followsPlainSignal(globalThis.fetch) ? new PlainStopSignal() : new AbortController();
    // Why the exchange stopped, when this side stopped it.
    let stopped;
    let onStop;
    const stop = (error) => {
        stopped ??= error;
        controller.abort(error);
        onStop?.(error);
    };
    // Rejects when the exchange is stopped: raced against a passed-in fetch's promises (see `heed`).
    const stopping = heed
        ? new Promise((_, reject) => {
            onStop = reject;
        })
        : undefined;
    const onAbort = () => stop(new TopAbortError(x.method, x.signal?.reason));
    const timer = setTimeout(() => stop(new TopTimeoutError(x.method, x.timeoutMs)), x.timeoutMs);
    const offAbort = x.signal ? whenAborted(x.signal, onAbort) : undefined;
    // A body given as a view into a larger buffer is copied to exactly its bytes.
    const body = typeof x.body === 'string' ? x.body : new Uint8Array(x.body);
    try {
        let response;
        try {
            // redirect 'manual': fetch would follow a 301/302 by turning the POST
            // into a GET; a redirect is answered to the caller as an HTTP status.
            const fetching = doFetch(x.url, { method: 'POST', headers: { ...x.headers }, body, signal: controller.signal, redirect: 'manual' });
            response = await (stopping ? Promise.race([fetching, stopping]) : fetching);
        }
        catch (error) {
            throw stopped ?? new TopNetworkError(x.method, true, errorCode(error), { cause: error });
        }
        // A declared length within the limit, of a body fetch does not inflate:
        // fetch delivers no byte past it, so the body is read whole, in one native
        // call, here (the chunk loop cost more than the rest of a small call, and
        // another async frame costs a turn). With a content-encoding the declared
        // length is the compressed one: a small gzip body can inflate to gigabytes,
        // so it goes through the counting loop. A transfer-encoding beside the
        // content-length frames the body instead of it (RFC 9112 6.3): Node's
        // fetch refuses such an answer, but Bun's read the chunked body whole and
        // kept `content-length: 5` in its headers, and 60 bytes of three-byte
        // characters went past a limit of 30 (rv15,
        // fetch-declared-body-runtimes.test.ts), so it is counted too.
        const declared = Number(response.headers.get('content-length') ?? Number.NaN);
        const encoding = response.headers.get('content-encoding');
        let text;
        if (Number.isSafeInteger(declared) &&
            declared >= 0 &&
            declared <= x.maxResponseBytes &&
            response.body &&
            (encoding === null || encoding.trim().toLowerCase() === 'identity') &&
            response.headers.get('transfer-encoding') === null) {
            // Bytes, counted and decoded here, wherever fetch's own framing is not
            // trusted or its text() is not exact: a fetch passed in or wrapped need
            // not hold to its content-length, and Node's own text() (undici 6 and
            // 7) strips two byte order marks where a UTF-8 decoder strips one
            // ("\ufeff\ufeff{…}" read as JSON over fetch, refused over node:http,
            // Bun and Deno: rv15, fetch-declared-body-runtimes.test.ts).
            // Elsewhere (Bun, Deno, workerd, browsers) the runtime's own text(),
            // which skips a copy: on Node, before the byte order marks were found,
            // text() made whole calls 1.011-1.041 times as fast (`npm run
            // bench:client-ab -- HEAD fetch`), since Node's arrayBuffer() copies the
            // bytes into a new ArrayBuffer; not measured on the others. HTTP's
            // framing holds that text to the declared length, checked above; a
            // UTF-8 byte gives at most one UTF-16 unit, so a text longer than the
            // limit came from more bytes than that, and is refused (a backstop).
            try {
                if (stopping || isNodeFetch(globalThis.fetch)) {
                    const bytes = await (stopping ? Promise.race([response.arrayBuffer(), stopping]) : response.arrayBuffer());
                    if (bytes.byteLength > x.maxResponseBytes)
                        throw tooLarge(x, response.status);
                    text = UTF8.decode(bytes);
                }
                else {
                    text = await response.text();
                }
            }
            catch (error) {
                if (error instanceof TopDecodeError)
                    throw error;
                throw new TopNetworkError(x.method, true, errorCode(error), { cause: error });
            }
            if (text.length > x.maxResponseBytes)
                throw tooLarge(x, response.status);
        }
        else {
            text = await readChunks(x, response, stop, stopping);
        }
        return { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: text };
    }
    catch (error) {
        throw stopped ?? error;
    }
    finally {
        clearTimeout(timer);
        offAbort?.();
    }
}
/** A body of undeclared length (or one declared past the limit) as UTF-8, refused past maxResponseBytes without reading the rest. */
async function readChunks(x, response, stop, stopping) {
    const chunks = [];
    let size = 0;
    if (response.body) {
        const reader = response.body.getReader();
        try {
            for (;;) {
                const { done, value } = await (stopping ? Promise.race([reader.read(), stopping]) : reader.read());
                if (done)
                    break;
                size += value.length;
                if (size > x.maxResponseBytes) {
                    const refused = tooLarge(x, response.status);
                    stop(refused);
                    void reader.cancel().catch(() => { });
                    throw refused;
                }
                chunks.push(value);
            }
        }
        catch (error) {
            if (error instanceof TopDecodeError)
                throw error;
            throw new TopNetworkError(x.method, true, errorCode(error), { cause: error });
        }
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.length;
    }
    return UTF8.decode(all);
}
const tooLarge = (x, status) => new TopDecodeError(x.method, `answer larger than ${x.maxResponseBytes} bytes`, status, '');
// Strips a UTF-8 byte order mark, as node:http's reading does too.
const UTF8 = new TextDecoder();
/** A system error code (ECONNREFUSED…) where the runtime gives one, for the message only. */
function errorCode(error) {
    for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause, depth++) {
        const code = e.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
