import { type Shape } from './shape.ts';
export declare function parseJson(text: string): unknown;
/**
 * Parses JSON for a value of `shape`, int64 fields as bigint. An int64 field
 * written with a fraction or an exponent (`1.0`, `9.007199254740993e15`) is
 * left as its text, which the int64 check then refuses by path: its value is
 * never decided by a double, so nothing is rounded. Elsewhere such numbers are
 * ordinary numbers.
 */
export declare function parseJsonAs(text: string, shape: Shape): unknown;
/**
 * Compact JSON text. With a shape, an object's known fields are written first,
 * in the schema's order, so the same value always gives the same text; other
 * own keys follow in insertion order. null and undefined fields are left out;
 * bigint is written as its digits, a Date as TOP's GMT+8 text.
 */
export declare function stringifyJson(value: unknown, shape?: Shape): string;
