import { type MarksLeft } from './int-marker.ts';
/** TOP's scalar types as the runtime tells them apart. */
export type ScalarType = 'string' | 'boolean' | 'int64' | 'int32' | 'number' | 'date-time' | 'date' | 'price' | 'json' | 'file';
export type Shape = {
    readonly type: ScalarType;
} | {
    readonly type: 'object';
    readonly name?: string;
    readonly fields: Readonly<Record<string, Shape>>;
}
/** `itemName`: the element TOP wraps each item in, in JSON (`"trades":{"trade":[…]}`) and XML answers alike. */
 | {
    readonly type: 'array';
    readonly items: Shape;
    readonly itemName?: string;
};
/**
 * Turns every int64 field of a freshly decoded value into a bigint, in place:
 * JSON numbers (exact below 2^53, bigint above from the lossless parser) and
 * digit strings (from a form field or XML). Anything else is left for the
 * validator to reject by path. With `left`, the strings the lossless JSON
 * reader marked (int-marker.ts) in int64 fields become bigint too, counted off
 * `left.marks`. Returns the value for chaining.
 */
export declare function reviveInt64(value: unknown, shape: Shape, left?: MarksLeft): unknown;
/** Whether a shape holds an int64 anywhere (so a walk can skip the rest). */
export declare function needsRevival(shape: Shape): boolean;
/** Whether a shape holds a list anywhere (answers with none need no wrapping walk). */
export declare function holdsList(shape: Shape): boolean;
/**
 * An answer as TOP sends it (lists wrapped in their item element, from
 * `format=json`; or plain arrays, from `simplify=true`; or XML read into
 * objects, where one item is not yet a list) made into the typed value: every
 * list a plain array, every int64 a bigint. In place where it can; returns
 * the value.
 */
export declare function fromWire(value: unknown, shape: Shape, xml?: boolean): unknown;
/**
 * A typed answer as TOP writes it with `format=json` (not simplified): every
 * list an object holding the array under its item element. A new value; the
 * input is not touched. An empty list is left out, as TOP does.
 */
export declare function toWire(value: unknown, shape: Shape): unknown;
/**
 * The first int64 field of a decoded answer that still holds text after
 * revival (a number written with a fraction or exponent, which the parser keeps
 * as text rather than round), an integer outside the Long range, or a value
 * that is no integer at all (true, a list, an object): its path and text (a
 * word for a list or an object), or undefined.
 */
export declare function inexactInt64(value: unknown, shape: Shape, path: string): {
    path: string;
    text: string;
} | undefined;
