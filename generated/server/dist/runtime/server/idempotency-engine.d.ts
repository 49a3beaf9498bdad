import type { IdempotencyStore } from './idempotency.ts';
import { GatewayError } from './platform-errors.ts';
/** What a call came to: an answer (its JSON text, and what produced it when this process ran it) or an error answer. */
export type Outcome<T> = {
    kind: 'answer';
    text: string;
    value?: T;
} | {
    kind: 'error';
    error: GatewayError;
};
/** How the idempotency layer handled a call (for hooks). */
export type IdempotencyPath = 'fresh' | 'replayed' | 'waited' | 'conflict' | 'none';
export type StoreStep = 'claim' | 'renew' | 'complete' | 'release' | 'get';
export interface EngineOptions {
    store: IdempotencyStore;
    /** How long an outcome is replayed; default 24 h. */
    ttlMs: number;
    /** A claim's lease, renewed every third of it while the handler runs; default 30 s. */
    leaseMs: number;
    /** How long a duplicate waits for the first call's outcome; default 20 s. */
    waitMs: number;
    /** How long a caller waits for its handler before a 15 `isp.handler-timeout` answer; default 20 s. */
    handlerTimeoutMs: number;
    /** Longest wait for one store call; default 5 s. */
    storeTimeoutMs: number;
    /** Told about every store failure or stall (the caller gets a retryable isp. answer or nothing changes). */
    onStoreError?: (error: unknown, step: StoreStep, key: string) => void;
    /** Told when a recorded outcome could not be stored, or a renewal found the key taken. */
    onUnrecorded?: (info: {
        key: string;
        reason: string;
    }) => void;
}
export declare const DEFAULT_ENGINE_OPTIONS: Readonly<Omit<EngineOptions, 'store' | 'onStoreError' | 'onUnrecorded'>>;
/** The longest delay a timer keeps (Node, browsers): 2^31-1 ms, about 24.8 days. */
export declare const MAX_TIMER_MS: number;
export declare class StoreTimeoutError extends Error {
    name: string;
}
/** What a handler produced: its answer as JSON text (what is recorded) and as it returned it. */
export interface Produced<T> {
    text: string;
    value: T;
}
/** A promise or any thenable (a handler, `apps` or a store may return one from another library). */
export declare function isThenable(value: unknown): value is PromiseLike<unknown>;
export declare const handlerTimeoutError: (ms: number) => GatewayError;
type Ran<T> = {
    outcome: Outcome<T>;
    path: IdempotencyPath;
};
export declare class IdempotencyEngine {
    #private;
    constructor(options: EngineOptions);
    /** Keys this process holds a claim for (a handler running or an outcome being recorded). */
    get inflightCount(): number;
    /**
     * The outcome of a call with an idempotency key: the handler's (run here at
     * most once, and only while this call holds the key's claim), the recorded
     * one, or a retryable isp. answer. `invoke` throws only GatewayError.
     */
    run<T>(key: string, fingerprint: string, label: {
        path: string;
        value: string;
    }, invoke: () => Produced<T> | Promise<Produced<T>>): Promise<Ran<T>>;
}
/** A call without an idempotency key: its handler's outcome, or 15 isp.handler-timeout. */
export declare function runWithTimeout<T>(invoke: () => T | Promise<T>, timeoutMs: number): Promise<T>;
export {};
