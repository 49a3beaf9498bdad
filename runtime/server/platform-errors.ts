// TOP's platform error codes (top-protocol.md §6) and the error a handler or
// the gateway throws to answer one.

// The table lives with TOP's other protocol constants; re-exported here for the server package's users.
import { PLATFORM_MESSAGES } from '../common/protocol.ts';

export { PLATFORM_MESSAGES };

/**
 * An answer of `error_response`. The gateway throws these for every platform
 * failure; a handler throws one to answer a business error of its own (use
 * code 50 or 15 with an `isv.` or `isp.` sub_code, as TOP's own APIs do).
 */
export class GatewayError extends Error {
  override name = 'GatewayError';
  readonly msg: string;
  /** Marks a GatewayError across copies of this module (see `is`). */
  readonly isTopGatewayError: true = true;

  /**
   * Whether a value is a GatewayError, even one from another copy of this
   * module (a handler loaded as CommonJS, or a second install of the package),
   * where instanceof would say no.
   */
  static is(value: unknown): value is GatewayError {
    return value instanceof Error && (value as { isTopGatewayError?: unknown }).isTopGatewayError === true;
  }

  constructor(
    readonly code: number,
    readonly subCode?: string,
    readonly subMsg?: string,
    msg?: string,
  ) {
    super(`${code} ${msg ?? PLATFORM_MESSAGES[code] ?? 'Error'}${subCode ? ` (${subCode})` : ''}${subMsg ? `: ${subMsg}` : ''}`);
    // TOP's code is a JSON number (top-protocol.md §5): a sub-code or NaN in its
    // place would reach the wire as text or null and break every client.
    if (!Number.isSafeInteger(code) || code <= 0) {
      throw new TypeError(
        `GatewayError: code must be a positive integer (TOP's error code, e.g. 15 or 41); got ${typeof code === 'string' ? JSON.stringify(code) : String(code)}. A sub-code such as 'isv.out-of-stock' goes second: new GatewayError(15, 'isv.out-of-stock')`,
      );
    }
    for (const [name, value] of [
      ['subCode', subCode],
      ['subMsg', subMsg],
      ['msg', msg],
    ] as const) {
      if (value !== undefined && typeof value !== 'string') throw new TypeError(`GatewayError: ${name} must be a string; got ${typeof value}`);
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
  override name = 'NothingChangedError';
  /** Marks a NothingChangedError across copies of this module (see `GatewayError.is`). */
  readonly changedNothing: true = true;

  static isNothingChanged(value: unknown): value is NothingChangedError {
    return GatewayError.is(value) && (value as { changedNothing?: unknown }).changedNothing === true;
  }

  constructor(
    code = 15,
    subCode: string | undefined = 'isp.service-unavailable',
    subMsg: string | undefined = 'the service could not take the call and changed nothing; try again with the same idempotency key',
    msg?: string,
  ) {
    super(code, subCode, subMsg, msg);
  }
}
