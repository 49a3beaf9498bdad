"use strict";
// Copied from runtime/common/params.ts by the TOP generator: edit that file, then regenerate.
// Business parameters on the wire, as the field model says each travels:
//  - text: one form field (an int64 as digits, a boolean as true/false, a
//    Date as GMT+8 text, a Price as its decimal text);
//  - comma: a top-level list of scalars (a Field List, `Number []`), one
//    form field with the values joined by commas;
//  - json: a DTO or a list of DTOs, one form field of compact JSON text;
//  - file: a multipart part with a file name, never signed.
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeScalar = encodeScalar;
exports.encodeParam = encodeParam;
exports.encodeParams = encodeParams;
exports.decodeParams = decodeParams;
const json_ts_1 = require("./json.js");
const multipart_ts_1 = require("./multipart.js");
const shape_ts_1 = require("./shape.js");
const sign_ts_1 = require("./sign.js");
const top_values_ts_1 = require("./top-values.js");
/**
 * Whether a string can be sent as UTF-8: a lone surrogate cannot. (Inside a
 * DTO it can: JSON writes it as a \u escape, so only plain string parameters
 * need the check.)
 */
function wellFormed(text) {
    return text.isWellFormed();
}
/** One scalar as form text. Throws a message (no path) when the value cannot be written. */
function encodeScalar(value, shape) {
    switch (shape.type) {
        case 'int64':
            if (typeof value === 'bigint')
                return value.toString();
            if (typeof value === 'number' && Number.isSafeInteger(value))
                return String(value);
            if (typeof value === 'string' && /^-?\d+$/.test(value))
                return value;
            throw new TypeError('must be an int64 (a bigint)');
        case 'date-time':
        case 'date':
            if (value instanceof Date)
                return (0, top_values_ts_1.formatTopDate)(value, shape.type);
            if (typeof value === 'string')
                return value;
            throw new TypeError(`must be a Date or its text (${shape.type === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss'}, GMT+8)`);
        case 'price':
            // A Price is decimal text: a JS number would be a binary float.
            if (typeof value === 'string')
                return value;
            throw new TypeError('must be a decimal amount as text (e.g. "200.07"), never a binary float');
        case 'json':
            if (typeof value !== 'string')
                throw new TypeError('must be JSON text');
            if (!(0, top_values_ts_1.isJsonText)(value))
                throw new TypeError('is not valid JSON text');
            return value;
        case 'boolean':
            if (typeof value === 'boolean')
                return value ? 'true' : 'false';
            return String(value);
        case 'object':
        case 'array':
            return (0, json_ts_1.stringifyJson)(value, shape);
        default:
            if (typeof value === 'object' && value !== null)
                throw new TypeError(`must be a ${shape.type}`);
            return String(value);
    }
}
/** A parameter's form text (not for files). */
function encodeParam(value, spec) {
    const { shape, encoding } = 'shape' in spec ? spec : { shape: spec, encoding: spec.type === 'object' || spec.type === 'array' ? 'json' : 'text' };
    if (encoding === 'comma' && shape.type === 'array') {
        if (!Array.isArray(value))
            throw new TypeError('must be a list');
        return value
            .map((item, i) => {
            const text = encodeScalar(item, shape.items);
            if (text.includes(','))
                throw new TypeError(`[${i}] holds a comma, which cannot travel in a comma-joined list`);
            return text;
        })
            .join(',');
    }
    if (encoding === 'json')
        return (0, json_ts_1.stringifyJson)(value, shape);
    return encodeScalar(value, shape);
}
/**
 * Encodes validated business parameters: form fields, and the files to send
 * as multipart parts. A parameter whose text would be empty is not sent (TOP
 * drops it); a required one is then a problem, not a silent omission.
 */
function encodeParams(params, specs) {
    const fields = {};
    const files = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        const value = params[name];
        if (value === undefined || value === null)
            continue;
        if (spec.encoding === 'file') {
            if ((0, multipart_ts_1.isFileInput)(value))
                files[name] = value;
            else
                problems.push({ path: name, message: 'must be a file: a Blob, a Uint8Array, or { filename, data } with bytes, a Blob or a stream' });
            continue;
        }
        if (typeof value === 'string' && !wellFormed(value)) {
            problems.push({ path: name, message: 'holds a lone UTF-16 surrogate, which cannot be sent as UTF-8' });
            continue;
        }
        let text;
        try {
            text = encodeParam(value, spec);
        }
        catch (error) {
            const message = error.message;
            problems.push({
                path: message.startsWith('[') ? `${name}${message.slice(0, message.indexOf(']') + 1)}` : name,
                message: message.startsWith('[') ? message.slice(message.indexOf(']') + 2) : message,
            });
            continue;
        }
        if (!(0, sign_ts_1.isSendable)(text)) {
            if (spec.required)
                problems.push({ path: name, message: 'is required, and TOP does not send an empty or blank value' });
            continue;
        }
        fields[name] = text;
    }
    return { fields, files, problems };
}
function decodeScalar(text, shape) {
    switch (shape.type) {
        case 'boolean':
            return text === 'true' ? true : text === 'false' ? false : text;
        case 'int64':
            return (0, shape_ts_1.reviveInt64)(text, shape);
        case 'int32':
        case 'number':
            return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
        default:
            return text;
    }
}
/**
 * Decodes form fields back into typed business parameters (the gateway's
 * side), applying documented defaults. A DTO whose JSON does not parse is
 * reported by path; a value of the wrong type is left as it came for the
 * validator to name. Files arrive already read, by name.
 */
function decodeParams(fields, specs, files = {}) {
    const params = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        if (spec.encoding === 'file') {
            if (Object.hasOwn(files, name))
                params[name] = files[name];
            else if (Object.hasOwn(fields, name))
                problems.push({ path: name, message: 'is a file and must be sent as a multipart part with a file name' });
            continue;
        }
        const given = Object.hasOwn(fields, name) ? fields[name] : undefined;
        const text = (0, sign_ts_1.isSendable)(given) ? given : spec.default;
        if (text === undefined)
            continue;
        switch (spec.encoding) {
            case 'json':
                try {
                    params[name] = (0, json_ts_1.parseJsonAs)(text, spec.shape);
                }
                catch (error) {
                    problems.push({ path: name, message: `is not valid JSON: ${error.message}` });
                }
                break;
            case 'comma':
                params[name] = spec.shape.type === 'array' ? text.split(',').map((item) => decodeScalar(item.trim(), spec.shape.items)) : text;
                break;
            default:
                params[name] = decodeScalar(text, spec.shape);
        }
    }
    return { params, problems };
}
