// The lint's example checks (redocly's no-invalid-media-type-examples,
// no-invalid-schema-examples, no-invalid-parameter-examples) compile an ajv
// validator for every schema an example must fit, in a fresh Ajv per lint
// run: in --watch that was most of the lint (~60-90 ms of every regeneration,
// profiled), redone for schemas the edit did not touch.
//
// This keeps each compiled validator for the life of the process, keyed by
// everything ajv can read while compiling it: the schema and, through every
// `$ref`, each schema it reaches (resolved exactly as ajv's loader resolves
// them, with the lint's own resolver), minus the keywords ajv ignores
// (annotations: title, description, example(s), default, deprecated, and
// `x-` extensions, none of which the lint's Ajv registers). Same key, same
// compiled code: an edit that changes what a validator checks changes its key
// and compiles afresh, so the problems reported are those of a cold run.
// Schemas that rebase references ($id, $anchor, $dynamicRef, $schema…) are not
// keyed: they compile every run, as before.

/** redocly's ctx.resolve: a `$ref` node, from the file it is written in. */
type Resolve = (node: unknown, from?: string) => { node?: unknown; location?: { source: { absoluteRef: string }; absolutePointer: string } };
interface SchemaLocation {
  source: { absoluteRef: string };
  absolutePointer: string;
}
type GetValidator = (schema: unknown, loc: SchemaLocation, resolve: Resolve, allowAdditionalProperties: boolean, dialect: string) => unknown;

/** Keywords whose value is a schema, a list of schemas, or a map of them (JSON Schema 2020-12 and draft 4). */
const ONE_SCHEMA = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
  'contentSchema',
]);
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAP = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);
/** What ajv does not validate (redocly's own shared validators ignore the same six). */
const ANNOTATIONS = new Set(['title', 'description', 'example', 'examples', 'default', 'deprecated', '$comment']);
/** Keywords that change how references resolve or which dialect applies: not keyed. */
const REBASING = new Set(['$id', 'id', '$anchor', '$dynamicRef', '$dynamicAnchor', '$recursiveRef', '$recursiveAnchor', '$schema']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Unkeyable extends Error {}

/**
 * The key of a schema and everything it references: JSON text, or undefined
 * when the schema uses a keyword that rebases references.
 */
export function validatorKey(schema: unknown, from: string, resolve: Resolve, allowAdditionalProperties: boolean, dialect: string): string | undefined {
  const targets = new Map<string, unknown>();
  const visit = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, file));
    if (!isPlainObject(node)) return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (REBASING.has(key)) throw new Unkeyable();
      if (ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref' && typeof value === 'string') {
        const resolved = resolve({ $ref: value }, file);
        if (!resolved.location) {
          out.$ref = { unresolved: value, from: file };
          continue;
        }
        const id = resolved.location.absolutePointer;
        out.$ref = id;
        if (!targets.has(id)) {
          targets.set(id, null); // a cycle stops here
          targets.set(id, visit(resolved.node, resolved.location.source.absoluteRef));
        }
      } else if (ONE_SCHEMA.has(key) || SCHEMA_LIST.has(key)) out[key] = visit(value, file);
      else if (SCHEMA_MAP.has(key) && isPlainObject(value)) out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, visit(sub, file)]));
      else out[key] = value; // a value the validator checks against (enum, const, required, pattern…): as it is
    }
    return out;
  };
  try {
    const root = visit(schema, from);
    return JSON.stringify([dialect, allowAdditionalProperties, root, [...targets]]);
  } catch (error) {
    if (error instanceof Unkeyable) return undefined;
    throw error;
  }
}

interface Kept {
  validate: unknown;
  /** The lint run that last used it. */
  run: number;
}

const kept = new Map<string, Kept>();
let run = 0;
let installed: Promise<void> | undefined;

/** How many lint runs a validator nobody asked for is kept (an edit undone finds it again). */
const KEEP_RUNS = 3;

/**
 * Installs the cache into redocly's AjvValidator (once per process) and
 * starts a lint run: validators unused for a few runs are dropped, with the
 * Ajv instances that only they kept alive.
 */
export async function beginLintRun(): Promise<void> {
  installed ??= install();
  await installed;
  run++;
  for (const [key, entry] of kept) if (run - entry.run > KEEP_RUNS) kept.delete(key);
}

/** For tests: how many validators are kept, and whether the cache is in place. */
export function keptValidators(): { count: number; installed: boolean } {
  return { count: kept.size, installed: patched };
}

let patched = false;

async function install(): Promise<void> {
  // Not among the package's exports, so by its path: under Node (tsx) the same
  // module the rules import, and in the prebuilt generator (which bundles
  // @redocly/openapi-core) the same bundled module, since esbuild keeps one
  // copy of a file. Where the path does not lead to it (another layout), the
  // lint compiles every run, as before.
  let AjvValidator: { prototype: { getValidator?: GetValidator } } | undefined;
  try {
    ({ AjvValidator } = (await import('../../node_modules/@redocly/openapi-core/lib/rules/ajv.js')) as unknown as { AjvValidator?: { prototype: { getValidator?: GetValidator } } });
  } catch {
    return;
  }
  const original = AjvValidator?.prototype.getValidator;
  if (typeof original !== 'function' || original.length !== 5) return;
  AjvValidator!.prototype.getValidator = function (this: unknown, schema, loc, resolve, allowAdditionalProperties, dialect) {
    const key = loc?.source ? validatorKey(schema, loc.source.absoluteRef, resolve, allowAdditionalProperties, dialect) : undefined;
    if (key === undefined) return original.call(this, schema, loc, resolve, allowAdditionalProperties, dialect);
    const hit = kept.get(key);
    if (hit) {
      hit.run = run;
      return hit.validate;
    }
    const validate = original.call(this, schema, loc, resolve, allowAdditionalProperties, dialect);
    if (typeof validate === 'function') kept.set(key, { validate, run });
    return validate;
  };
  patched = true;
}
