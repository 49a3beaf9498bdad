// What the server and mock templates print, beyond the client's view.
import { readXml } from '../../runtime/common/xml-read.ts';
import type { ApiModel, FieldModel, OperationModel, ShapeModel } from '../model/types.ts';
import { clientView, tsLiteral } from './client-view.ts';

type Leaf = { path: string; name: string; kind: string };

function leaves(fields: { name: string; shape: ShapeModel }[], prefix = ''): Leaf[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    if (f.shape.kind === 'object') return leaves(f.shape.fields, path);
    if (f.shape.kind === 'array') return [];
    return [{ path, name: f.name, kind: f.shape.kind }];
  });
}

/**
 * The answer fields the mock fills from the request: a response leaf whose
 * name and type match exactly one request leaf (the caller's own ids come
 * back), and `app_key` from the caller. The envelope's request_id is the
 * gateway's and is never echoed.
 */
export function mockEchoes(op: OperationModel): [string, string][] {
  const request = leaves(op.params);
  return leaves(op.response)
    .filter((leaf) => leaf.path !== 'request_id')
    .flatMap((leaf): [string, string][] => {
      if (leaf.name === 'app_key' && leaf.kind === 'string') return [[leaf.path, '$app_key']];
      const matches = request.filter((r) => r.name === leaf.name && r.kind === leaf.kind);
      return matches.length === 1 ? [[leaf.path, matches[0]!.path]] : [];
    });
}

/**
 * Answer fields the XML example shows (often empty, as `<buyer_id></buyer_id>`)
 * that the JSON example leaves out: the mock answers them as null, so its XML
 * has every element of the page's example.
 */
export function xmlOnlyFields(op: OperationModel): string[] {
  const xml = op.xmlExamples.find((e) => e.name === 'success')?.value;
  const json = (op.jsonExamples.find((e) => e.name === 'success')?.value as Record<string, unknown> | undefined)?.[op.responseRoot];
  if (typeof xml !== 'string') return [];
  let tree: unknown;
  try {
    tree = readXml(xml)[op.responseRoot];
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (fields: FieldModel[], fromXml: unknown, fromJson: unknown, prefix: string) => {
    if (typeof fromXml !== 'object' || fromXml === null) return;
    for (const field of fields) {
      if (!Object.hasOwn(fromXml, field.name)) continue;
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      const jsonValue = typeof fromJson === 'object' && fromJson !== null ? (fromJson as Record<string, unknown>)[field.name] : undefined;
      if (jsonValue === undefined) out.push(path);
      else if (field.shape.kind === 'object') walk(field.shape.fields, (fromXml as Record<string, unknown>)[field.name], jsonValue, path);
    }
  };
  walk(op.response, tree, json, '');
  return out;
}

export function serverView(model: ApiModel) {
  const base = clientView(model);
  return {
    ...base,
    operations: base.operations.map((view, i) => {
      const op = model.operations[i]!;
      const success = op.jsonExamples.find((e) => e.name === 'success')?.value as Record<string, unknown> | undefined;
      const example = success?.[op.responseRoot] ?? {};
      return {
        ...view,
        exampleAnswer: tsLiteral(example, { kind: 'object', name: op.responseSchema, fields: op.response }),
        echoes: JSON.stringify(mockEchoes(op)),
        emptyFields: JSON.stringify(xmlOnlyFields(op)),
      };
    }),
  };
}
