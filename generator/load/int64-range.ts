// int64 values written in the spec (examples, defaults, enums, bounds) must
// fit a Java Long. The check reads the digits as written in the source file:
// by the time the document is parsed, 9223372036854775808 and ...807 are the
// same JS number, so only the text can tell them apart.
import { escapePointer } from '../json-pointer.ts';
import { scalarKindOf } from '../top-naming.js';
import type { SourceMap } from './source-map.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

export interface RangeProblem {
  pointer: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * Whether a schema is a TOP Number (int64), by the one type/format table
 * (top-naming.js) the model and the lint rule classify with; a nullable
 * `type: [integer, null]` counts as its integer.
 */
function isInt64(node: Json): boolean {
  const type = Array.isArray(node.type) && node.type.includes('integer') ? 'integer' : node.type;
  const found = scalarKindOf({ ...node, type });
  return 'kind' in found && found.kind === 'int64';
}

/**
 * Whether a parsed value can have been written as an integer outside the Long
 * range (at least 19 significant digits): a number of magnitude 2^62 or more
 * (Infinity and NaN included: a long enough run of digits reads as Infinity),
 * or a string (quoted digits are read as written). A smaller number cannot:
 * digits read as the nearest double, and a double under 2^62 is within 2^9
 * of the digits it came from, far inside the range (any other base or
 * notation is not the decimal digits the check reads); nor can a boolean,
 * null, list or map. Only these are located in their source file, which costs
 * a parse of the file by the yaml package (~15 ms of a cold run, issue 16,
 * when every int64 example was located; a 2^53 + 1 example still was).
 */
export const mayBeOutOfRange = (value: unknown): boolean => typeof value === 'string' || (typeof value === 'number' && !(Math.abs(value) < 2 ** 62));

/** Every int64 value in the bundled document that does not fit, located in its source file. */
export function int64RangeProblems(document: unknown, sources: SourceMap): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const check = (pointer: string, what: string, parsed: unknown) => {
    if (!mayBeOutOfRange(parsed)) return;
    const at = sources.locate(pointer);
    if (!at.exact) return;
    const text = sources
      .sourceText(at)
      ?.trim()
      .replace(/^['"]|['"]$/g, '');
    if (text === undefined || !/^[-+]?\d+$/.test(text)) return;
    const value = BigInt(text);
    if (value >= MIN && value <= MAX) return;
    problems.push({ pointer, file: at.file, line: at.line, column: at.column, message: `${what} ${text} is out of the int64 range (${MIN} to ${MAX})` });
  };
  const visit = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    if (!isObject(node)) return;
    if (isInt64(node)) {
      for (const key of ['example', 'default', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
        if (key in node) check(`${pointer}/${key}`, `int64 ${key}`, node[key]);
      }
      for (const key of ['examples', 'enum']) {
        if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((item, i) => check(`${pointer}/${key}/${i}`, `int64 ${key === 'examples' ? 'example' : 'enum value'}`, item));
      }
    }
    for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapePointer(key)}`);
  };
  visit(document, '#');
  return problems;
}
