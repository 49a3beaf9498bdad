// The JSON Schemas the validators are compiled from, printed from the field
// model (never from the raw spec), with TOP's policies applied:
//  - int64 is the `x-int64` keyword: the value must be a bigint in range (the
//    client's representation), never a lossy JS number; its bounds and enum
//    are bigint too.
//  - a request Date takes a JS Date or its GMT+8 text (`x-top-date`); a Price is
//    decimal text; a Json parameter is JSON text (`x-json-text`); a file is a
//    Blob, bytes or { filename, data } (`x-top-file`).
//  - request objects are closed (`additionalProperties: false`) so a misspelt
//    field fails before sending instead of being silently dropped by TOP;
//    answers stay open, since TOP adds fields to answers over time, and an
//    answer field may be null (TOP leaves it out; XML shows it empty).

import { PRICE_TEXT } from '../../runtime/common/top-values.ts';
import type { Json } from '../json-pointer.ts';
import type { ApiModel, Constraints, FieldModel, ShapeModel } from '../model/types.ts';

export type Side = 'req' | 'res';

export const defName = (side: Side, schema: string) => `${side}_${schema}`;

const INT32 = { minimum: -2147483648, maximum: 2147483647 };

function constraints(c: Constraints, kind: ShapeModel['kind']): Json {
  const out: Json = {};
  if (kind === 'int64') {
    if (c.minimum !== undefined) out['x-int64-minimum'] = String(c.minimum);
    if (c.maximum !== undefined) out['x-int64-maximum'] = String(c.maximum);
    if (c.enum) out['x-int64-enum'] = c.enum.map((v) => String(v));
    return out;
  }
  if (kind === 'file') {
    // 最大长度 of a byte[] is its size in bytes.
    if (c.maxLength !== undefined) out['x-top-file'] = { maxBytes: c.maxLength };
    return out;
  }
  for (const key of ['maxItems', 'minItems', 'minimum', 'maximum', 'pattern'] as const) {
    if (c[key] !== undefined) out[key] = typeof c[key] === 'bigint' ? Number(c[key]) : c[key];
  }
  // Lengths in characters (code points), by keywords that need no ajv runtime module.
  if (c.maxLength !== undefined) out['x-max-length'] = c.maxLength;
  if (c.minLength !== undefined) out['x-min-length'] = c.minLength;
  if (c.enum) out.enum = c.enum;
  return out;
}

function schemaOf(shape: ShapeModel, side: Side, c: Constraints = {}): Json {
  const own = constraints(c, shape.kind);
  switch (shape.kind) {
    case 'object':
      return shape.name ? { $ref: `#/$defs/${defName(side, shape.name)}` } : objectSchema(shape.fields, side);
    case 'array':
      return { type: 'array', items: schemaOf(shape.items, side), ...own };
    case 'int64':
      return { 'x-int64': true, ...own };
    case 'int32':
      return { type: 'integer', ...INT32, ...own };
    case 'number':
      return { type: 'number', ...own };
    case 'boolean':
      return { type: 'boolean', ...own };
    case 'date-time':
    case 'date':
      return side === 'req' ? { 'x-top-date': shape.kind, ...own } : { type: 'string', ...own };
    case 'price':
      return side === 'req' ? { type: 'string', pattern: PRICE_TEXT.source, ...own } : { type: 'string', ...own };
    case 'json':
      return side === 'req' ? { type: 'string', 'x-json-text': true, ...own } : { type: 'string', ...own };
    case 'file':
      return { 'x-top-file': true, ...own };
    default:
      return { type: 'string', ...own };
  }
}

const isInt64 = (schema: Json) => schema['x-int64'] === true;

function fieldSchema(field: FieldModel, side: Side): Json {
  const schema = schemaOf(field.shape, side, field.constraints);
  // TOP leaves an empty answer field out; a handler may say so with null.
  if (side === 'req') return schema;
  if (typeof schema.type === 'string' && !('enum' in schema)) return { ...schema, type: [schema.type, 'null'] };
  if (isInt64(schema)) return { ...schema, 'x-int64': 'nullable' };
  return { anyOf: [schema, { type: 'null' }] };
}

function objectSchema(fields: FieldModel[], side: Side): Json {
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, side)])),
    ...(required.length ? { required } : {}),
    ...(side === 'req' ? { additionalProperties: false } : {}),
  };
}

/** One schema resource holding every definition, and the entry points to export. */
export function validatorSchemas(model: ApiModel): { root: Json; exports: Record<string, string> } {
  const $defs: Json = {};
  for (const side of ['req', 'res'] as const) {
    for (const { name, shape } of model.schemas) $defs[defName(side, name)] = objectSchema(shape.fields, side);
  }
  const exports: Record<string, string> = {};
  for (const op of model.operations) {
    exports[`validateRequest_${op.operationId}`] = `top#/$defs/${defName('req', op.requestSchema)}`;
    exports[`validateResponse_${op.operationId}`] = `top#/$defs/${defName('res', op.responseSchema)}`;
  }
  return { root: { $id: 'top', $defs }, exports };
}
