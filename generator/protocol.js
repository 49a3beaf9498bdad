// Made from runtime/common/protocol.ts by generator/protocol-js.ts: edit that file, then run
//   node --import tsx generator/protocol-js.ts
// @ts-nocheck
// TOP's protocol constants (top-protocol.md §1, §2, §5, §6), in one place: the
// client core, the gateway core, the docs, the generator's templates and the
// lint plugin read them from here and spell none of them. The lint plugin is
// plain JS loaded by the redocly CLI, which cannot import TypeScript: it reads
// generator/protocol.js, this file with its types stripped (made by
// generator/protocol-js.ts; test/spec/protocol.test.ts fails when stale).
/** The path every call is POSTed to. */
export const GATEWAY_PATH = '/router/rest';
export const PRODUCTION_GATEWAY = `https://eco.taobao.com${GATEWAY_PATH}`;
export const SANDBOX_GATEWAY = `https://gw.api.tbsandbox.com${GATEWAY_PATH}`;
/** The only protocol version TOP serves. */
export const API_VERSION = '2.0';
/** Every system parameter (公共参数); a business parameter must not reuse one of these names. */
export const SYSTEM_PARAMETERS = [
    'method',
    'app_key',
    'timestamp',
    'v',
    'sign_method',
    'sign',
    'format',
    'simplify',
    'session',
    'partner_id',
    'target_app_key',
];
export const SYSTEM_PARAMETER_SET = new Set(SYSTEM_PARAMETERS);
/** The root of every error answer, JSON and XML. */
export const ERROR_ROOT = 'error_response';
/**
 * The success envelope's root: the method with a leading `taobao.` dropped,
 * dots made underscores, plus `_response`.
 * `alibaba.idle.tender.pre.pay.action` → `alibaba_idle_tender_pre_pay_action_response`.
 */
export function responseRootOf(method) {
    return `${method.replace(/^taobao\./, '').replace(/\./g, '_')}_response`;
}
/** TOP's platform error codes and their `msg` (top-protocol.md §6). */
export const PLATFORM_MESSAGES = {
    3: 'Upload Fail',
    7: 'App Call Limited',
    9: 'Http Action Not Allowed',
    10: 'Service Currently Unavailable',
    11: 'Insufficient ISV Permissions',
    12: 'Insufficient User Permissions',
    15: 'Remote Service Error',
    21: 'Missing Method',
    22: 'Invalid Method',
    23: 'Invalid Format',
    24: 'Missing Signature',
    25: 'Invalid Signature',
    26: 'Missing Session',
    27: 'Invalid Session',
    28: 'Missing App Key',
    29: 'Invalid App Key',
    30: 'Missing Timestamp',
    31: 'Invalid Timestamp',
    32: 'Missing Version',
    33: 'Invalid Version',
    34: 'Unsupported Version',
    40: 'Missing Required Arguments',
    41: 'Invalid Arguments',
    42: 'Forbidden Request',
    43: 'Parameter Error',
    47: 'Invalid Encoding',
    50: 'Remote service error',
};
/** The platform codes a gateway answers for a parameter that is absent (40) or invalid (41). */
export const MISSING_PARAMETER = 40;
export const INVALID_PARAMETER = 41;
export const missingSubCode = (path) => `isv.missing-parameter:${path}`;
export const invalidSubCode = (path) => `isv.invalid-parameter:${path}`;
