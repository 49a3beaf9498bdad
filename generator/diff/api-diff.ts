// The API surface of two versions of the spec, compared: what a published
// client or gateway would notice. Reads models, never raw specs.
import type { ApiModel, Constraints, FieldModel, OperationModel, ShapeModel } from '../model/types.ts';

export type Side = 'operation' | 'request' | 'response';

export interface Change {
  breaking: boolean;
  method: string;
  side: Side;
  /** Dotted field path (lists as `name[]`), or '' for the operation itself. */
  path: string;
  what: string;
}

interface FlatField {
  path: string;
  name: string;
  type: string;
  required: boolean;
  deprecated: boolean;
  constraints: Constraints;
  /** A list's item element (TOP wraps answer lists in it). */
  itemName: string | undefined;
  encoding: string | undefined;
  hasDefault: boolean;
  default: unknown;
}

function typeOf(shape: ShapeModel): string {
  switch (shape.kind) {
    case 'object':
      return shape.name ? `object ${shape.name}` : 'object';
    case 'array':
      return `${typeOf(shape.items)}[]`;
    default:
      return shape.kind;
  }
}

function flatten(fields: FieldModel[], prefix = ''): FlatField[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const self: FlatField = {
      path,
      name: f.name,
      type: typeOf(f.shape),
      required: f.required,
      deprecated: f.deprecated,
      constraints: f.constraints ?? {},
      itemName: f.shape.kind === 'array' ? f.shape.itemName : undefined,
      encoding: f.encoding,
      hasDefault: f.hasDefault ?? false,
      default: f.default,
    };
    const inner = f.shape.kind === 'array' ? f.shape.items : f.shape;
    const nestedPrefix = f.shape.kind === 'array' ? `${path}[]` : path;
    return [self, ...(inner.kind === 'object' ? flatten(inner.fields, nestedPrefix) : [])];
  });
}

// Two object types with different names but the same fields are the same to a
// client: the field-by-field comparison speaks for them, not their names.
const comparable = (type: string) => type.replace(/^object \S+/, 'object').replace(/object \S+\[\]$/, 'object[]');

