// Which output folders the generator may write into, and which files in them
// are its own. The rule: the generator never deletes or replaces a file it did
// not write. Each output holds a manifest (MANIFEST_FILE) listing the files the
// run wrote; the next run deletes or replaces only those. A folder is accepted
// when it is absent (and can be created), empty, or a previous output (it has
// the manifest, or, written before manifests existed, an api-surface.json);
// anything else is refused before the spec is even read.
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const MANIFEST_FILE = '.top-openapi-manifest.json';
const SURFACE_FILE = 'api-surface.json';

/** An output folder the generator must not write into: one line, naming the option. */
export class OutDirError extends Error {
  override name = 'OutDirError';
}

export interface OutDirState {
  /** absent: to be created; empty: exists, holds nothing; previous: an earlier output. */
  kind: 'absent' | 'empty' | 'previous';
  /** Files the previous run wrote (from its manifest); undefined for an output older than manifests. */
  owned: Set<string> | undefined;
}

/** The manifest's text for a set of output files (itself not listed). */
export function renderManifest(files: Iterable<string>): string {
  const listed = [...files].filter((f) => f !== MANIFEST_FILE).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const about = 'Written by top-openapi generate: the files it wrote into this folder. A later run replaces or deletes only these; anything else here is left alone.';
  return `${JSON.stringify({ about, files: listed }, null, 2)}\n`;
}

/** The files an earlier run recorded, or undefined when there is no (readable) manifest. */
export function readManifest(outDir: string): Set<string> | undefined {
  const file = path.join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files) || !parsed.files.every((f) => typeof f === 'string' && !f.startsWith('/') && !f.split('/').includes('..'))) return undefined;
    return new Set(parsed.files as string[]);
  } catch {
    return undefined;
  }
}

/** Every entry under root: files and symlinks by path, empty folders as `dir/`. */
export function listEntries(root: string, dir = ''): string[] {
  const at = path.join(root, dir);
  const names = readdirSync(at).sort();
  if (names.length === 0 && dir) return [`${dir}/`];
  return names.flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    const stat = lstatSync(path.join(root, rel));
    return stat.isDirectory() ? listEntries(root, rel) : [rel];
  });
}

const inside = (child: string, parent: string) => {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
};

/** The nearest existing folder at or above `dir`; throws when a file is in the way. */
function nearestExisting(dir: string, option: string, shown: (f: string) => string): string {
  let at = dir;
  while (!existsSync(at)) {
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (!statSync(at).isDirectory()) throw new OutDirError(`${option} ${shown(dir)}: ${shown(at)} is a file, not a folder`);
  return at;
}

/** Fails at once when nothing can be created in `dir` (read-only, /proc, no permission). */
function probeWritable(dir: string, target: string, option: string, shown: (f: string) => string): void {
  try {
    rmdirSync(mkdtempSync(path.join(dir, '.top-openapi-probe-')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new OutDirError(`${option} ${shown(target)}: cannot write in ${shown(dir)} (${code})`);
  }
}

export interface OutDirContext {
  /** The option's name as the user wrote it, for the message (--out). */
  option: string;
  /** The value as the user gave it (before resolving), when it came from a flag. */
  raw?: string | undefined;
  spec: string;
  configFile?: string | undefined;
  cwd?: string;
  shown: (file: string) => string;
}

/**
 * Checks that the generator may write into outDir and says what is there.
 * Throws OutDirError with one line naming the option and the reason.
 */
export function inspectOutDir(outDir: string, context: OutDirContext): OutDirState {
  const { option } = context;
  // Paths far from the current folder (/proc/x) read better absolute.
  const shown = (file: string) => {
    const relative = context.shown(file);
    return relative.startsWith('../..') ? file : relative;
  };
  const cwd = context.cwd ?? process.cwd();
  if (context.raw !== undefined && context.raw.trim() === '') {
    throw new OutDirError(`${option} must not be empty (an unset variable?): name the folder to write, e.g. ${option} sdk`);
  }
  const out = path.resolve(cwd, outDir);
  const OWN = `the output needs a folder of its own${option === '--out' ? ', e.g. --out sdk' : ''}`;
  const name = shown(out);
  if (inside(context.spec, out)) throw new OutDirError(`${option} ${name} holds the spec ${shown(context.spec)}: ${OWN}`);
  if (context.configFile !== undefined && inside(context.configFile, out)) {
    throw new OutDirError(`${option} ${name} holds the config file ${shown(context.configFile)}: ${OWN}`);
  }
  if (inside(cwd, out)) throw new OutDirError(`${option} ${name} is the current folder${out === cwd ? '' : ' or holds it'}: ${OWN}`);
  if (!existsSync(out)) {
    probeWritable(nearestExisting(out, option, shown), out, option, shown);
    return { kind: 'absent', owned: undefined };
  }
  if (!statSync(out).isDirectory()) throw new OutDirError(`${option} ${name} is a file, not a folder`);
  const entries = readdirSync(out);
  if (entries.length === 0) {
    probeWritable(out, out, option, shown);
    return { kind: 'empty', owned: undefined };
  }
  const owned = readManifest(out);
  if (owned !== undefined) return { kind: 'previous', owned };
  if (entries.includes(MANIFEST_FILE)) {
    throw new OutDirError(`${option} ${name}: ${MANIFEST_FILE} there is not a manifest top-openapi wrote; delete the folder yourself or pick another`);
  }
  if (entries.includes(SURFACE_FILE) && isSurface(path.join(out, SURFACE_FILE))) return { kind: 'previous', owned: undefined };
  const why = entries.includes('package.json') ? 'holds package.json (a project folder?)' : 'is not empty';
  throw new OutDirError(
    `${option} ${name} ${why} and is not an earlier output of top-openapi generate (no ${MANIFEST_FILE}); the generator writes only into a new or empty folder or its own earlier output, and never deletes files it did not write`,
  );
}

/** An api-surface.json as the generator writes it (outputs from before the manifest). */
function isSurface(file: string): boolean {
  try {
    const surface = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof surface.version === 'string' && Array.isArray(surface.operations);
  } catch {
    return false;
  }
}
