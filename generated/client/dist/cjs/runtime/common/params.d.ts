import type { FieldProblem } from './validation.ts';
import { type Shape } from './shape.ts';
export interface ParamSpec {
    readonly shape: Shape;
    readonly required: boolean;
}
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;
export declare function encodeParam(value: unknown, shape: Shape): string;
/**
 * Encodes validated business parameters into form fields. A parameter whose
 * text would be empty is not sent (TOP drops it); a required one is then a
 * problem, not a silent omission.
 */
export declare function encodeParams(params: Readonly<Record<string, unknown>>, specs: ParamSpecs): {
    fields: Record<string, string>;
    problems: FieldProblem[];
};
/**
 * Decodes form fields back into typed business parameters (the gateway's
 * side). A DTO whose JSON does not parse is reported by path; a value of the
 * wrong type is left as it came for the validator to name.
 */
export declare function decodeParams(fields: Readonly<Record<string, string>>, specs: ParamSpecs): {
    params: Record<string, unknown>;
    problems: FieldProblem[];
};
