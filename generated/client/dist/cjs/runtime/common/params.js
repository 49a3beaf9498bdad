"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeParam = encodeParam;
exports.encodeParams = encodeParams;
exports.decodeParams = decodeParams;
const json_ts_1 = require("./json.js");
const shape_ts_1 = require("./shape.js");
const sign_ts_1 = require("./sign.js");
/**
 * Whether a string can be sent as UTF-8: a lone surrogate cannot. (Inside a
 * DTO it can: JSON writes it as a \u escape, so only plain string parameters
 * need the check.)
 */
function wellFormed(text) {
    return text.isWellFormed();
}
function encodeParam(value, shape) {
    switch (shape.type) {
        case 'object':
        case 'array':
            return (0, json_ts_1.stringifyJson)(value, shape);
        case 'int64':
            return typeof value === 'bigint' ? value.toString() : String(value);
        default:
            return String(value);
    }
}
/**
 * Encodes validated business parameters into form fields. A parameter whose
 * text would be empty is not sent (TOP drops it); a required one is then a
 * problem, not a silent omission.
 */
function encodeParams(params, specs) {
    const fields = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        const value = params[name];
        if (value === undefined || value === null)
            continue;
        if (typeof value === 'string' && !wellFormed(value)) {
            problems.push({ path: name, message: 'holds a lone UTF-16 surrogate, which cannot be sent as UTF-8' });
            continue;
        }
        let text;
        try {
            text = encodeParam(value, spec.shape);
        }
        catch (error) {
            problems.push({ path: name, message: `cannot be encoded: ${error.message}` });
            continue;
        }
        if (!(0, sign_ts_1.isSendable)(text)) {
            if (spec.required)
                problems.push({ path: name, message: 'is required, and TOP does not send an empty or blank value' });
            continue;
        }
        fields[name] = text;
    }
    return { fields, problems };
}
/**
 * Decodes form fields back into typed business parameters (the gateway's
 * side). A DTO whose JSON does not parse is reported by path; a value of the
 * wrong type is left as it came for the validator to name.
 */
function decodeParams(fields, specs) {
    const params = {};
    const problems = [];
    for (const [name, spec] of Object.entries(specs)) {
        const text = fields[name];
        if (!(0, sign_ts_1.isSendable)(text))
            continue;
        switch (spec.shape.type) {
            case 'object':
            case 'array':
                try {
                    params[name] = (0, shape_ts_1.reviveInt64)((0, json_ts_1.parseJson)(text), spec.shape);
                }
                catch (error) {
                    problems.push({ path: name, message: `is not valid JSON: ${error.message}` });
                }
                break;
            case 'boolean':
                params[name] = text === 'true' ? true : text === 'false' ? false : text;
                break;
            case 'int64':
                params[name] = (0, shape_ts_1.reviveInt64)(text, spec.shape);
                break;
            case 'number':
                params[name] = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
                break;
            default:
                params[name] = text;
        }
    }
    return { params, problems };
}
