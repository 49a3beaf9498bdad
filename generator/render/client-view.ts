// What the client templates print, computed from the model: TypeScript for
// the shapes, JSDoc lines, type names. Templates stay free of decisions.
import { paramSpec } from '../model/runtime-shapes.ts';
import type { ApiModel, FieldModel, OperationModel, ScalarKind, ShapeModel } from '../model/types.ts';

// One const per scalar kind the spec uses; its TypeScript name.
const PRIMITIVES: Record<ScalarKind, string> = {
  string: 'string',
  boolean: 'boolean',
  int64: 'int64',
  int32: 'int32',
  number: 'number',
  'date-time': 'dateTime',
  date: 'date',
  price: 'price',
  json: 'json',
  file: 'file',
};

/** TypeScript for a shape, naming object shapes by their schema name. */
export function shapeExpression(shape: ShapeModel): string {
  switch (shape.kind) {
    case 'object':
      if (shape.name) return shape.name;
      return objectLiteral(shape.fields);
    case 'array':
      return `{ type: 'array', items: ${shapeExpression(shape.items)}${shape.itemName !== undefined ? `, itemName: ${JSON.stringify(shape.itemName)}` : ''} }`;
    default:
      return PRIMITIVES[shape.kind];
  }
}

function objectLiteral(fields: FieldModel[], name?: string): string {
  return `{ type: 'object',${name ? ` name: '${name}',` : ''} fields: { ${fields.map((f) => `${propertyKey(f.name)}: ${shapeExpression(f.shape)}`).join(', ')} } }`;
}

/** A TypeScript literal of a spec value, with int64 fields as bigint literals. */
export function tsLiteral(value: unknown, shape: ShapeModel | undefined, indent = ''): string {
  if (value === null || value === undefined) return 'undefined';
  if (shape?.kind === 'int64' && (typeof value === 'number' || typeof value === 'string' || typeof value === 'bigint') && /^-?\d+$/.test(String(value))) return `${value}n`;
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) {
    const items = shape?.kind === 'array' ? shape.items : undefined;
    return `[${value.map((v) => tsLiteral(v, items, indent)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = shape?.kind === 'object' ? shape.fields : [];
    const inner = `${indent}  `;
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${propertyKey(k)}: ${tsLiteral(v, fields.find((f) => f.name === k)?.shape, inner)},`);
    return entries.length ? `{\n${entries.join('\n')}\n${indent}}` : '{}';
  }
  return JSON.stringify(value);
}

function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

function primitivesUsed(shapes: ShapeModel[]): ScalarKind[] {
  const used = new Set<string>();
  const visit = (s: ShapeModel): void => {
    if (s.kind === 'object') s.fields.forEach((f) => visit(f.shape));
    else if (s.kind === 'array') visit(s.items);
    else used.add(s.kind);
  };
  shapes.forEach(visit);
  return (Object.keys(PRIMITIVES) as ScalarKind[]).filter((k) => used.has(k));
}

/** Named object shapes with every dependency before its user. */
function orderedShapes(model: ApiModel): { name: string; shape: ShapeModel & { kind: 'object' } }[] {
  const byName = new Map(model.schemas.map((s) => [s.name, s.shape]));
  const out: { name: string; shape: ShapeModel & { kind: 'object' } }[] = [];
  const done = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    done.add(name);
    const shape = byName.get(name)!;
    const deps = (s: ShapeModel): void => {
      if (s.kind === 'object') {
        if (s.name && s.name !== name) visit(s.name);
        else s.fields.forEach((f) => deps(f.shape));
      } else if (s.kind === 'array') deps(s.items);
    };
    shape.fields.forEach((f) => deps(f.shape));
    out.push({ name, shape });
  };
  [...byName.keys()].forEach(visit);
  return out;
}

/** Text for inside a block comment: a `*\/` in it would end the comment. */
export const inComment = (text: string): string => text.replace(/\*\//g, '*\\/');

/** A JSDoc block, each line prefixed, `*\/` made harmless. */
export function jsdoc(lines: string[], indent: string): string {
  const safe = lines.flatMap((l) => l.split('\n')).map(inComment);
  return [`${indent}/**`, ...safe.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join('\n');
}

function operationDoc(op: OperationModel): string[] {
  const lines = [`${op.summary.zh} — ${op.summary.en}`, ''];
  if (op.description.zh && op.description.zh !== op.summary.zh) lines.push(op.description.zh, '');
  if (op.description.en) lines.push(op.description.en, '');
  lines.push(`TOP method \`${op.method}\`; answer root \`${op.responseRoot}\`.`);
  lines.push(op.session ? 'Needs a user session: pass `options.session` or set `session` on the client.' : 'No user session needed.');
  lines.push(
    op.query
      ? 'A query: it changes nothing and has no idempotency key, so resending it is always safe.'
      : op.idempotencyKey.length === 0
        ? 'Changes state and has no idempotency key: after a failure that may have reached the gateway, find out what it did before calling again (a second call may act twice).'
        : `Idempotency key: ${op.idempotencyKey.map((k) => `\`${k}\``).join(', else ')}. To retry after an uncertain failure, call again with the same value.`,
  );
  lines.push('@throws {TopValidationError} before any network I/O, naming the field path');
  lines.push('@throws {TopError} when the gateway answers `error_response`');
  if (op.deprecated) lines.push('@deprecated');
  return lines;
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

export function clientView(model: ApiModel) {
  const shapes = orderedShapes(model);
  const primitives = primitivesUsed([...model.schemas.map((s) => s.shape), ...model.operations.flatMap((op) => op.params.map((p) => p.shape))]);
  return {
    // Each file imports exactly the names it uses (the output compiles under noUnusedLocals).
    schemaImports: ['TopMethod', 'TopMethods', ...new Set(model.operations.flatMap((op) => [op.requestSchema, op.responseSchema]))].join(', '),
    operationTypeImports: [...new Set(model.operations.flatMap((op) => [op.requestSchema, op.responseSchema]))].join(', '),
    responseTypeImports: [...new Set(model.operations.map((op) => op.responseSchema))].join(', '),
    // Printed inside the client's and the gateway's JSDoc.
    title: inComment(model.title),
    version: inComment(model.version),
    methodList: model.operations.map((op) => op.method).join(', '),
    primitives: primitives.map((kind) => ({ name: PRIMITIVES[kind], kind })),
    shapes: shapes.map(({ name, shape }) => ({ name, code: objectLiteral(shape.fields, name) })),
    schemaTypes: model.schemas.map((s) => ({ name: s.name, doc: jsdoc([s.description.zh, s.description.en].filter(Boolean), '') })),
    operations: model.operations.map((op) => ({
      operationId: op.operationId,
      typePrefix: pascal(op.operationId),
      method: op.method,
      responseRoot: op.responseRoot,
      session: op.session,
      idempotencyKey: JSON.stringify(op.idempotencyKey),
      query: op.query,
      multipart: op.multipart,
      requestType: op.requestSchema,
      responseType: op.responseSchema,
      params: op.params.map((p) => {
        const spec = paramSpec(p);
        return {
          key: propertyKey(p.name),
          shape: shapeExpression(p.shape),
          required: p.required,
          encoding: JSON.stringify(spec.encoding),
          default: spec.default !== undefined ? `, default: ${JSON.stringify(spec.default)}` : '',
        };
      }),
      response: op.responseSchema,
      doc: jsdoc(operationDoc(op), '  '),
    })),
  };
}
