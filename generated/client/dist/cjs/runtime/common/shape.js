"use strict";
// Copied from runtime/common/shape.ts by the TOP generator: edit that file, then regenerate.
// The shape of a value as the wire needs to know it: which fields are int64
// (bigint in TypeScript, digits on the wire), which are objects sent as JSON
// text, and the schema's field order. The generator emits one Shape per schema
// from the spec; this module walks them.
Object.defineProperty(exports, "__esModule", { value: true });
exports.reviveInt64 = reviveInt64;
exports.needsRevival = needsRevival;
const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/;
/**
 * Turns every int64 field of a freshly decoded value into a bigint, in place:
 * JSON numbers (exact below 2^53, bigint above from the lossless parser) and
 * digit strings (from a form field or XML). Anything else is left for the
 * validator to reject by path. Returns the value for chaining.
 */
function reviveInt64(value, shape) {
    switch (shape.type) {
        case 'int64':
            if (typeof value === 'number' && Number.isInteger(value))
                return BigInt(value);
            if (typeof value === 'string' && INTEGER_TEXT.test(value))
                return BigInt(value);
            return value;
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                return value;
            const record = value;
            for (const name in shape.fields) {
                const fieldShape = shape.fields[name];
                if (Object.hasOwn(record, name) && needsRevival(fieldShape))
                    record[name] = reviveInt64(record[name], fieldShape);
            }
            return record;
        }
        case 'array':
            if (!Array.isArray(value) || !needsRevival(shape.items))
                return value;
            for (let i = 0; i < value.length; i++)
                value[i] = reviveInt64(value[i], shape.items);
            return value;
        default:
            return value;
    }
}
const revivalCache = new WeakMap();
/** Whether a shape holds an int64 anywhere (so a walk can skip the rest). */
function needsRevival(shape) {
    const cached = revivalCache.get(shape);
    if (cached !== undefined)
        return cached;
    let result;
    switch (shape.type) {
        case 'int64':
            result = true;
            break;
        case 'object':
            result = Object.values(shape.fields).some(needsRevival);
            break;
        case 'array':
            result = needsRevival(shape.items);
            break;
        default:
            result = false;
    }
    revivalCache.set(shape, result);
    return result;
}
