// Writes the rendered files into the output folder as one swap, or compares
// them with it (--check). A failed generation never touches the folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type OutputFiles = Map<string, string>;

export interface Difference {
  file: string;
  kind: 'stale' | 'missing' | 'extra';
}

function listFiles(root: string, dir = ''): string[] {
  const at = path.join(root, dir);
  if (!existsSync(at)) return [];
  return readdirSync(at)
    .sort()
    .flatMap((name) => {
      const rel = dir ? `${dir}/${name}` : name;
      return statSync(path.join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
    });
}

export function compareOutput(outDir: string, files: OutputFiles): Difference[] {
  const differences: Difference[] = [];
  for (const [file, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const target = path.join(outDir, file);
    if (!existsSync(target)) differences.push({ file, kind: 'missing' });
    else if (readFileSync(target, 'utf8') !== content) differences.push({ file, kind: 'stale' });
  }
  for (const file of listFiles(outDir)) if (!files.has(file)) differences.push({ file, kind: 'extra' });
  return differences;
}

/**
 * Writes every file into a sibling folder, then swaps it in place of outDir.
 * Returns how many files differ from what was there.
 */
export function writeOutput(outDir: string, files: OutputFiles): { written: number; changed: number } {
  const changed = compareOutput(outDir, files).length;
  const parent = path.dirname(path.resolve(outDir));
  const base = path.basename(outDir);
  const staging = path.join(parent, `.${base}.staging-${process.pid}`);
  const previous = path.join(parent, `.${base}.previous-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  for (const [file, content] of files) {
    const target = path.join(staging, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  return { written: files.size, changed };
}

/** Replaces one file by a rename, so a reader never sees it half written. */
export function writeFileAtomically(file: string, content: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * --watch: writes only the files that differ, each by a rename, and removes
 * extra ones. (A full run stages the whole folder and swaps it instead.)
 */
export function writeChanged(outDir: string, files: OutputFiles): { written: number; changed: number } {
  const differences = compareOutput(outDir, files);
  for (const d of differences) {
    const target = path.join(outDir, d.file);
    if (d.kind === 'extra') rmSync(target, { force: true });
    else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomically(target, files.get(d.file)!);
    }
  }
  return { written: differences.filter((d) => d.kind !== 'extra').length, changed: differences.length };
}
