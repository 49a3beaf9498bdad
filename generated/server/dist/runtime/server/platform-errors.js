// Copied from runtime/server/platform-errors.ts by the TOP generator: edit that file, then regenerate.
// TOP's platform error codes (top-protocol.md §6) and the error a handler or
// the gateway throws to answer one.
// The table lives with TOP's other protocol constants; re-exported here for the server package's users.
import { PLATFORM_MESSAGES } from "../common/protocol.js";
export { PLATFORM_MESSAGES };
/**
 * An answer of `error_response`. The gateway throws these for every platform
 * failure; a handler throws one to answer a business error of its own (use
 * code 50 or 15 with an `isv.` or `isp.` sub_code, as TOP's own APIs do).
 */
export class GatewayError extends Error {
    code;
    subCode;
    subMsg;
    name = 'GatewayError';
    msg;
    /** Marks a GatewayError across copies of this module (see `is`). */
    isTopGatewayError = true;
    /**
     * Whether a value is a GatewayError, even one from another copy of this
     * module (a handler loaded as CommonJS, or a second install of the package),
     * where instanceof would say no.
     */
    static is(value) {
        return value instanceof Error && value.isTopGatewayError === true;
    }
    constructor(code, subCode, subMsg, msg) {
        super(`${code} ${msg ?? PLATFORM_MESSAGES[code] ?? 'Error'}${subCode ? ` (${subCode})` : ''}${subMsg ? `: ${subMsg}` : ''}`);
        this.code = code;
        this.subCode = subCode;
        this.subMsg = subMsg;
        // TOP's code is a JSON number (top-protocol.md §5): a sub-code or NaN in its
        // place would reach the wire as text or null and break every client.
        if (!Number.isSafeInteger(code) || code <= 0) {
            throw new TypeError(`GatewayError: code must be a positive integer (TOP's error code, e.g. 15 or 41); got ${typeof code === 'string' ? JSON.stringify(code) : String(code)}. A sub-code such as 'isv.out-of-stock' goes second: new GatewayError(15, 'isv.out-of-stock')`);
        }
        for (const [name, value] of [
            ['subCode', subCode],
            ['subMsg', subMsg],
            ['msg', msg],
        ]) {
            if (value !== undefined && typeof value !== 'string')
                throw new TypeError(`GatewayError: ${name} must be a string; got ${typeof value}`);
        }
        this.msg = msg ?? PLATFORM_MESSAGES[code] ?? 'Error';
    }
}
/**
 * Thrown by a handler that changed nothing: it failed before doing anything
 * that a retry could double (no payment taken, nothing written). Only this
 * error releases the idempotency key, so that a retry runs the handler again;
 * any other outcome, error answers included, is recorded and replayed.
 * Answers as a GatewayError (default 15 `isp.service-unavailable`), not recorded.
 */
export class NothingChangedError extends GatewayError {
    name = 'NothingChangedError';
    /** Marks a NothingChangedError across copies of this module (see `GatewayError.is`). */
    changedNothing = true;
    static isNothingChanged(value) {
        return GatewayError.is(value) && value.changedNothing === true;
    }
    constructor(code = 15, subCode = 'isp.service-unavailable', subMsg = 'the service could not take the call and changed nothing; try again with the same idempotency key', msg) {
        super(code, subCode, subMsg, msg);
    }
}
