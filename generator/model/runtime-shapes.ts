// The model's fields as the runtime reads them (runtime/common/shape.ts,
// params.ts): the descriptors the generated code prints and the docs' demo
// calls use are both made here, so the two cannot disagree.
import { encodeParam, type ParamSpec, type ParamSpecs } from '../../runtime/common/params.ts';
import { type Shape, toWire } from '../../runtime/common/shape.ts';
import type { FieldModel, OperationModel, ShapeModel } from './types.ts';

export function runtimeShape(shape: ShapeModel): Shape {
  switch (shape.kind) {
    case 'object':
      return { type: 'object', ...(shape.name ? { name: shape.name } : {}), fields: Object.fromEntries(shape.fields.map((f) => [f.name, runtimeShape(f.shape)])) };
    case 'array':
      return { type: 'array', items: runtimeShape(shape.items), ...(shape.itemName ? { itemName: shape.itemName } : {}) };
    default:
      return { type: shape.kind };
  }
}

/** A parameter's documented default as the wire text the gateway applies. */
export function defaultText(param: FieldModel): string | undefined {
  if (!param.hasDefault || param.encoding === undefined || param.encoding === 'file') return undefined;
  return encodeParam(param.default, { shape: runtimeShape(param.shape), required: false, encoding: param.encoding });
}

/**
 * Whether a handler always receives this parameter: it is required, or the
 * gateway applies its documented default when the caller leaves it out
 * (`decodeParams`). A file has no default; a field inside a DTO is never
 * filled in, so only top-level parameters qualify.
 */
export function alwaysReceived(param: FieldModel): boolean {
  return param.required || defaultText(param) !== undefined;
}

export function paramSpec(param: FieldModel): ParamSpec {
  const text = defaultText(param);
  return { shape: runtimeShape(param.shape), required: param.required, encoding: param.encoding ?? 'text', ...(text !== undefined ? { default: text } : {}) };
}

export function paramSpecs(op: OperationModel): ParamSpecs {
  return Object.fromEntries(op.params.map((p) => [p.name, paramSpec(p)]));
}

/** An answer example as TOP sends it with `format=json`: each list wrapped in its item element. */
export function wireAnswerExample(op: OperationModel, example: unknown): unknown {
  if (typeof example !== 'object' || example === null || !Object.hasOwn(example, op.responseRoot)) return example;
  const shape = runtimeShape({ kind: 'object', name: op.responseSchema, fields: op.response });
  const envelope = example as Record<string, unknown>;
  return { ...envelope, [op.responseRoot]: toWire(envelope[op.responseRoot], shape) };
}
