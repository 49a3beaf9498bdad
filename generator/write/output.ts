// Writes the rendered files into the output folder, or compares them with it
// (--check). A failed generation never touches the folder. The generator
// replaces or deletes only files it wrote (out-dir.ts): the manifest written
// with every output names them.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, type Stats, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listEntries, MANIFEST_FILE, OutDirError, readManifest, renderManifest } from './out-dir.ts';
import { forget, readRemembered, remember } from './remembered.ts';

export type OutputFiles = Map<string, string>;

export interface Difference {
  file: string;
  kind: 'stale' | 'missing' | 'extra';
  /** For an extra file: the generator did not write it (not in the manifest), so it leaves it alone. */
  foreign?: boolean;
}

/** The files plus the manifest that names them (what a run writes and --check compares). */
export function withManifest(files: OutputFiles): OutputFiles {
  const result = new Map([...files].filter(([name]) => name !== MANIFEST_FILE));
  result.set(MANIFEST_FILE, renderManifest(result.keys()));
  return new Map([...result].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The files of outDir the generator may replace or delete: those its manifest
 * lists (and the manifest); for an output written before manifests, only the
 * ones this run writes. Throws for a folder that is no output of ours.
 */
function ownership(outDir: string, files: OutputFiles): { owned: (file: string) => boolean; entries: string[]; listed?: Set<string> } {
  if (!existsSync(outDir)) return { owned: () => true, entries: [] };
  const entries = listEntries(outDir);
  if (entries.length === 0) return { owned: () => true, entries };
  const listed = readManifest(outDir);
  if (listed !== undefined) return { owned: (f) => f === MANIFEST_FILE || listed.has(f), entries, listed };
  if (existsSync(path.join(outDir, 'api-surface.json')) && !existsSync(path.join(outDir, MANIFEST_FILE))) {
    return { owned: (f) => files.has(f), entries };
  }
  throw new OutDirError(`${outDir} is not an earlier output of top-openapi generate (no ${MANIFEST_FILE}); nothing was written`);
}

/** Whether the file holds exactly `content` (undefined when there is no file). */
type Matcher = (file: string, content: string) => boolean | undefined;
/**
 * What is at `file`: nothing, a regular file, or something else (a folder, a
 * link, a pipe), which a generation never writes: it differs from any file,
 * and is never read (a folder throws, a pipe blocks).
 */
function entryAt(file: string): 'none' | 'file' | 'other' {
  let stat: Stats;
  try {
    stat = lstatSync(file);
  } catch {
    return 'none';
  }
  return stat.isFile() ? 'file' : 'other';
}
// --check compares bytes, not decoded text: a byte that is not UTF-8 reads as U+FFFD and could decode equal.
const matchesBytes: Matcher = (file, content) => {
  const at = entryAt(file);
  return at === 'none' ? undefined : at === 'file' && readFileSync(file).equals(Buffer.from(content, 'utf8'));
};
// Writing (and --watch) compares with what it remembers of each file; a file changed behind its back is read again.
const matchesRemembered: Matcher = (file, content) => {
  const at = entryAt(file);
  if (at !== 'file') return at === 'none' ? undefined : false;
  const existing = readRemembered(file);
  return existing === undefined ? undefined : existing === content;
};

/** The folder a file goes in, made; a file (or anything else) in the way is refused by name, not a crash. */
function folderFor(outDir: string, target: string): void {
  try {
    mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTDIR' && code !== 'EEXIST') throw error;
    // The nearest folder up from the file's that exists as something else.
    let blocker = path.dirname(target);
    for (let up = path.dirname(target); up.length >= outDir.length && up !== path.dirname(up); up = path.dirname(up)) {
      if (entryAt(up) !== 'none' && !lstatSync(up).isDirectory()) {
        blocker = up;
        break;
      }
    }
    throw new OutDirError(`${path.relative(process.cwd(), blocker)} is not a folder, and top-openapi writes ${path.relative(process.cwd(), target)} below it: move it away first`);
  }
}

export function compareOutput(outDir: string, generated: OutputFiles): Difference[] {
  const exists = existsSync(outDir);
  return differencesOf(outDir, withManifest(generated), matchesBytes, exists ? listEntries(outDir) : [], exists ? readManifest(outDir) : undefined);
}

/** `files` (manifest included) against the folder, whose entries and manifest the caller has listed. */
function differencesOf(outDir: string, files: OutputFiles, matches: Matcher, entries: string[], listed: Set<string> | undefined): Difference[] {
  const differences: Difference[] = [];
  for (const [file, content] of files) {
    const same = matches(path.join(outDir, file), content);
    if (same === undefined) differences.push({ file, kind: 'missing' });
    else if (!same) differences.push({ file, kind: 'stale' });
  }
  for (const file of entries) {
    if (files.has(file) || file.endsWith('/')) continue;
    differences.push({ file, kind: 'extra', ...(listed?.has(file) ? {} : { foreign: true }) });
  }
  return differences;
}

export interface WriteResult {
  written: number;
  changed: number;
  /** Files in the folder the generator did not write and left alone. */
  kept: string[];
  /** The previous output, swapped out and not deletable (a read-only folder in it): left for the user. */
  leftover?: string;
}

/**
 * Writes every file. A new or empty folder, or an earlier output holding only
 * files the manifest lists, is staged in a sibling folder and swapped in
 * (readers never see a mix); otherwise each changed file is replaced by a
 * rename, files the manifest lists and this run does not write are deleted,
 * and everything else is left alone.
 */
export function writeOutput(outDir: string, generated: OutputFiles): WriteResult {
  const files = withManifest(generated);
  const { owned, entries } = ownership(outDir, files);
  const kept = entries.filter((e) => !owned(e.replace(/\/$/, '')));
  const isLink = existsSync(outDir) && lstatSync(outDir).isSymbolicLink();
  if (kept.length > 0 || isLink || (entries.length > 0 && readManifest(outDir) === undefined)) return writeChanged(outDir, generated);
  const changed = compareOutput(outDir, generated).length;
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(path.resolve(outDir));
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const previous = path.join(parent, `.${base}.previous-${process.pid}`);
  // The swap needs the output's parent writable and the output renamable; a
  // volume mounted at --out (EBUSY), a parent of someone else's (EACCES) or a
  // name in the way refuses one or the other: then file by file, as --watch writes.
  try {
    rmSync(staging, { recursive: true, force: true });
    for (const [file, content] of files) {
      const target = path.join(staging, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    if (existsSync(outDir)) renameSync(outDir, previous);
  } catch {
    removeQuietly(staging);
    return writeChanged(outDir, generated);
  }
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // The new output is in place; an old copy that cannot be deleted is named, not a failed run.
  const leftover = removeQuietly(previous) ? undefined : previous;
  return { written: files.size, changed, kept: [], ...(leftover ? { leftover } : {}) };
}

/** Deletes a folder if it can; whether it is gone. */
function removeQuietly(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // read-only, immutable, or busy: the caller says so where it matters
  }
  return !existsSync(dir);
}

/** Replaces one file by a rename, so a reader never sees it half written (and remembers what it holds). */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
  remember(file, content);
}

/**
 * Writes only the files that differ, each by a rename, and deletes the files
 * the manifest lists that this run does not write; files the generator did not
 * write are left alone (and one it would overwrite is refused). The manifest
 * is written last. --watch uses this for every regeneration.
 */
export function writeChanged(outDir: string, generated: OutputFiles): WriteResult {
  const files = withManifest(generated);
  const { owned, entries, listed } = ownership(outDir, files);
  const differences = differencesOf(outDir, files, matchesRemembered, entries, listed);
  const clash = differences.find((d) => d.kind === 'stale' && !owned(d.file));
  if (clash) throw new OutDirError(`${path.join(outDir, clash.file)} was not written by top-openapi generate; it would replace it: move it away first`);
  let changed = 0;
  for (const d of differences) {
    if (d.file === MANIFEST_FILE) {
      changed++; // written last, below
      continue;
    }
    const target = path.join(outDir, d.file);
    if (d.kind === 'extra') {
      if (!owned(d.file) || d.foreign) continue;
      rmSync(target, { force: true });
      forget(target);
      removeEmptyFolders(outDir, path.dirname(d.file));
    } else {
      folderFor(outDir, target);
      // A folder where a file belongs cannot be replaced by a rename, and may hold someone's files: refused by name.
      if (existsSync(target) && lstatSync(target).isDirectory()) throw new OutDirError(`${path.relative(process.cwd(), target)} is a folder where top-openapi writes a file: move it away first`);
      writeFileAtomically(target, files.get(d.file)!);
    }
    changed++;
  }
  mkdirSync(outDir, { recursive: true });
  if (differences.some((d) => d.file === MANIFEST_FILE)) writeFileAtomically(path.join(outDir, MANIFEST_FILE), files.get(MANIFEST_FILE)!);
  const kept = entries.filter((e) => !e.endsWith('/') && !files.has(e) && (!owned(e) || differences.some((d) => d.file === e && d.foreign)));
  return { written: differences.filter((d) => d.kind !== 'extra').length, changed, kept };
}

/** After deleting a file: its folder, and the ones above it, if they are now empty. */
function removeEmptyFolders(outDir: string, dir: string): void {
  for (let at = dir; at !== '.' && at !== ''; at = path.dirname(at)) {
    const full = path.join(outDir, at);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}
