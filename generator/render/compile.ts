// Compiles a generated package's src/ to dist/ (.js and .d.ts) with the
// TypeScript API, from the in-memory files, type-checking them on the way:
// a generator bug that produces ill-typed code stops generation here. The
// output is deterministic; like the docs reference it is reused while the
// sources' hash is unchanged (`<pkg>/.dist-build` records it).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import type { OutputFiles } from './client.ts';

const require = createRequire(import.meta.url);
const NODE_TYPES = path.dirname(path.dirname(require.resolve('@types/node/package.json')));

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [NODE_TYPES],
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  declaration: true,
  rewriteRelativeImportExtensions: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

export class CompileError extends Error {
  override name = 'CompileError';
}

/**
 * `files` holds each package's sources under `<pkg>/src/`; returns the files
 * for `<pkg>/dist/`. One program compiles them all, so the standard library
 * and @types/node are read once. `outDir` is where an earlier build may be
 * reused from.
 */
export function compilePackages(pkgs: readonly string[], files: OutputFiles, outDir: string): OutputFiles {
  const result: OutputFiles = new Map();
  const stale = pkgs.filter((pkg) => {
    const reused = reuse(pkg, files, outDir);
    if (reused) for (const [name, content] of reused) result.set(name, content);
    return !reused;
  });
  if (stale.length) for (const [name, content] of compile(stale, files, outDir)) result.set(name, content);
  return result;
}

function sourcesOf(pkg: string, files: OutputFiles): [string, string][] {
  return [...files].filter(([name]) => name.startsWith(`${pkg}/src/`)).sort(([a], [b]) => (a < b ? -1 : 1));
}

function hashOf(pkg: string, files: OutputFiles): string {
  const hash = createHash('sha256').update(ts.version);
  for (const [name, content] of sourcesOf(pkg, files)) hash.update(`${name}\0${content}\0`);
  return hash.digest('hex');
}

/**
 * `<pkg>/.dist-build`, outside dist/ so it is never packed: the sources'
 * hash on its first line, then the dist files that build produced.
 */
const buildRecord = (pkg: string) => `${pkg}/.dist-build`;
const recordText = (hash: string, names: string[]) => `source-sha256 ${hash}\n${names.join('\n')}\n`;

/** The previous build of a package, when its sources have not changed. */
function reuse(pkg: string, files: OutputFiles, outDir: string): OutputFiles | undefined {
  const record = path.join(outDir, buildRecord(pkg));
  if (!existsSync(record)) return undefined;
  const [first, ...names] = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  const hash = hashOf(pkg, files);
  if (first !== `source-sha256 ${hash}` || !names.every((n) => existsSync(path.join(outDir, n)))) return undefined;
  const reused: OutputFiles = new Map(names.map((n): [string, string] => [n, readFileSync(path.join(outDir, n), 'utf8')]));
  reused.set(buildRecord(pkg), recordText(hash, names));
  return reused;
}

function compile(pkgs: readonly string[], files: OutputFiles, outDir: string): OutputFiles {
  const sources = pkgs.flatMap((pkg) => sourcesOf(pkg, files));
  // A virtual folder: sources come from memory, everything else from disk.
  const root = path.resolve(outDir, '.compile');
  const memory = new Map(sources.map(([name, content]) => [path.join(root, name), content]));
  // Each package's own package.json ("type": "module") decides the module format, wherever outDir is.
  for (const pkg of pkgs) {
    const manifest = files.get(`${pkg}/package.json`);
    if (manifest === undefined) throw new CompileError(`${pkg}/package.json must be rendered before compiling`);
    memory.set(path.join(root, pkg, 'package.json'), manifest);
  }
  const host = ts.createCompilerHost(COMPILER_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const memoryDirs = new Set<string>();
  for (const f of memory.keys()) for (let d = path.dirname(f); d.startsWith(root); d = path.dirname(d)) memoryDirs.add(d);
  host.readFile = (f) => memory.get(f) ?? readFile(f);
  host.fileExists = (f) => memory.has(f) || fileExists(f);
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (d) => memoryDirs.has(d) || (directoryExists ? directoryExists(d) : false);
  host.realpath = (f) => f;
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, language, onError) => {
    const text = memory.get(f);
    return text !== undefined ? ts.createSourceFile(f, text, language) : getSourceFile(f, language, onError);
  };
  const out: OutputFiles = new Map();
  // Each package's src/ maps to its dist/: compile from the root, then move `<pkg>/src/x` to `<pkg>/dist/x`.
  const emitDir = path.join(root, '.emit');
  host.writeFile = (f, text) => {
    const rel = path.relative(emitDir, f).split(path.sep).join('/');
    out.set(rel.replace(/^([^/]+)\/src\//, '$1/dist/'), text);
  };
  const rootNames = [...memory.keys()].filter((f) => f.endsWith('.ts'));
  const program = ts.createProgram({ rootNames, options: { ...COMPILER_OPTIONS, rootDir: root, outDir: emitDir }, host });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length) {
    throw new CompileError(`generated ${pkgs.join(' and ')} do${pkgs.length === 1 ? 'es' : ''} not compile:\n${ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' })}`);
  }
  program.emit();
  // Plain JavaScript sources (the ajv validators) are copied as they are.
  for (const [name, content] of sources) if (name.endsWith('.js') || name.endsWith('.d.ts')) out.set(name.replace(/^([^/]+)\/src\//, '$1/dist/'), content);
  const result: OutputFiles = new Map();
  for (const pkg of pkgs) {
    const names = [...out.keys()].filter((n) => n.startsWith(`${pkg}/dist/`)).sort();
    for (const n of names) result.set(n, out.get(n)!);
    result.set(buildRecord(pkg), recordText(hashOf(pkg, files), names));
  }
  return result;
}
