/**
 * Calls a user's callback (a hook, a logger, onHandlerError, onStoreError,
 * onFull) so that its failure never becomes the caller's: a throw is
 * swallowed, and so is the rejection of an async one (it type-checks as
 * `() => void`), which would otherwise be unhandled and end the process.
 */
export function callQuietly(f) {
    try {
        const result = f();
        if (typeof result?.then === 'function')
            result.then(undefined, () => { });
    }
    catch {
        // An observer's failure must not become the caller's.
    }
}
const CONTROL_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** A caller's text for a log message: control characters escaped, so a console line cannot be split or recoloured by it. */
const printable = (s) => {
    let out = '';
    for (const c of s) {
        const n = c.charCodeAt(0);
        out += n < 0x20 || n === 0x7f ? (CONTROL_ESCAPES[c] ?? `\\u${n.toString(16).padStart(4, '0')}`) : c;
    }
    return out;
};
const clip = (s) => (s === undefined ? undefined : s.length > 128 ? `${s.slice(0, 128)}…` : s);
/** An error's name and message for a log line, with every `hidden` value (the call's session, its sign) cut out. */
function describeError(error, hidden = []) {
    let message = error instanceof Error ? error.message : String(error);
    for (const value of hidden)
        if (value !== '')
            message = message.split(value).join('[redacted]');
    return { name: error instanceof Error ? error.name : typeof error, message: message.slice(0, 500) };
}
/** Calls the hooks and the logger; a hook or logger that throws never changes an answer. */
export class Observer {
    hooks;
    logger;
    // Plain fields, not parameter properties: the generated packages are checked
    // with --isolatedDeclarations, which cannot emit an optional parameter property.
    constructor(hooks = {}, logger) {
        this.hooks = hooks;
        this.logger = logger;
    }
    #safely = callQuietly;
    /** Someone is told about every request (a hook or a logger): only then is its outcome put together. */
    get watchesRequests() {
        return this.hooks.onRequest !== undefined || this.logger !== undefined;
    }
    request(outcome) {
        if (!this.watchesRequests)
            return;
        const o = { ...outcome, method: clip(outcome.method), app: clip(outcome.app) };
        if (this.hooks.onRequest)
            this.#safely(() => this.hooks.onRequest(o));
        if (this.logger)
            this.#safely(() => this.logger.info({ event: 'top.request', ...o }, `${o.method === undefined ? '-' : printable(o.method)} ${o.code === 0 ? 'ok' : `${o.code} ${o.subCode ?? ''}`.trim()}`));
    }
    /**
     * `hidden`: the request's secret values (its session, its sign), kept out of the log line. An
     * operator's own code (verifySession, apps) may throw a driver's error that quotes them.
     */
    internal(error, hidden = []) {
        if (this.hooks.onInternalError)
            this.#safely(() => this.hooks.onInternalError(error));
        if (this.logger) {
            const { error: e, ...rest } = error;
            this.#safely(() => this.logger.error({ event: 'top.internal-error', ...rest, ...(e === undefined ? {} : { error: describeError(e, hidden) }) }, `gateway internal error (${error.kind})`));
        }
    }
    slow(slow) {
        if (this.hooks.onSlowHandler)
            this.#safely(() => this.hooks.onSlowHandler(slow));
        if (this.logger)
            this.#safely(() => this.logger.warn({ event: 'top.slow-handler', ...slow, method: clip(slow.method), app: clip(slow.app) }, `${slow.method} handler still running after ${Math.round(slow.elapsedMs)} ms`));
    }
}
/**
 * Hooks that record one span per request on an OpenTelemetry tracer, named
 * after the TOP method, with the outcome as attributes (`top.method`,
 * `top.app_key`, `top.code`, `top.sub_code`, `top.idempotency`,
 * `top.request_id`) and an error status for isp. answers and internal failures.
 */
export function openTelemetryHooks(tracer, now = Date.now) {
    return {
        onRequest: (o) => {
            const end = now();
            const attributes = { 'top.request_id': o.requestId, 'top.code': o.code, 'top.idempotency': o.idempotency };
            if (o.method)
                attributes['top.method'] = o.method;
            if (o.app)
                attributes['top.app_key'] = o.app;
            if (o.subCode)
                attributes['top.sub_code'] = o.subCode;
            const span = tracer.startSpan(`TOP ${o.method ?? '(no method)'}`, { startTime: end - o.latencyMs, attributes });
            // SpanStatusCode: 1 OK, 2 ERROR. A platform or isv answer is the caller's error, not the server's.
            const serverFault = o.code !== 0 && (o.subCode?.startsWith('isp.') ?? false);
            // serverFault means an isp. sub_code; `?? ''` only tells exactOptionalPropertyTypes so.
            span.setStatus(serverFault ? { code: 2, message: o.subCode ?? '' } : { code: 1 });
            span.end(end);
        },
    };
}
