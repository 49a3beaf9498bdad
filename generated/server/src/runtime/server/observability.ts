// Copied from runtime/server/observability.ts by the TOP generator: edit that file, then regenerate.
// What an operator sees of the gateway: one outcome per request, internal
// errors (store failures, the gateway's own bugs) and slow handlers, through
// hooks and an optional logger (pino or console). Nothing here ever carries a
// secret, a signature, a session or the business parameters: only the method,
// the app key, the answer's code and sub_code, timings and request ids.
import type { IdempotencyPath, StoreStep } from './idempotency-engine.ts';

/** One request's outcome, reported once its answer is ready. */
export interface RequestOutcome {
  requestId: string;
  /** The `method` asked for, when there was one (at most 128 characters). */
  method: string | undefined;
  /** The `app_key`, when there was one (at most 128 characters). */
  app: string | undefined;
  /** 0 for an answer, else the error_response's code. */
  code: number;
  subCode: string | undefined;
  /** From the request's arrival at the core to its answer, in ms. */
  latencyMs: number;
  /** fresh: this call ran the handler; replayed: a recorded outcome; waited: a duplicate that waited for one; conflict: 41; none: no key (or refused before). */
  idempotency: IdempotencyPath;
}

export type InternalError =
  | { kind: 'store'; step: StoreStep; error: unknown; requestId?: undefined }
  | { kind: 'unrecorded'; reason: string; requestId?: undefined }
  | { kind: 'gateway'; error: unknown; requestId: string };

export interface SlowHandler {
  requestId: string;
  method: string;
  app: string;
  /** How long it has run so far (it is still running). */
  elapsedMs: number;
}

export interface GatewayHooks {
  onRequest?: (outcome: RequestOutcome) => void;
  onInternalError?: (error: InternalError) => void;
  onSlowHandler?: (slow: SlowHandler) => void;
}

/** pino's and console's common shape: `logger.info(object, message)`. */
export interface GatewayLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * Calls a user's callback (a hook, a logger, onHandlerError, onStoreError,
 * onFull) so that its failure never becomes the caller's: a throw is
 * swallowed, and so is the rejection of an async one (it type-checks as
 * `() => void`), which would otherwise be unhandled and end the process.
 */
export function callQuietly(f: () => unknown): void {
  try {
    const result = f();
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') (result as PromiseLike<unknown>).then(undefined, () => {});
  } catch {
    // An observer's failure must not become the caller's.
  }
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** A caller's text for a log message: control characters escaped, so a console line cannot be split or recoloured by it. */
const printable = (s: string) => {
  let out = '';
  for (const c of s) {
    const n = c.charCodeAt(0);
    out += n < 0x20 || n === 0x7f ? (CONTROL_ESCAPES[c] ?? `\\u${n.toString(16).padStart(4, '0')}`) : c;
  }
  return out;
};

const clip = (s: string | undefined) => (s === undefined ? undefined : s.length > 128 ? `${s.slice(0, 128)}…` : s);

/** An error's name and message for a log line, with every `hidden` value (the call's session, its sign) cut out. */
function describeError(error: unknown, hidden: readonly string[] = []): { name: string; message: string } {
  let message = error instanceof Error ? error.message : String(error);
  for (const value of hidden) if (value !== '') message = message.split(value).join('[redacted]');
  return { name: error instanceof Error ? error.name : typeof error, message: message.slice(0, 500) };
}

/** Calls the hooks and the logger; a hook or logger that throws never changes an answer. */
export class Observer {
  private readonly hooks: GatewayHooks;
  private readonly logger: GatewayLogger | undefined;

  // Plain fields, not parameter properties: the generated packages are checked
  // with --isolatedDeclarations, which cannot emit an optional parameter property.
  constructor(hooks: GatewayHooks = {}, logger?: GatewayLogger) {
    this.hooks = hooks;
    this.logger = logger;
  }

  readonly #safely = callQuietly;

  /** Someone is told about every request (a hook or a logger): only then is its outcome put together. */
  get watchesRequests(): boolean {
    return this.hooks.onRequest !== undefined || this.logger !== undefined;
  }

  request(outcome: RequestOutcome): void {
    if (!this.watchesRequests) return;
    const o = { ...outcome, method: clip(outcome.method), app: clip(outcome.app) };
    if (this.hooks.onRequest) this.#safely(() => this.hooks.onRequest!(o));
    if (this.logger)
      this.#safely(() => this.logger!.info({ event: 'top.request', ...o }, `${o.method === undefined ? '-' : printable(o.method)} ${o.code === 0 ? 'ok' : `${o.code} ${o.subCode ?? ''}`.trim()}`));
  }

  /**
   * `hidden`: the request's secret values (its session, its sign), kept out of the log line. An
   * operator's own code (verifySession, apps) may throw a driver's error that quotes them.
   */
  internal(error: InternalError, hidden: readonly string[] = []): void {
    if (this.hooks.onInternalError) this.#safely(() => this.hooks.onInternalError!(error));
    if (this.logger) {
      const { error: e, ...rest } = error as InternalError & { error?: unknown };
      this.#safely(() => this.logger!.error({ event: 'top.internal-error', ...rest, ...(e === undefined ? {} : { error: describeError(e, hidden) }) }, `gateway internal error (${error.kind})`));
    }
  }

  slow(slow: SlowHandler): void {
    if (this.hooks.onSlowHandler) this.#safely(() => this.hooks.onSlowHandler!(slow));
    if (this.logger)
      this.#safely(() =>
        this.logger!.warn({ event: 'top.slow-handler', ...slow, method: clip(slow.method), app: clip(slow.app) }, `${slow.method} handler still running after ${Math.round(slow.elapsedMs)} ms`),
      );
  }
}

/** The parts of an OpenTelemetry tracer the hooks use (`trace.getTracer(name)` from @opentelemetry/api). */
export interface TracerLike {
  startSpan(
    name: string,
    options: { startTime: number; attributes: Record<string, string | number> },
  ): {
    setStatus(status: { code: number; message?: string }): void;
    end(endTime: number): void;
  };
}

/**
 * Hooks that record one span per request on an OpenTelemetry tracer, named
 * after the TOP method, with the outcome as attributes (`top.method`,
 * `top.app_key`, `top.code`, `top.sub_code`, `top.idempotency`,
 * `top.request_id`) and an error status for isp. answers and internal failures.
 */
export function openTelemetryHooks(tracer: TracerLike, now: () => number = Date.now): GatewayHooks {
  return {
    onRequest: (o) => {
      const end = now();
      const attributes: Record<string, string | number> = { 'top.request_id': o.requestId, 'top.code': o.code, 'top.idempotency': o.idempotency };
      if (o.method) attributes['top.method'] = o.method;
      if (o.app) attributes['top.app_key'] = o.app;
      if (o.subCode) attributes['top.sub_code'] = o.subCode;
      const span = tracer.startSpan(`TOP ${o.method ?? '(no method)'}`, { startTime: end - o.latencyMs, attributes });
      // SpanStatusCode: 1 OK, 2 ERROR. A platform or isv answer is the caller's error, not the server's.
      const serverFault = o.code !== 0 && (o.subCode?.startsWith('isp.') ?? false);
      // serverFault means an isp. sub_code; `?? ''` only tells exactOptionalPropertyTypes so.
      span.setStatus(serverFault ? { code: 2, message: o.subCode ?? '' } : { code: 1 });
      span.end(end);
    },
  };
}
