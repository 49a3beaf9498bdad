"use strict";
// Copied from runtime/common/form.ts by the TOP generator: edit that file, then regenerate.
// application/x-www-form-urlencoded, UTF-8.
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeForm = encodeForm;
// The characters encodeURIComponent leaves as they are: a value made only of
// them (an app key, a version, a hex signature) is written without the call.
const UNRESERVED = /^[\w.!~*'()-]*$/;
// Parameter names come from the spec and TOP's system parameters: a few dozen,
// each encoded once. The bound keeps a caller's odd names from growing it.
const encodedNames = new Map();
const MAX_CACHED_NAMES = 256;
function encodeName(name) {
    let encoded = encodedNames.get(name);
    if (encoded === undefined) {
        encoded = encodeURIComponent(name);
        if (encodedNames.size < MAX_CACHED_NAMES)
            encodedNames.set(name, encoded);
    }
    return encoded;
}
function encodeForm(fields) {
    let out = '';
    for (const name in fields) {
        const value = fields[name];
        if (value === undefined)
            continue;
        out += `${out ? '&' : ''}${encodeName(name)}=${UNRESERVED.test(value) ? value : encodeURIComponent(value)}`;
    }
    return out;
}
