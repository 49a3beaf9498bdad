"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.isNodeItself = isNodeItself;
exports.nodeHttpTransport = nodeHttpTransport;
// Copied from runtime/client/node-transport.ts by the TOP generator: edit that file, then regenerate.
// The node:http(s) transport, the default on Node: a keep-alive agent, and the
// one transport that can prove a request never left this host. node:http
// tells when a socket connected (for https, when its TLS session was up); a
// request that failed before that sent no byte, so the client may retry it.
//
// Bun, Deno and Cloudflare's nodejs_compat implement node:http over fetch, so
// their socket events prove nothing: there this transport reports every
// failure as possibly sent (provesUnsent false), and the package's entry for
// those runtimes defaults to the fetch transport anyway.
const node_http_1 = __importDefault(require("node:http"));
const node_https_1 = __importDefault(require("node:https"));
const node_zlib_1 = __importDefault(require("node:zlib"));
const abort_fanout_ts_1 = require("./abort-fanout.js");
const errors_ts_1 = require("./errors.js");
const transport_ts_1 = require("./transport.js");
/** True on Node itself, false on runtimes that emulate node:http. */
function isNodeItself() {
    const g = globalThis;
    return g.process?.release?.name === 'node' && !g.process.versions?.bun && !g.process.versions?.deno && g.Deno === undefined && g.Bun === undefined && g.navigator?.userAgent !== 'Cloudflare-Workers';
}
// No `timeout` here: node:http would keep a timer armed on every pooled socket
// and refresh it on each read and write of every call (about 4% of a call's
// CPU, issue 16). Only idle sockets are timed, by idleSockets below.
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000 };
const DEFAULT_IDLE_MS = 60_000;
/** How long before a server's announced keep-alive timeout a pooled connection is given up. */
const SERVER_HINT_MARGIN_MS = 1500;
/** The `timeout` parameter of a Keep-Alive header, wherever it sits among the others. */
const KEEP_ALIVE_TIMEOUT = /(?:^|[\s,;])timeout=(\d+)/i;
/** The longest delay a timer keeps (2^31-1 ms); node fires a longer one at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
function nodeHttpTransport(options = {}) {
    const idleMs = options.idleSocketTimeoutMs ?? DEFAULT_IDLE_MS;
    if (!(Number.isFinite(idleMs) && idleMs >= 1 && idleMs <= MAX_TIMER_MS)) {
        throw new RangeError(`nodeHttpTransport: idleSocketTimeoutMs must be a number of ms from 1 to ${MAX_TIMER_MS}; got ${String(options.idleSocketTimeoutMs)}`);
    }
    const agents = new Map();
    const stops = new Map();
    const agentFor = (protocol) => {
        if (options.agent)
            return options.agent;
        let agent = agents.get(protocol);
        if (!agent) {
            // Deno's node:http sends a request again, unasked, when the pooled connection it went out on closes
            // before an answer (as its fetch does, see fetch-transport.ts): there, nothing is pooled.
            const agentOptions = globalThis.Deno === undefined ? AGENT_OPTIONS : { ...AGENT_OPTIONS, keepAlive: false };
            agent = protocol === 'https:' ? new node_https_1.default.Agent(agentOptions) : new node_http_1.default.Agent(agentOptions);
            stops.set(protocol, idleSockets(agent, idleMs));
            agents.set(protocol, agent);
        }
        return agent;
    };
    const provesUnsent = isNodeItself();
    // The gateway's URL is parsed once: every call of a client shares it, and only the query differs.
    const targets = new Map();
    // The last target and the URL up to its query: a client's calls all go to one
    // gateway, and comparing a prefix costs less than cutting and hashing it.
    let last;
    const targetOf = (url) => {
        if (last !== undefined && url.startsWith(last.base)) {
            const after = url.charCodeAt(last.base.length);
            if (after === 0x3f /* ? */ || url.length === last.base.length)
                return last.target;
        }
        const q = url.indexOf('?');
        const base = q === -1 ? url : url.slice(0, q);
        let target = targets.get(base);
        if (!target) {
            const parsed = new URL(url);
            // URL keeps an IPv6 literal's brackets ("[::1]"); node:http would look that up as a host name.
            const hostname = parsed.hostname.startsWith('[') ? parsed.hostname.slice(1, -1) : parsed.hostname;
            target = { protocol: parsed.protocol, hostname, port: parsed.port, pathname: parsed.pathname };
            if (targets.size < 16)
                targets.set(base, target);
        }
        last = { base, target };
        return target;
    };
    const transport = {
        name: 'node:http',
        provesUnsent,
        send: (request) => exchange(request, targetOf(request.url), agentFor, provesUnsent),
        // Idle connections only: a call in flight still gets its answer (its
        // connection closes after it). An agent the caller passed is theirs to close.
        close() {
            for (const stop of stops.values())
                stop();
            stops.clear();
            agents.clear();
        },
    };
    transport_ts_1.KEEPS_TIME.add(transport);
    return transport;
}
/**
 * Closes the agent's pooled sockets once idle past their limit: `idleMs`, or
 * the server's `Keep-Alive: timeout=N` less a margin when that is shorter
 * (N too short for the margin: the socket is not pooled at all). One timer
 * per agent sweeps the pool while it holds sockets; a call on a pooled socket
 * costs a clock read, where a socket timeout cost a timer refresh per read and
 * write. Returns `stop`: no more pooling, the idle sockets closed, the timer
 * cleared; sockets of calls in flight close once their answer is read.
 */
