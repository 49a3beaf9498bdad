// The API surface recorded in the output (`api-surface.json`), and the rule
// that keeps info.version honest: the next generation compares its surface
// with the recorded one and refuses a breaking change under the same major
// version, or any change under the same version. diffApis (h12's change
// classification) decides what is breaking; this module only records and asks.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Change, diffApis } from './diff/api-diff.ts';
import type { ApiModel } from './model/types.ts';

export const SURFACE_FILE = 'api-surface.json';

// What a reader of the generated packages can notice is kept; words (descriptions,
// summaries, examples, labels) and locations are not part of the surface.
const DROPPED = new Set(['description', 'summary', 'example', 'hasExample', 'typeLabel', 'jsonExamples', 'xmlExamples', 'requestExample', 'pointer', 'tags', 'maintainerNote']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !DROPPED.has(key))
      .map(([key, v]) => [key, strip(v)]),
  );
}

export interface Surface {
  title: string;
  version: string;
  operations: unknown[];
}

export function surfaceOf(model: ApiModel): Surface {
  return { title: model.title, version: model.version, operations: model.operations.map(strip) };
}

export function renderSurface(model: ApiModel): string {
  // int64 bounds and defaults are bigint in the model: recorded as their digits.
  return `${JSON.stringify(surfaceOf(model), (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`;
}

/** The surface recorded in an earlier output, or undefined when there is none (or it is unreadable). */
export function readSurface(outDir: string): Surface | undefined {
  const file = path.join(outDir, SURFACE_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Surface;
    return typeof parsed.version === 'string' && Array.isArray(parsed.operations) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** diffApis reads operations only: a recorded surface stands in for the model it came from. */
export function surfaceChanges(before: Surface, after: ApiModel): Change[] {
  return diffApis(before as unknown as ApiModel, surfaceOf(after) as unknown as ApiModel);
}

interface Version {
  major: number;
  minor: number;
  patch: number;
}

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) } : undefined;
}

/**
 * Why this generation must not go ahead, or undefined. `changes` between the
 * recorded surface (at `before`) and the new one (at `after`).
 */
export function versionProblem(changes: Change[], before: string, after: string): { lines: string[] } | undefined {
  if (changes.length === 0) return undefined;
  const breaking = changes.filter((c) => c.breaking);
  const old = parseVersion(before);
  const now = parseVersion(after);
  const list = (cs: Change[]) => cs.map((c) => `  ${c.breaking ? 'breaking' : 'non-breaking'}: ${c.method} ${c.side}${c.path ? ` ${c.path}` : ''}: ${c.what}`);
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (old === undefined || now === undefined) {
    return {
      lines: [
        `info.version ${JSON.stringify(after)} (recorded: ${JSON.stringify(before)}) is not MAJOR.MINOR.PATCH, so the ${count(changes.length, 'API change')} cannot be checked against it:`,
        ...list(changes),
      ],
    };
  }
  if (breaking.length) {
    if (now.major > old.major) return undefined;
    const expected = `${old.major + 1}.0.0`;
    return {
      lines: [
        `${count(breaking.length, 'breaking change')} since ${before} need a new major version: info.version is ${after}, expected ${expected} (or pass --allow-breaking while the API is pre-1.0):`,
        ...list(breaking),
      ],
    };
  }
  const raised = now.major !== old.major ? now.major > old.major : now.minor !== old.minor ? now.minor > old.minor : now.patch > old.patch;
  if (raised) return undefined;
  return {
    lines: [`${count(changes.length, 'API change')} since ${before} need a new version: info.version is ${after}, expected ${old.major}.${old.minor + 1}.0:`, ...list(changes)],
  };
}
