// The JSON Schemas the validators are compiled from: the spec's own schemas
// with their constraints, minus annotations, with two TOP policies applied.
//  - int64 becomes the `x-int64` keyword: the value must be a bigint in range
//    (the client's representation), never a lossy JS number.
//  - request objects are closed (`additionalProperties: false`) so a misspelt
//    field fails before sending instead of being silently dropped by TOP;
//    answers stay open, since TOP adds fields to answers over time.
import type { ApiModel } from '../model/types.ts';
import { isObject, type Json } from '../json-pointer.ts';

const ANNOTATIONS = new Set(['description', 'x-description-zh', 'examples', 'example', 'title', 'deprecated', 'default', 'xml', 'externalDocs', 'readOnly', 'writeOnly', '$comment']);

export type Side = 'req' | 'res';

export const defName = (side: Side, schema: string) => `${side}_${schema}`;

function transform(node: unknown, side: Side): unknown {
  if (Array.isArray(node)) return node.map((n) => transform(n, side));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    const m = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
    if (!m) throw new Error(`validator schemas: unsupported $ref ${node.$ref}`);
    return { $ref: `#/$defs/${defName(side, m[1]!)}` };
  }
  if (node.type === 'integer' && node.format === 'int64') {
    const out: Json = { 'x-int64': true };
    if (Array.isArray(node.enum)) out.enum = node.enum.map((v) => BigInt(v as number));
    return out;
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, transform(sub, side)]));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = transform(value, side);
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((sub) => transform(sub, side));
    } else {
      out[key] = value;
    }
  }
  if (side === 'req' && out.type === 'object' && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

/** One schema resource holding every definition, and the entry points to export. */
export function validatorSchemas(model: ApiModel): { root: Json; exports: Record<string, string> } {
  const components = (isObject(model.document.components) && isObject(model.document.components.schemas) ? model.document.components.schemas : {}) as Json;
  const $defs: Json = {};
  for (const side of ['req', 'res'] as const) {
    for (const [name, schema] of Object.entries(components)) $defs[defName(side, name)] = transform(schema, side);
  }
  const exports: Record<string, string> = {};
  for (const op of model.operations) {
    exports[`validateRequest_${op.operationId}`] = `top#/$defs/${defName('req', op.requestSchema)}`;
    exports[`validateResponse_${op.operationId}`] = `top#/$defs/${defName('res', op.responseSchema)}`;
  }
  return { root: { $id: 'top', $defs }, exports };
}
