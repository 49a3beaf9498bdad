"use strict";
// Copied from runtime/common/shape.ts by the TOP generator: edit that file, then regenerate.
// The shape of a value as the wire needs to know it, printed by the generator
// from its one field model: which fields are int64 (bigint in TypeScript,
// digits on the wire), which are TOP Dates, Prices, JSON text or files, which
// lists TOP wraps in an item element (and its name), and the schema's field
// order. This module walks shapes; it decides nothing about the spec.
Object.defineProperty(exports, "__esModule", { value: true });
exports.reviveInt64 = reviveInt64;
exports.needsRevival = needsRevival;
exports.holdsList = holdsList;
exports.fromWire = fromWire;
exports.toWire = toWire;
exports.inexactInt64 = inexactInt64;
const int_marker_ts_1 = require("./int-marker.js");
const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/;
/**
 * Turns every int64 field of a freshly decoded value into a bigint, in place:
 * JSON numbers (exact below 2^53, bigint above from the lossless parser) and
 * digit strings (from a form field or XML). Anything else is left for the
 * validator to reject by path. With `left`, the strings the lossless JSON
 * reader marked (int-marker.ts) in int64 fields become bigint too, counted off
 * `left.marks`. Returns the value for chaining.
 */
function reviveInt64(value, shape, left) {
    switch (shape.type) {
        case 'int64':
            if (typeof value === 'number' && Number.isInteger(value))
                return BigInt(value);
            if (typeof value === 'string') {
                // A long integer the lossless JSON reader marked (only ever given with `left`).
                if (left && (0, int_marker_ts_1.isMarked)(value)) {
                    left.marks--;
                    return BigInt((0, int_marker_ts_1.markedDigits)(value));
                }
                if (INTEGER_TEXT.test(value))
                    return BigInt(value);
            }
            return value;
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                return value;
            const record = value;
            for (const [name, fieldShape] of fieldsToRevive(shape)) {
                if (Object.hasOwn(record, name))
                    record[name] = reviveInt64(record[name], fieldShape, left);
            }
            return record;
        }
        case 'array':
            if (!Array.isArray(value) || !needsRevival(shape.items))
                return value;
            for (let i = 0; i < value.length; i++)
                value[i] = reviveInt64(value[i], shape.items, left);
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
const toReviveCache = new WeakMap();
/** An object shape's fields that hold an int64 somewhere, with their shapes: one lookup per object walked, not one per field. */
function fieldsToRevive(shape) {
    let fields = toReviveCache.get(shape);
    if (!fields) {
        fields = Object.entries(shape.fields).filter(([, field]) => needsRevival(field));
        toReviveCache.set(shape, fields);
    }
    return fields;
}
const listCache = new WeakMap();
/** Whether a shape holds a list anywhere (answers with none need no wrapping walk). */
function holdsList(shape) {
    const cached = listCache.get(shape);
    if (cached !== undefined)
        return cached;
    const result = shape.type === 'array' || (shape.type === 'object' && Object.values(shape.fields).some(holdsList));
    listCache.set(shape, result);
    return result;
}
/**
 * An answer as TOP sends it (lists wrapped in their item element, from
 * `format=json`; or plain arrays, from `simplify=true`; or XML read into
 * objects, where one item is not yet a list) made into the typed value: every
 * list a plain array, every int64 a bigint. In place where it can; returns
 * the value.
 */
function fromWire(value, shape, xml = false) {
    switch (shape.type) {
        case 'array': {
            let list = value;
            if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
                const record = value;
                const keys = Object.keys(record);
                // {"trade":[…]}: the item element TOP wraps the list in. An empty object is an empty list.
                if (keys.length === 0)
                    list = [];
                else if (keys.length === 1)
                    list = record[shape.itemName !== undefined && Object.hasOwn(record, shape.itemName) ? shape.itemName : keys[0]];
            }
            if (list === '')
                list = [];
            // XML with a single item reads as one value, not a list.
            if (list !== undefined && list !== null && !Array.isArray(list))
                list = [list];
            if (!Array.isArray(list))
                return value;
            for (let i = 0; i < list.length; i++)
                list[i] = fromWire(list[i], shape.items, xml);
            return list;
        }
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                return value;
            const record = value;
            for (const name in shape.fields) {
                const fieldShape = shape.fields[name];
                if (!Object.hasOwn(record, name))
                    continue;
                if (xml || needsRevival(fieldShape) || holdsList(fieldShape)) {
                    const given = record[name];
                    const typed = fromWire(given, fieldShape, xml);
                    // XML writes an absent value as an empty element.
                    if (typed === undefined)
                        delete record[name];
                    else if (typed !== given)
                        Object.defineProperty(record, name, { value: typed, writable: true, enumerable: true, configurable: true });
                }
            }
            return record;
        }
        default:
            return xml && typeof value === 'string' ? fromXmlText(value, shape.type) : reviveInt64(value, shape);
    }
}
/** An XML element's text as the scalar its shape says; an empty non-text element is absent. */
function fromXmlText(text, type) {
    switch (type) {
        case 'string':
        case 'date-time':
        case 'date':
        case 'price':
        case 'json':
            return text;
        case 'boolean':
            return text === 'true' ? true : text === 'false' ? false : text === '' ? undefined : text;
        case 'int64':
            return text === '' ? undefined : INTEGER_TEXT.test(text) ? BigInt(text) : text;
        default:
            return text === '' ? undefined : Number.isFinite(Number(text)) ? Number(text) : text;
    }
}
/**
 * A typed answer as TOP writes it with `format=json` (not simplified): every
 * list an object holding the array under its item element. A new value; the
 * input is not touched. An empty list is left out, as TOP does.
 */
