export declare const PLATFORM_MESSAGES: Readonly<Record<number, string>>;
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