function compareFields(method: string, side: 'request' | 'response', before: FieldModel[], after: FieldModel[]): Change[] {
  const changes: Change[] = [];
  const oldFields = new Map(flatten(before).map((f) => [f.path, f]));
  const newFields = new Map(flatten(after).map((f) => [f.path, f]));
  const removed = [...oldFields.values()].filter((f) => !newFields.has(f.path));
  const added = [...newFields.values()].filter((f) => !oldFields.has(f.path));
  const movedTo = new Map<string, FlatField>();
  for (const gone of removed) {
    // A field that left one parent and appeared under another, alone of its name: moved.
    const candidates = added.filter((a) => a.name === gone.name && comparable(a.type) === comparable(gone.type));
    if (candidates.length === 1 && !movedTo.has(candidates[0]!.path)) movedTo.set(candidates[0]!.path, gone);
  }
  const movedFrom = new Set([...movedTo.values()].map((f) => f.path));
  // A removed or moved parent reports once, not again for each field inside it.
  const under = (path: string, parents: Iterable<string>) => [...parents].some((p) => path.startsWith(`${p}.`) || path.startsWith(`${p}[]`));

  for (const [to, from] of movedTo) {
    if (under(to, movedTo.keys())) continue;
    changes.push({ breaking: true, method, side, path: to, what: `moved from ${from.path}` });
  }
  const removedPaths = removed.filter((f) => !movedFrom.has(f.path)).map((f) => f.path);
  for (const f of removed) {
    if (movedFrom.has(f.path) || under(f.path, removedPaths) || under(f.path, movedFrom)) continue;
    changes.push({ breaking: true, method, side, path: f.path, what: 'removed' });
  }
  const addedPaths = added.filter((f) => !movedTo.has(f.path)).map((f) => f.path);
  for (const f of added) {
    if (movedTo.has(f.path) || under(f.path, addedPaths) || under(f.path, movedTo.keys())) continue;
    // A new required request field breaks every caller; anything else added is an extension.
    const breaking = side === 'request' && f.required;
    changes.push({ breaking, method, side, path: f.path, what: `added${f.required ? ', required' : ''} (${f.type})` });
  }
  for (const [path, oldField] of oldFields) {
    const newField = newFields.get(path);
    if (!newField) continue;
    if (comparable(oldField.type) !== comparable(newField.type)) {
      changes.push({ breaking: true, method, side, path, what: `type changed: ${oldField.type} → ${newField.type}` });
    }
    if (oldField.required !== newField.required) {
      // Requests: newly required breaks callers. Answers: newly optional breaks readers.
      const breaking = side === 'request' ? newField.required : !newField.required;
      changes.push({ breaking, method, side, path, what: newField.required ? 'made required' : 'made optional' });
    }
    if (!oldField.deprecated && newField.deprecated) changes.push({ breaking: false, method, side, path, what: 'deprecated' });
    if (oldField.encoding !== newField.encoding && oldField.encoding !== undefined && newField.encoding !== undefined) {
      changes.push({ breaking: true, method, side, path, what: `encoding changed: ${oldField.encoding} → ${newField.encoding}` });
    }
    if (oldField.itemName !== newField.itemName) {
      // Readers of TOP's JSON and XML find the items by this name.
      changes.push({ breaking: true, method, side, path, what: `list item element changed: ${oldField.itemName ?? '(none)'} → ${newField.itemName ?? '(none)'}` });
    }
    if (side === 'request' && (oldField.hasDefault !== newField.hasDefault || (oldField.hasDefault && String(oldField.default) !== String(newField.default)))) {
      const what = !newField.hasDefault
        ? 'default removed'
        : !oldField.hasDefault
          ? `default added: ${String(newField.default)}`
          : `default changed: ${String(oldField.default)} → ${String(newField.default)}`;
      // A caller that left the field out now gets another value.
      changes.push({ breaking: oldField.hasDefault, method, side, path, what });
    }
    changes.push(...compareConstraints(method, side, path, oldField.constraints, newField.constraints));
  }
  return changes;
}

const num = (v: unknown): bigint | number | undefined => (v === undefined ? undefined : typeof v === 'bigint' || typeof v === 'number' ? v : /^-?\d+$/.test(String(v)) ? BigInt(String(v)) : Number(v));
const less = (a: bigint | number, b: bigint | number) => (typeof a === typeof b ? a < b : BigInt(Math.trunc(Number(a))) < BigInt(Math.trunc(Number(b))));

/**
 * Constraint changes. On a request, narrowing (a lower maximum, a higher
 * minimum, a new or shorter enum, a new pattern) refuses calls that worked:
 * breaking; widening is not. On an answer it is the other way round: values
 * readers never saw may now arrive.
 */
function compareConstraints(method: string, side: 'request' | 'response', path: string, before: Constraints, after: Constraints): Change[] {
  const changes: Change[] = [];
  const report = (narrowed: boolean, what: string) => changes.push({ breaking: side === 'request' ? narrowed : !narrowed, method, side, path, what });
  for (const [key, upper] of [
    ['maxLength', true],
    ['maxItems', true],
    ['maximum', true],
    ['minLength', false],
    ['minItems', false],
    ['minimum', false],
  ] as const) {
    const a = num(before[key]);
    const b = num(after[key]);
    if (a === undefined && b === undefined) continue;
    if (a !== undefined && b !== undefined && String(a) === String(b)) continue;
    // For an upper bound, narrowing is a new or lower bound; for a lower bound, a new or higher one.
    const narrowed = a === undefined ? true : b === undefined ? false : upper ? less(b, a) : less(a, b);
    report(narrowed, `${key} ${a === undefined ? 'added' : b === undefined ? 'removed' : 'changed'}: ${a ?? '(none)'} → ${b ?? '(none)'}`);
  }
  const oldEnum = before.enum?.map(String);
  const newEnum = after.enum?.map(String);
  if (oldEnum || newEnum) {
    const removed = oldEnum && newEnum ? oldEnum.filter((v) => !newEnum.includes(v)) : [];
    const added = oldEnum && newEnum ? newEnum.filter((v) => !oldEnum.includes(v)) : [];
    if (!oldEnum) report(true, `enum added: ${newEnum!.join(', ')}`);
    else if (!newEnum) report(false, 'enum removed');
    else {
      if (removed.length) report(true, `enum values removed: ${removed.join(', ')}`);
      if (added.length) report(false, `enum values added: ${added.join(', ')}`);
    }
  }
  if (before.pattern !== after.pattern)
    report(
      after.pattern !== undefined,
      `pattern ${before.pattern === undefined ? 'added' : after.pattern === undefined ? 'removed' : 'changed'}: ${before.pattern ?? '(none)'} → ${after.pattern ?? '(none)'}`,
    );
  return changes;
}

