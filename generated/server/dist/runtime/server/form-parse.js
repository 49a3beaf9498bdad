// Copied from runtime/server/form-parse.ts by the TOP generator: edit that file, then regenerate.
// A strict application/x-www-form-urlencoded parser for the gateway: invalid
// percent-encoding or UTF-8 is an error (TOP code 47), not a silent U+FFFD,
// and a parameter named twice is reported, since the signature was computed
// over one value and a handler must not see another.
import { GatewayError } from "./platform-errors.js";
function decodeComponent(text) {
    const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
    if (!spaced.includes('%'))
        return spaced;
    try {
        return decodeURIComponent(spaced);
    }
    catch {
        throw new GatewayError(47, 'isv.invalid-encoding', 'percent-encoding is malformed or not UTF-8');
    }
}
/**
 * Adds the pairs of `text` to `into`. `maxParams` bounds the work an attacker
 * can cause with `a&a&a...`.
 */
export function parseForm(text, into, maxParams) {
    if (text === '')
        return;
    let start = 0;
    while (start <= text.length) {
        let end = text.indexOf('&', start);
        if (end === -1)
            end = text.length;
        if (end > start) {
            const pair = text.slice(start, end);
            const eq = pair.indexOf('=');
            const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
            const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
            if (into.has(name))
                throw new GatewayError(43, `isv.parameter-duplicated:${name}`, `parameter ${name} is given more than once`);
            if (into.size >= maxParams)
                throw new GatewayError(43, 'isv.too-many-parameters', `more than ${maxParams} parameters`);
            into.set(name, value);
        }
        start = end + 1;
    }
}
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
export function decodeUtf8(bytes) {
    try {
        return strictUtf8.decode(bytes);
    }
    catch {
        throw new GatewayError(47, 'isv.invalid-encoding', 'the body is not UTF-8');
    }
}
