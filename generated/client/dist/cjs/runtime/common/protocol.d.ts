/** The path every call is POSTed to. */
export declare const GATEWAY_PATH = "/router/rest";
export declare const PRODUCTION_GATEWAY: string;
export declare const SANDBOX_GATEWAY: string;
/** The only protocol version TOP serves. */
export declare const API_VERSION = "2.0";
/** Every system parameter (公共参数); a business parameter must not reuse one of these names. */
export declare const SYSTEM_PARAMETERS: readonly ['method', 'app_key', 'timestamp', 'v', 'sign_method', 'sign', 'format', 'simplify', 'session', 'partner_id', 'target_app_key'];
export type SystemParameter = (typeof SYSTEM_PARAMETERS)[number];
export declare const SYSTEM_PARAMETER_SET: ReadonlySet<string>;
/** The root of every error answer, JSON and XML. */
export declare const ERROR_ROOT = "error_response";
/**
 * The success envelope's root: the method with a leading `taobao.` dropped,
 * dots made underscores, plus `_response`.
 * `alibaba.idle.tender.pre.pay.action` → `alibaba_idle_tender_pre_pay_action_response`.
 */
export declare function responseRootOf(method: string): string;
/** TOP's platform error codes and their `msg` (top-protocol.md §6). */
export declare const PLATFORM_MESSAGES: Readonly<Record<number, string>>;
/** The platform codes a gateway answers for a parameter that is absent (40) or invalid (41). */
export declare const MISSING_PARAMETER = 40;
export declare const INVALID_PARAMETER = 41;
export declare const missingSubCode: (path: string) => string;
export declare const invalidSubCode: (path: string) => string;