function toWire(value, shape) {
    if (!holdsList(shape) || value === null || typeof value !== 'object')
        return value;
    if (shape.type === 'array') {
        if (!Array.isArray(value))
            return value;
        return { [shape.itemName ?? 'item']: value.map((item) => toWire(item, shape.items)) };
    }
    if (shape.type !== 'object' || Array.isArray(value))
        return value;
    const record = value;
    const out = {};
    // The schema's fields first, in its order (as stringifyJson writes them), then any others.
    const names = [...Object.keys(shape.fields).filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !Object.hasOwn(shape.fields, k))];
    for (const name of names) {
        const item = record[name];
        const fieldShape = Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
        if (fieldShape?.type === 'array' && Array.isArray(item) && item.length === 0)
            continue;
        Object.defineProperty(out, name, { value: fieldShape ? toWire(item, fieldShape) : item, writable: true, enumerable: true, configurable: true });
    }
    return out;
}
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/**
 * The first int64 field of a decoded answer that still holds text after
 * revival (a number written with a fraction or exponent, which the parser keeps
 * as text rather than round), an integer outside the Long range, or a value
 * that is no integer at all (true, a list, an object): its path and text (a
 * word for a list or an object), or undefined.
 */
function inexactInt64(value, shape, path) {
    const parts = [];
    const text = findInexact(value, shape, parts);
    if (text === undefined)
        return undefined;
    let where = path;
    for (let i = parts.length - 1; i >= 0; i--)
        where += typeof parts[i] === 'number' ? `[${parts[i]}]` : `.${parts[i]}`;
    return { path: where, text };
}
/** The text of the first inexact int64 under `value`; its path is pushed onto `parts` innermost first, only once found. */
function findInexact(value, shape, parts) {
    if (!needsRevival(shape))
        return undefined;
    switch (shape.type) {
        case 'int64':
            // Text (a fraction or exponent kept unrounded), or a bigint no Java Long holds.
            if (typeof value === 'string')
                return value;
            if (typeof value === 'bigint')
                return value > INT64_MAX || value < INT64_MIN ? value.toString() : undefined;
            // Anything else but absence (true, a list, an object) is no integer at all, and would
            // reach the caller typed as a bigint with validateResponses off, the default (review rv7).
            if (value === undefined || value === null)
                return undefined;
            return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : String(value);
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                return undefined;
            const record = value;
            for (const [name, fieldShape] of fieldsToRevive(shape)) {
                if (!Object.hasOwn(record, name))
                    continue;
                const found = findInexact(record[name], fieldShape, parts);
                if (found !== undefined) {
                    parts.push(name);
                    return found;
                }
            }
            return undefined;
        }
        case 'array': {
            if (!Array.isArray(value))
                return undefined;
            for (let i = 0; i < value.length; i++) {
                const found = findInexact(value[i], shape.items, parts);
                if (found !== undefined) {
                    parts.push(i);
                    return found;
                }
            }
            return undefined;
        }
        default:
            return undefined;
    }
}