function compareOperation(before: OperationModel, after: OperationModel): Change[] {
  const changes: Change[] = [];
  const method = after.method;
  if (before.session !== after.session) {
    changes.push({ breaking: after.session, method, side: 'operation', path: '', what: after.session ? 'now needs a session' : 'no longer needs a session' });
  }
  const wasQuery = before.idempotencyKey.length === 0;
  const isQuery = after.idempotencyKey.length === 0;
  // Neither has a key: a query (safe to resend) became a write without a key, or the reverse.
  if (wasQuery && isQuery && before.query !== after.query) {
    changes.push(
      after.query
        ? { breaking: false, method, side: 'operation', path: '', what: 'a write without an idempotency key became a query: resending it is now safe' }
        : { breaking: true, method, side: 'operation', path: '', what: 'a query became a write without an idempotency key: resending it is no longer safe' },
    );
  }
  if (wasQuery && !isQuery) {
    // Resending was always safe; now a repeated key with other parameters is refused.
    changes.push({ breaking: true, method, side: 'operation', path: '', what: `a query became a payment: idempotency key added (${after.idempotencyKey.join(', ')})` });
  } else if (!wasQuery && isQuery) {
    // Retries are no longer deduplicated: a caller's safe retry may now run twice.
    changes.push({ breaking: true, method, side: 'operation', path: '', what: `a payment became a query: idempotency key removed (${before.idempotencyKey.join(', ')})` });
  } else if (before.idempotencyKey.join() !== after.idempotencyKey.join()) {
    changes.push({ breaking: true, method, side: 'operation', path: '', what: `idempotency key changed: ${before.idempotencyKey.join(', ')} → ${after.idempotencyKey.join(', ')}` });
  }
  if ((before.multipart ?? false) !== (after.multipart ?? false)) {
    changes.push({ breaking: true, method, side: 'operation', path: '', what: after.multipart ? 'now an upload (multipart/form-data)' : 'no longer an upload (form body)' });
  }
  if (!before.deprecated && after.deprecated) changes.push({ breaking: false, method, side: 'operation', path: '', what: 'deprecated' });
  return [...changes, ...compareFields(method, 'request', before.params, after.params), ...compareFields(method, 'response', before.response, after.response)];
}

export function diffApis(before: ApiModel, after: ApiModel): Change[] {
  const changes: Change[] = [];
  const oldOps = new Map(before.operations.map((op) => [op.method, op]));
  const newOps = new Map(after.operations.map((op) => [op.method, op]));
  for (const [method, op] of oldOps) {
    const next = newOps.get(method);
    if (!next) changes.push({ breaking: true, method, side: 'operation', path: '', what: 'operation removed' });
    else changes.push(...compareOperation(op, next));
  }
  for (const method of newOps.keys()) {
    if (!oldOps.has(method)) changes.push({ breaking: false, method, side: 'operation', path: '', what: 'operation added' });
  }
  return changes;
}

export function formatChange(c: Change): string {
  return `${c.breaking ? 'BREAKING    ' : 'non-breaking'}  ${c.method}  ${c.side}${c.path ? `  ${c.path}` : ''}: ${c.what}`;
}
