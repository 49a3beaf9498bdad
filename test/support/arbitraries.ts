// fast-check arbitraries for valid values of a model shape (int64 as bigint,
// strings of any Unicode grapheme, never blank so TOP does not drop them).
import fc from 'fast-check';
import type { FieldModel, ShapeModel } from '../../generator/model/types.ts';

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');
const int64 = fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.bigInt({ min: 2n ** 53n - 2n, max: 2n ** 53n + 2n }));

// biome-ignore lint/suspicious/noShadowRestrictedNames: a module function, never a property of an object
export function valueOf(shape: ShapeModel): fc.Arbitrary<unknown> {
  switch (shape.kind) {
    case 'string':
      return text;
    case 'int64':
      return int64;
    case 'boolean':
      return fc.boolean();
    case 'number':
    case 'int32':
      return fc.integer();
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'price':
      return fc.tuple(fc.nat(99999), fc.nat(99)).map(([y, f]) => `${y}.${String(f).padStart(2, '0')}`);
    case 'json':
      return fc.json();
    case 'file':
      return fc.uint8Array({ maxLength: 16 });
    case 'array':
      return fc.array(valueOf(shape.items), { maxLength: 3 });
    case 'object':
      return objectOf(shape.fields);
  }
}

export function objectOf(fields: FieldModel[]): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueOf(f.shape)])), { requiredKeys: fields.filter((f) => f.required).map((f) => f.name), noNullPrototype: true }) as fc.Arbitrary<
    Record<string, unknown>
  >;
}

/** Every leaf of a value with its dotted path (arrays as `[i]`), the way the gateway names fields. */
export function leaves(value: unknown, shape: ShapeModel, path = ''): { path: string; shape: ShapeModel }[] {
  if (shape.kind === 'object' && value && typeof value === 'object') {
    return shape.fields
      .filter((f) => (value as Record<string, unknown>)[f.name] !== undefined)
      .flatMap((f) => {
        const p = path ? `${path}.${f.name}` : f.name;
        return [{ path: p, shape: f.shape }, ...leaves((value as Record<string, unknown>)[f.name], f.shape, p)];
      });
  }
  if (shape.kind === 'array' && Array.isArray(value)) return value.flatMap((item, i) => [{ path: `${path}[${i}]`, shape: shape.items }, ...leaves(item, shape.items, `${path}[${i}]`)]);
  return [];
}

const segments = (path: string) => path.replace(/\[(\d+)\]/g, '.$1').split('.');

export function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const parts = segments(path);
  // biome-ignore lint/suspicious/noExplicitAny: walks a value by a dotted path
  let node: any = root;
  for (const p of parts.slice(0, -1)) node = node[p];
  if (value === undefined) delete node[parts.at(-1)!];
  else node[parts.at(-1)!] = value;
}

/** Values of the wrong JSON type for a shape (digit strings are valid int64 text, so never used). */
export function wrongValuesFor(shape: ShapeModel): unknown[] {
  switch (shape.kind) {
    case 'string':
      return [5, true, {}, [], 1.5];
    case 'int64':
      return ['abc', 1.5, true, {}, [], '12x'];
    case 'boolean':
      return ['yes', 1, {}, []];
    case 'number':
    case 'int32':
      return ['x', true, {}];
    case 'date-time':
    case 'date':
      return ['yesterday', 5, {}];
    case 'price':
      return ['1,5', 1.5, {}];
    case 'json':
      return [{}, 5, '{x'];
    case 'file':
      return ['x', 5];
    case 'array':
      return [{}, 'x', 5];
    case 'object':
      return ['x', 5, [], true];
  }
}
