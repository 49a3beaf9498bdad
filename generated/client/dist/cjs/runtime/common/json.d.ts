import type { Shape } from './shape.ts';
export declare function parseJson(text: string): unknown;
/**
 * Compact JSON text. With a shape, an object's known fields are written first,
 * in the schema's order, so the same value always gives the same text; other
 * own keys follow in insertion order. null and undefined fields are left out;
 * bigint is written as its digits.
 */
export declare function stringifyJson(value: unknown, shape?: Shape): string;
