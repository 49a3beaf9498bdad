import { PLATFORM_MESSAGES } from '../common/protocol.ts';
export { PLATFORM_MESSAGES };
/**
 * An answer of `error_response`. The gateway throws these for every platform
 * failure; a handler throws one to answer a business error of its own (use
 * code 50 or 15 with an `isv.` or `isp.` sub_code, as TOP's own APIs do).
 */
export declare class GatewayError extends Error {
    readonly code: number;
    readonly subCode?: string;
    readonly subMsg?: string;
    name: string;
    readonly msg: string;
    /** Marks a GatewayError across copies of this module (see `is`). */
    readonly isTopGatewayError: true;
    /**
     * Whether a value is a GatewayError, even one from another copy of this
     * module (a handler loaded as CommonJS, or a second install of the package),
     * where instanceof would say no.
     */
    static is(value: unknown): value is GatewayError;
    constructor(code: number, subCode?: string, subMsg?: string, msg?: string);
}
/**
 * Thrown by a handler that changed nothing: it failed before doing anything
 * that a retry could double (no payment taken, nothing written). Only this
 * error releases the idempotency key, so that a retry runs the handler again;
 * any other outcome, error answers included, is recorded and replayed.
 * Answers as a GatewayError (default 15 `isp.service-unavailable`), not recorded.
 */
export declare class NothingChangedError extends GatewayError {
    name: string;
    /** Marks a NothingChangedError across copies of this module (see `GatewayError.is`). */
    readonly changedNothing: true;
    static isNothingChanged(value: unknown): value is NothingChangedError;
    constructor(code?: number, subCode?: string | undefined, subMsg?: string | undefined, msg?: string);
}
