// What the server and mock templates print, beyond the client's view.
import { INVALID_PARAMETER, invalidSubCode, MISSING_PARAMETER, missingSubCode } from '../../runtime/common/protocol.ts';
import { readXml } from '../../runtime/common/xml-read.ts';
import { alwaysReceived, defaultText } from '../model/runtime-shapes.ts';
import type { ApiModel, FieldModel, OperationModel, ShapeModel } from '../model/types.ts';
import { clientView, jsdoc, tsLiteral } from './client-view.ts';

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

/** A shape as a handler receives it, in words a reader of the server's types recognises. */
function receivedType(shape: ShapeModel): string {
  switch (shape.kind) {
    case 'int64':
      return 'bigint';
    case 'int32':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date-time':
      return 'string, GMT+8 `yyyy-MM-dd HH:mm:ss` as sent';
    case 'date':
      return 'string, `yyyy-MM-dd` as sent';
    case 'price':
      return 'string, the decimal amount as sent (never a float)';
    case 'json':
      return 'string, JSON text (checked to parse)';
    case 'file':
      return '`UploadedFile`: `{ filename, contentType, data: Uint8Array }`';
    case 'string':
      return 'string';
    case 'object':
      return shape.name ? `\`${shape.name}\`` : 'an object';
    case 'array':
      return `${receivedType(shape.items).split(',')[0]}[]`;
  }
}

/** What a handler receives for one business parameter: its type, and whether the gateway fills in a default. */
function receivedLine(p: FieldModel): string {
  const received = receivedType(p.shape);
  const type = received === `\`${p.topType}\`` ? `\`${p.name}\`: ${received}, decoded from its JSON text` : `\`${p.name}\` (${p.topType}): ${received}`;
  if (p.required) return `- ${type}; always present.`;
  if (alwaysReceived(p)) return `- ${type}; always present: the gateway applies the default \`${defaultText(p)}\` when the caller leaves it out.`;
  return `- ${type}; undefined when the caller leaves it out.`;
}

/** Whether a dotted path is present in every valid request: each step required. */
function alwaysThere(fields: FieldModel[], path: string[]): boolean {
  const field = fields.find((f) => f.name === path[0]);
  if (!field?.required) return false;
  if (path.length === 1) return true;
  return field.shape.kind === 'object' && alwaysThere(field.shape.fields, path.slice(1));
}

/** How idempotency applies to a handler (its JSDoc, and the scaffolded file the implementer keeps). */
export function idempotencyNote(op: OperationModel): string {
  if (op.query) return 'A query: no idempotency key, so the gateway calls this handler for every request, retries included; it must change nothing.';
  if (op.idempotencyKey.length === 0) {
    return "Changes state without an idempotency key (TOP gives this API none): the gateway calls this handler for every request, a caller's retry included, so a retry may act twice; make it safe to repeat where you can.";
  }
  const keys = op.idempotencyKey.map((k) => `\`${k}\``).join(', else ');
  const always = op.idempotencyKey.some((path) => alwaysThere(op.params, path.split('.')));
  return `Idempotency key: ${keys} (\`context.idempotencyKey\`). The gateway runs this handler once per app key and key value (while the outcome is kept, \`idempotencyTtlMs\`, default 24 h): a retry with the same key and parameters gets the recorded outcome, error answers included, without calling it again; the same key with other parameters is answered ${INVALID_PARAMETER} \`isv.idempotency-conflict:<path>\`, a blank key ${INVALID_PARAMETER} too. A caller that waits longer than \`handlerTimeoutMs\` is answered 15 \`isp.handler-timeout\` while the handler runs on; its outcome is still recorded and replayed. Throw \`NothingChangedError\` only when nothing was done: it releases the key, so a retry runs the handler again.${always ? '' : ' A call that carries no key value is not deduplicated: the handler runs each time.'}`;
}

/**
 * The handler's JSDoc, for whoever implements it: what it receives (already
 * validated and decoded), what it returns, which answers the gateway gives
 * without it and which are its to decide, and how idempotency applies.
 */
export function handlerDoc(op: OperationModel): string[] {
  const lines = [`${op.summary.zh} — ${op.summary.en}`, ''];
  if (op.description.zh && op.description.zh !== op.summary.zh) lines.push(op.description.zh, '');
  if (op.description.en) lines.push(op.description.en, '');
  lines.push(`Handles TOP method \`${op.method}\`.`, '');
  lines.push(`Receives \`${op.requestSchema}\`: the business parameters, already checked against the spec and decoded by the gateway (system parameters and the signature are checked and removed):`);
  lines.push(...(op.params.length ? op.params.map(receivedLine) : ['- none.']));
  lines.push('');
  lines.push(
    `Returns \`${op.responseSchema}\`, the answer inside \`${op.responseRoot}\` (or a promise of it). The gateway adds the envelope and \`request_id\`, writes JSON or XML as the caller asked (lists wrapped in their item elements), and answers 15 \`isp.invalid-response\` instead when the answer does not fit the spec.`,
  );
  lines.push('');
  lines.push(
    `Answered by the gateway without calling this handler: a missing or invalid system parameter or signature${op.session ? ', a missing or rejected session (`verifySession`)' : ''}, a missing required parameter (${MISSING_PARAMETER} \`${missingSubCode('<path>')}\`) and a parameter that breaks its type or constraints (${INVALID_PARAMETER} \`${invalidSubCode('<path>')}\`).`,
  );
  lines.push(
    "Decided by this handler: to refuse the call, throw `GatewayError(code, subCode, subMsg)` (TOP's APIs use 15 or 50 with an `isv.` sub_code when the caller must change the request, `isp.` when a later retry may succeed); anything else it throws is answered 15 `isp.service-error` and reported to `onHandlerError`.",
  );
  lines.push('');
  lines.push(idempotencyNote(op));
  lines.push(op.session ? "`context.user` is what `verifySession` returned for the caller's session." : 'Needs no user session: `context.user` is undefined.');
  if (op.deprecated) lines.push('@deprecated');
  return lines;
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
        doc: jsdoc(handlerDoc(op), '  '),
        exampleAnswer: tsLiteral(example, { kind: 'object', name: op.responseSchema, fields: op.response }),
        echoes: JSON.stringify(mockEchoes(op)),
        emptyFields: JSON.stringify(xmlOnlyFields(op)),
      };
    }),
  };
}
