export declare const PLATFORM_MESSAGES: Readonly<Record<number, string>>;
/**
 * An answer of `error_response`. The gateway throws these for every platform
 * failure; a handler throws one to answer a business error of its own (use
 * code 50 or 15 with an `isv.` or `isp.` sub_code, as TOP's own APIs do).
 */
declare const BRAND: unique symbol;
export declare class GatewayError extends Error {
    readonly code: number;
    readonly subCode?: string | undefined;
    readonly subMsg?: string | undefined;
    name: string;
    readonly msg: string;
    readonly [BRAND] = true;
    /**
     * Whether a value is a GatewayError, even one from another copy of this
     * module (a handler loaded as CommonJS, or a second install of the package),
     * where instanceof would say no.
     */
    static is(value: unknown): value is GatewayError;
    constructor(code: number, subCode?: string | undefined, subMsg?: string | undefined, msg?: string);
}
export {};
