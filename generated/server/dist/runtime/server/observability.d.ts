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
export type InternalError = {
    kind: 'store';
    step: StoreStep;
    error: unknown;
    requestId?: undefined;
} | {
    kind: 'unrecorded';
    reason: string;
    requestId?: undefined;
} | {
    kind: 'gateway';
    error: unknown;
    requestId: string;
};
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
export declare function callQuietly(f: () => unknown): void;
/** Calls the hooks and the logger; a hook or logger that throws never changes an answer. */
export declare class Observer {
    #private;
    private readonly hooks;
    private readonly logger;
    constructor(hooks?: GatewayHooks, logger?: GatewayLogger);
    /** Someone is told about every request (a hook or a logger): only then is its outcome put together. */
    get watchesRequests(): boolean;
    request(outcome: RequestOutcome): void;
    /**
     * `hidden`: the request's secret values (its session, its sign), kept out of the log line. An
     * operator's own code (verifySession, apps) may throw a driver's error that quotes them.
     */
    internal(error: InternalError, hidden?: readonly string[]): void;
    slow(slow: SlowHandler): void;
}
/** The parts of an OpenTelemetry tracer the hooks use (`trace.getTracer(name)` from @opentelemetry/api). */
export interface TracerLike {
    startSpan(name: string, options: {
        startTime: number;
        attributes: Record<string, string | number>;
    }): {
        setStatus(status: {
            code: number;
            message?: string;
        }): void;
        end(endTime: number): void;
    };
}
/**
 * Hooks that record one span per request on an OpenTelemetry tracer, named
 * after the TOP method, with the outcome as attributes (`top.method`,
 * `top.app_key`, `top.code`, `top.sub_code`, `top.idempotency`,
 * `top.request_id`) and an error status for isp. answers and internal failures.
 */
export declare function openTelemetryHooks(tracer: TracerLike, now?: () => number): GatewayHooks;