function idleSockets(agent, idleMs) {
    const freedAt = new WeakMap();
    let sweeper;
    let stopped = false;
    // Out of the pool first, then destroyed: node keeps a destroyed socket in
    // freeSockets until its 'close' event, and a call made before that could be
    // handed it (node skips a destroyed socket only at the head of the list) and
    // fail as possibly sent though nothing was.
    const closeIdle = (expired) => {
        let pooled = 0;
        // Typed read-only, but node's own bookkeeping splices it the same way.
        const free = agent.freeSockets;
        for (const [name, sockets] of Object.entries(free)) {
            if (!sockets)
                continue;
            for (let i = sockets.length - 1; i >= 0; i--) {
                const socket = sockets[i];
                if (!expired(socket)) {
                    pooled++;
                    continue;
                }
                sockets.splice(i, 1);
                socket.destroy();
            }
            if (sockets.length === 0)
                delete free[name];
        }
        if (pooled === 0 && sweeper) {
            clearInterval(sweeper);
            sweeper = undefined;
        }
    };
    const sweep = () => {
        const now = Date.now();
        closeIdle((socket) => {
            const idle = freedAt.get(socket);
            return idle !== undefined && now - idle.at >= idle.limit;
        });
    };
    // The idle limit a server's Keep-Alive header allows (0: too short to reuse), for the last header seen: a server sends the same one each time.
    let lastHint;
    const limitFor = (header) => {
        if (lastHint?.header === header)
            return lastHint.limit;
        let limit = idleMs;
        // Anywhere in the header, any case: parameters come in any order (`max=100, timeout=5`), and node's
        // own /^timeout=/ misses such a timeout, pooling the socket past the server's close (review rv7).
        const hint = KEEP_ALIVE_TIMEOUT.exec(header)?.[1];
        if (hint !== undefined)
            limit = Math.max(0, Math.min(limit, Number(hint) * 1000 - SERVER_HINT_MARGIN_MS));
        lastHint = { header, limit };
        return limit;
    };
    // node's own: TCP keep-alive on, unref, and false when the server's hint is too short to reuse.
    const keep = agent.keepSocketAlive.bind(agent);
    agent.keepSocketAlive = (socket) => {
        if (stopped || !keep(socket))
            return false;
        const header = socket._httpMessage?.res?.headers?.['keep-alive'];
        const limit = header === undefined ? idleMs : limitFor(String(header));
        if (limit <= 0)
            return false;
        freedAt.set(socket, { at: Date.now(), limit });
        if (!sweeper) {
            // At most 1 s between sweeps: a socket outlives its limit by less than the
            // margin kept before a server's announced timeout.
            sweeper = setInterval(sweep, Math.max(50, Math.min(1000, Math.floor(idleMs / 10))));
            sweeper.unref();
        }
        return true;
    };
    return () => {
        stopped = true;
        closeIdle(() => true);
        if (sweeper)
            clearInterval(sweeper);
        sweeper = undefined;
    };
}
function exchange(x, url, agentFor, provesUnsent) {
    return new Promise((resolve, reject) => {
        if (x.signal?.aborted) {
            reject(new errors_ts_1.TopAbortError(x.method, x.signal.reason));
            return;
        }
        const q = x.url.indexOf('?');
        const search = q === -1 ? '' : x.url.slice(q);
        const secure = url.protocol === 'https:';
        const lib = secure ? node_https_1.default : node_http_1.default;
        // A string body goes out as it is: node:http writes it with the headers in
        // one write (a Buffer costs a conversion and a second chunk).
        const payload = x.body;
        const payloadBytes = typeof payload === 'string' ? Buffer.byteLength(payload, 'utf8') : payload.length;
        let settled = false;
        // Bytes can only have reached the gateway once a connection (and for
        // https, its TLS session) was up.
        let connected = false;
        let failure;
        const req = lib.request({
            protocol: url.protocol,
            hostname: url.hostname,
            port: url.port || undefined,
            path: `${url.pathname}${search}`,
            method: 'POST',
            agent: agentFor(url.protocol),
            headers: { ...x.headers, 'content-length': payloadBytes },
        });
        const finish = (error, answer) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            offAbort?.();
            if (error)
                reject(error);
            else
                resolve(answer);
        };
        const fail = (error) => {
            failure ??= error;
            req.destroy();
            finish(failure);
        };
        const onAbort = () => fail(new errors_ts_1.TopAbortError(x.method, x.signal?.reason));
        const timer = setTimeout(() => fail(new errors_ts_1.TopTimeoutError(x.method, x.timeoutMs)), x.timeoutMs);
        const offAbort = x.signal ? (0, abort_fanout_ts_1.whenAborted)(x.signal, onAbort) : undefined;
        req.on('socket', (socket) => {
            const up = () => {
                connected = true;
            };
            if (!socket.connecting)
                up();
            else
                socket.once(secure ? 'secureConnect' : 'connect', up);
        });
        req.on('error', (error) => {
            finish(failure ?? new errors_ts_1.TopNetworkError(x.method, connected || !provesUnsent, error.code, { cause: error }));
        });
        req.on('response', (res) => {
            const chunks = [];
            let size = 0;
            res.on('error', (error) => finish(failure ?? new errors_ts_1.TopNetworkError(x.method, true, error.code, { cause: error })));
            // node:http hands over the bytes as sent; fetch inflates them. Without an
            // Accept-Encoding any coding is acceptable to a server (RFC 9110), so a
            // compressed answer is inflated here too, and counted inflated.
            const coding = res.headers['content-encoding'];
            let body = res;
            if (coding !== undefined) {
                const name = coding.trim().toLowerCase();
                const inflate = name === 'gzip' || name === 'x-gzip' ? node_zlib_1.default.createGunzip() : name === 'deflate' ? node_zlib_1.default.createInflate() : name === 'br' ? node_zlib_1.default.createBrotliDecompress() : undefined;
                if (inflate) {
                    inflate.on('error', (error) => fail(new errors_ts_1.TopDecodeError(x.method, `answer's ${name} content-encoding is corrupt (${error.message})`, res.statusCode ?? 0, '', { cause: error })));
                    body = res.pipe(inflate);
                }
                else if (name !== 'identity' && name !== '') {
                    fail(new errors_ts_1.TopDecodeError(x.method, `answer in content-encoding ${name}, which this client cannot read`, res.statusCode ?? 0, ''));
                    return;
                }
            }
            body.on('data', (chunk) => {
                size += chunk.length;
                if (size > x.maxResponseBytes) {
                    if (body !== res)
                        body.destroy();
                    fail(new errors_ts_1.TopDecodeError(x.method, `answer larger than ${x.maxResponseBytes} bytes`, res.statusCode ?? 0, ''));
                    return;
                }
                chunks.push(chunk);
            });
            body.on('end', () => {
                const text = chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8');
                finish(undefined, {
                    status: res.statusCode ?? 0,
                    contentType: res.headers['content-type'],
                    // A UTF-8 byte order mark is dropped, as fetch's TextDecoder drops it: the same bytes read the same through either transport.
                    body: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
                });
            });
        });
        req.end(payload);
    });
}
