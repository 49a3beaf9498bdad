"use strict";
// Copied from runtime/common/form.ts by the TOP generator: edit that file, then regenerate.
// application/x-www-form-urlencoded, UTF-8.
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeForm = encodeForm;
function encodeForm(fields) {
    let out = '';
    for (const name in fields) {
        const value = fields[name];
        if (value === undefined)
            continue;
        out += `${out ? '&' : ''}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    }
    return out;
}
