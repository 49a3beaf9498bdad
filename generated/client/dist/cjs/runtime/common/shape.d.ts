export type Shape = {
    readonly type: 'string';
} | {
    readonly type: 'boolean';
} | {
    readonly type: 'int64';
} | {
    readonly type: 'number';
} | {
    readonly type: 'object';
    readonly name?: string;
    readonly fields: Readonly<Record<string, Shape>>;
} | {
    readonly type: 'array';
    readonly items: Shape;
};
/**
 * Turns every int64 field of a freshly decoded value into a bigint, in place:
 * JSON numbers (exact below 2^53, bigint above from the lossless parser) and
 * digit strings (from a form field or XML). Anything else is left for the
 * validator to reject by path. Returns the value for chaining.
 */
export declare function reviveInt64(value: unknown, shape: Shape): unknown;
/** Whether a shape holds an int64 anywhere (so a walk can skip the rest). */
export declare function needsRevival(shape: Shape): boolean;
