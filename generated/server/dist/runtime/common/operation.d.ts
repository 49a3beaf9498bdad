import type { ParamSpecs } from './params.ts';
import type { Shape } from './shape.ts';
import type { CompiledValidator } from './validation.ts';
export interface OperationDescriptor {
    readonly operationId: string;
    readonly method: string;
    readonly responseRoot: string;
    readonly session: boolean;
    /** Candidate dotted paths of the idempotency key, first present wins; empty for a query API. */
    readonly idempotencyKey: readonly string[];
    /** A query API: it changes nothing, so resending it is always safe. (A write may have no key either: not a query.) */
    readonly query: boolean;
    /** The request is multipart/form-data: it has a file parameter. */
    readonly multipart: boolean;
    readonly params: ParamSpecs;
    readonly response: Shape;
    readonly validateRequest: CompiledValidator;
    readonly validateResponse: CompiledValidator;
}
/** The value at a dotted path (`param0.pre_pay_no`) of decoded parameters, if present. */
export declare function valueAtPath(params: unknown, path: string): unknown;
/** The idempotency key of a call: the first candidate path that holds a non-empty value. */
export declare function idempotencyKeyOf(op: OperationDescriptor, params: unknown): {
    path: string;
    value: string;
} | undefined;
