// The API surface of two versions of the spec, compared: what a published
// client or gateway would notice. Reads models, never raw specs.
import type { ApiModel, FieldModel, OperationModel, ShapeModel } from '../model/types.ts';

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
    const self: FlatField = { path, name: f.name, type: typeOf(f.shape), required: f.required, deprecated: f.deprecated };
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
  }
  return changes;
}

function compareOperation(before: OperationModel, after: OperationModel): Change[] {
  const changes: Change[] = [];
  const method = after.method;
  if (before.session !== after.session) {
    changes.push({ breaking: after.session, method, side: 'operation', path: '', what: after.session ? 'now needs a session' : 'no longer needs a session' });
  }
  if (before.idempotencyKey.join() !== after.idempotencyKey.join()) {
    changes.push({ breaking: true, method, side: 'operation', path: '', what: `idempotency key changed: ${before.idempotencyKey.join(', ')} → ${after.idempotencyKey.join(', ')}` });
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
