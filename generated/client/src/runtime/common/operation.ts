// Copied from runtime/common/operation.ts by the TOP generator: edit that file, then regenerate.
// What the generator knows about one TOP API, as both runtimes need it.
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

// The segments of each path, split once: the paths are the spec's (a few an operation), and are read twice a call.
const segmentsOf = new Map<string, readonly string[]>();

/** The value at a dotted path (`param0.pre_pay_no`) of decoded parameters, if present. */
export function valueAtPath(params: unknown, path: string): unknown {
  let segments = segmentsOf.get(path);
  if (segments === undefined) {
    segments = path.split('.');
    // Paths come from descriptors, but a caller could pass any: never more than a spec's worth kept.
    if (segmentsOf.size >= 1024) segmentsOf.clear();
    segmentsOf.set(path, segments);
  }
  let current = params;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** The idempotency key of a call: the first candidate path that holds a non-empty value. */
export function idempotencyKeyOf(op: OperationDescriptor, params: unknown): { path: string; value: string } | undefined {
  for (const path of op.idempotencyKey) {
    const value = valueAtPath(params, path);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'bigint' || typeof value === 'number') return { path, value: String(value) };
  }
  return undefined;
}
