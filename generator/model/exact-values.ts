// int64 values above 2^53 in the spec's YAML, kept exact. redocly parses YAML
// with js-yaml, which reads 9007199254740993 as the double 9007199254740992;
// the bundled document keeps that double (the libraries that read the whole
// document want plain JSON values). The loader therefore reads each spec file
// a second time with `yaml` (intAsBigInt) and attaches, out of sight of
// JSON.stringify, the exact value of every integer a double cannot hold; the
// model takes examples, defaults and bounds through `exactValue`.
import { parseAllDocuments } from 'yaml';

const EXACT = Symbol.for('top-generator.exact-integers');

type ExactMap = Map<number, bigint | 'ambiguous'>;

function collect(node: unknown, into: ExactMap): void {
  if (typeof node === 'bigint') {
    if (node >= BigInt(Number.MIN_SAFE_INTEGER) && node <= BigInt(Number.MAX_SAFE_INTEGER)) return;
    const rounded = Number(node);
    const known = into.get(rounded);
    into.set(rounded, known === undefined || known === node ? node : 'ambiguous');
  } else if (Array.isArray(node)) node.forEach((n) => collect(n, into));
  else if (typeof node === 'object' && node !== null) {
    if (node instanceof Map) {
      for (const [k, v] of node) {
        collect(k, into);
        collect(v, into);
      }
    } else Object.values(node).forEach((n) => collect(n, into));
  }
}

// Each text's own integers, for the texts of the last call: --watch passes
// the same texts again but for the file an edit changed.
let byText = new Map<string, ExactMap>();

function integersOf(text: string): ExactMap {
  const exact: ExactMap = new Map();
  for (const doc of parseAllDocuments(text, { intAsBigInt: true })) {
    if (doc.errors.length === 0) collect(doc.toJS({ maxAliasCount: 100 }), exact);
  }
  return exact;
}

/** Records the exact integers of the spec's source texts on the bundled document. */
export function attachExactIntegers(document: object, sourceTexts: Iterable<string>): void {
  const exact: ExactMap = new Map();
  const seen = new Map<string, ExactMap>();
  for (const text of sourceTexts) {
    const own = seen.get(text) ?? byText.get(text) ?? integersOf(text);
    seen.set(text, own);
    // Merged as collect() merges values: one integer a double rounds alike from two texts is ambiguous.
    for (const [rounded, value] of own) {
      const known = exact.get(rounded);
      exact.set(rounded, known === undefined || known === value ? value : 'ambiguous');
    }
  }
  byText = seen;
  Object.defineProperty(document, EXACT, { value: exact, enumerable: false, configurable: true });
}

/**
 * A spec value with every integer a double rounded made exact (a bigint). An
 * integer that two source values round to alike cannot be told apart: it is
 * an error, not a guess.
 */
export function exactValue(document: object, value: unknown): unknown {
  const exact = (document as { [EXACT]?: ExactMap })[EXACT];
  if (!exact || exact.size === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v) || Number.isSafeInteger(v)) return v;
      const found = exact.get(v);
      if (found === 'ambiguous') throw new Error(`the spec holds two different integers that both read as ${v}; write one of them as a string`);
      return found ?? v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value);
}

/** JSON text for readers (docs), two-space indented, bigint written as its digits. */
export function prettyJson(value: unknown): string {
  const marks = new Map<string, string>();
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      const mark = `\u0000bigint${marks.size}\u0000`;
      marks.set(mark, v.toString());
      return mark;
    },
    2,
  );
  return marks.size === 0 ? text : text.replace(/"\\u0000bigint\d+\\u0000"/g, (m) => marks.get(JSON.parse(m) as string)!);
}
