// JSON-pointer helpers over the bundled document (internal refs only), for the load and model stages.

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapePointer = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

export function getPointer(document: Json, pointer: string): unknown {
  if (!pointer.startsWith('#')) return undefined;
  return pointer
    .slice(2)
    .split('/')
    .filter((s, _i, all) => !(s === '' && all.length === 1))
    .map(unescapePointer)
    .reduce<unknown>((node, key) => (isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined), document);
}

/** Follows `$ref` until a plain node; returns it with the pointer it came from. */
export function deref(document: Json, node: unknown, pointer: string): { node: unknown; pointer: string } {
  let current = node;
  let at = pointer;
  for (let i = 0; i < 32 && isObject(current) && typeof current.$ref === 'string'; i++) {
    at = current.$ref;
    current = getPointer(document, at);
  }
  return { node: current, pointer: at };
}

/** The component name a `#/components/schemas/X` ref points at. */
export function schemaRefName(node: unknown): string | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(node.$ref);
  return m ? unescapePointer(m[1]!) : undefined;
}
