import { type TopFileInput } from './multipart.ts';
import { type Shape } from './shape.ts';
import type { FieldProblem } from './validation.ts';
export type Encoding = 'text' | 'comma' | 'json' | 'file';
export interface ParamSpec {
    readonly shape: Shape;
    readonly required: boolean;
    readonly encoding: Encoding;
    /** The documented default, as wire text: the gateway applies it when the parameter is absent. */
    readonly default?: string;
}
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
/** One scalar as form text. Throws a message (no path) when the value cannot be written. */
export declare function encodeScalar(value: unknown, shape: Shape): string;
/** A parameter's form text (not for files). */
export declare function encodeParam(value: unknown, spec: ParamSpec | Shape): string;
/**
 * Encodes validated business parameters: form fields, and the files to send
 * as multipart parts. A parameter whose text would be empty is not sent (TOP
 * drops it); a required one is then a problem, not a silent omission.
 */
export declare function encodeParams(params: Readonly<Record<string, unknown>>, specs: ParamSpecs): {
    fields: Record<string, string>;
    files: Record<string, TopFileInput>;
    problems: FieldProblem[];
};
/**
 * Decodes form fields back into typed business parameters (the gateway's
 * side), applying documented defaults. A DTO whose JSON does not parse is
 * reported by path; a value of the wrong type is left as it came for the
 * validator to name. Files arrive already read, by name.
 */
export declare function decodeParams(fields: Readonly<Record<string, string>>, specs: ParamSpecs, files?: Readonly<Record<string, unknown>>): {
    params: Record<string, unknown>;
    problems: FieldProblem[];
};
