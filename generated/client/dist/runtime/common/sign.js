// Copied from runtime/common/sign.ts by the TOP generator: edit that file, then regenerate.
// TOP request signing (top-protocol.md §3), the same as the Java SDK's
// TaobaoUtils.signTopRequest: sort by name, concatenate name+value of every
// non-empty parameter except `sign`, hash the UTF-8 bytes, upper-case hex.
import { createHash, createHmac } from 'node:crypto';
export const SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'];
/** TOP drops a parameter that is null, empty or only white space: it is neither signed nor sent. */
export function isSendable(value) {
    return value !== undefined && value !== null && value.trim() !== '';
}
/** The string that is hashed: sorted `name + value` pairs, no separators. */
export function signingString(params) {
    // Plain code-unit comparison is ASCII order for TOP's ASCII parameter names,
    // which is what Java's Arrays.sort does on String.
    const names = Object.keys(params).filter((name) => name !== 'sign' && isSendable(params[name])).sort();
    let out = '';
    for (const name of names)
        out += name + params[name];
    return out;
}
export function sign(params, secret, method) {
    const text = signingString(params);
    switch (method) {
        case 'md5':
            return createHash('md5').update(secret + text + secret, 'utf8').digest('hex').toUpperCase();
        case 'hmac':
            return createHmac('md5', secret).update(text, 'utf8').digest('hex').toUpperCase();
        case 'hmac-sha256':
            return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
        default:
            throw new TypeError(`sign_method must be one of ${SIGN_METHODS.join(', ')}; got ${String(method)}`);
    }
}
