// Compiles a generated package's src/ to dist/ (.js and .d.ts), one file at a
// time with TypeScript's transpileModule and transpileDeclaration: no program,
// no type-check (the tests type-check the generated code under strict tsc with
// isolatedDeclarations, which is what makes per-file declarations exact).
// Two kinds of file skip TypeScript, because what it would make of them is
// known (they were ~60% of a cold run's transpiling, issue 16):
//  - a types-only module (the renderer says which: openapi-typescript's
//    output) is its own declaration file; its JavaScript is `export {}`;
//  - the ajv validators (plain ES module JavaScript whose only module syntax
//    is `export const NAME = IDENT;`) become CommonJS line by line, and any
//    other import or export form is a CompileError.
// Deterministic; reused while the sources' hash is unchanged and the files
// are the bytes that build wrote (`<pkg>/.dist-build` records both).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CompilerOptions } from 'typescript';
import type { OutputFiles } from './client.ts';
import { typescript } from './typescript.ts';

let options: CompilerOptions | undefined;

/** The compiler options (a function: TypeScript's enums need TypeScript, loaded on first use). */
export function compilerOptions(): CompilerOptions {
  const ts = typescript();
  options ??= {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    declaration: true,
    isolatedDeclarations: true,
    rewriteRelativeImportExtensions: true,
    allowImportingTsExtensions: true,
    newLine: ts.NewLineKind.LineFeed,
    removeComments: false,
  };
  return options;
}

export class CompileError extends Error {
  override name = 'CompileError';
}

export interface CompileOptions {
  /**
   * Sources the renderer made of type declarations only (interfaces, type
   * aliases, `import type`): each is copied as its own `.d.ts`.
   */
  typesOnly?: (name: string) => boolean;
}

/**
 * `files` holds each package's sources under `<pkg>/src/` and its
 * package.json ("type": "module", which makes every file an ES module);
 * returns the files for `<pkg>/dist/`. `outDir` is where an earlier build
 * may be reused from.
 */
export function compilePackages(pkgs: readonly string[], files: OutputFiles, outDir: string, options: CompileOptions = {}): OutputFiles {
  const typesOnly = options.typesOnly ?? (() => false);
  const result: OutputFiles = new Map();
  for (const pkg of pkgs) {
    for (const [name, content] of reuse(pkg, files, outDir, typesOnly) ?? compile(pkg, files, typesOnly)) result.set(name, content);
  }
  if (RECORD) writeFileSync(RECORD, JSON.stringify([...recorded].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, value]) => [key, { ...value, sha256: recordSum(key, value) }])));
  return result;
}

function sourcesOf(pkg: string, files: OutputFiles): [string, string][] {
  return [...files].filter(([name]) => name.startsWith(`${pkg}/src/`)).sort(([a], [b]) => (a < b ? -1 : 1));
}

// The recipe is part of the key: this module's own text (how files are
// compiled) and the compiler's version, besides the sources.
let recipeText: string | undefined;
const recipe = () => {
  recipeText ??= `${typescript().version}\0${readFileSync(import.meta.filename, 'utf8')}`;
  return recipeText;
};

function hashOf(pkg: string, files: OutputFiles, typesOnly: (name: string) => boolean): string {
  const hash = createHash('sha256').update(recipe());
  for (const [name, content] of sourcesOf(pkg, files)) hash.update(`${name}\0${typesOnly(name) ? 'types-only\0' : ''}${content}\0`);
  return hash.digest('hex');
}

/**
 * `<pkg>/.dist-build`, outside dist/ so it is never packed: the sources'
 * hash on its first line, then each dist file that build produced with the
 * SHA-256 of its bytes, as `sha256sum` prints them (paths from the output
 * folder: `sha256sum -c` checks them).
 *
 * The file hashes are what make reuse safe for `--check`: a reused file's
 * expected bytes would otherwise be read from the very file under check, and
 * a hand edit to dist/ would compare equal to itself. Reuse takes a file only
 * when its bytes hash to what the build recorded when it compiled them, and
 * only the exact set of files the sources would compile to; anything else
 * (an edited, missing or added dist file, an edited record) compiles afresh,
 * and the comparison then sees the real bytes.
 */
const buildRecord = (pkg: string) => `${pkg}/.dist-build`;
const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const recordText = (hash: string, hashes: [name: string, sha: string][]) => `source-sha256 ${hash}\n${hashes.map(([n, h]) => `${h}  ${n}\n`).join('')}`;

/** The previous build of a package, when its sources have not changed and its files are the ones that build wrote. */
function reuse(pkg: string, files: OutputFiles, outDir: string, typesOnly: (name: string) => boolean): OutputFiles | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(outDir, buildRecord(pkg)), 'utf8');
  } catch {
    return undefined; // no record (or a folder in its place): compile
  }
  const [first, ...lines] = text.split('\n');
  const hash = hashOf(pkg, files, typesOnly);
  if (first !== `source-sha256 ${hash}` || lines.pop() !== '') return undefined;
  const names = [...plan(pkg, files, typesOnly).keys()].sort();
  if (lines.length !== names.length) return undefined;
  const reused: OutputFiles = new Map();
  const hashes: [string, string][] = [];
  for (const [i, name] of names.entries()) {
    const recorded = lines[i]!.slice(0, 64);
    if (lines[i] !== `${recorded}  ${name}`) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(outDir, name));
    } catch {
      return undefined; // missing (or a folder): compile it
    }
    if (sha256(bytes) !== recorded) return undefined; // edited since the build wrote it
    reused.set(name, bytes.toString('utf8'));
    hashes.push([name, recorded]);
  }
  // Every line matched: the record is byte for byte what a build writes.
  reused.set(buildRecord(pkg), recordText(hash, hashes));
  return reused;
}

// Per source text, in this process: --watch retranspiles only what changed
// (a spec edit changes a handful of the ~70 files).
const transpiled = new Map<string, { js: string; dts: string }>();

// The runtime's files are the same for every spec: the generator's build
// (bin/prebuilt.js, at prepack) records their transpiles, keyed like the memo
// above (recipe and content), so a fresh project does not transpile them
// again: they were ~60% of a fresh generation's transpiling, the largest
// cost of a run (issue 16). A record from another recipe or runtime matches
// nothing and costs nothing.
const SEED = path.resolve(import.meta.dirname, '../../bin/build/transpiled.json');
let seeded = false;
function seed(): void {
  if (seeded) return;
  seeded = true;
  try {
    for (const [key, value] of JSON.parse(readFileSync(SEED, 'utf8')) as [string, { js: unknown; dts: unknown; sha256: unknown }][]) {
      // An entry is taken only with its checksum intact: a flipped bit that still reads as JSON would otherwise be written into dist/.
      if (typeof key !== 'string' || typeof value?.js !== 'string' || typeof value.dts !== 'string' || transpiled.has(key)) continue;
      const entry = { js: value.js, dts: value.dts };
      if (value.sha256 === recordSum(key, entry)) transpiled.set(key, entry);
    }
  } catch {
    // no build, or an unreadable one: transpile as usual
  }
}
/** The checksum a recorded transpile is kept with: over its key and both outputs. */
const recordSum = (key: string, value: { js: string; dts: string }) => sha256(`${key}\0${value.js}\0${value.dts}`);
const RECORD = process.env.TOP_OPENAPI_RECORD_TRANSPILES;
const recorded = new Map<string, { js: string; dts: string }>();
const isRuntime = (name: string) => name.includes('/src/runtime/');

// JSDoc is parsed only where it carries types (JavaScript files), as tsc
// itself does: emit copies comments from the text either way, and parsing
// every JSDoc of types.ts (one per described field) was most of its transpile
// (~25 of ~40 ms warm for the declarations; --watch redoes it after every
// description edit).
const jsDoc = () => ({ jsDocParsingMode: typescript().JSDocParsingMode.ParseForTypeErrors });

function transpile(name: string, content: string): { js: string; dts: string } {
  seed();
  const ts = typescript();
  const COMPILER_OPTIONS = compilerOptions();
  const key = createHash('sha256').update(recipe()).update('\0').update(content).digest('hex');
  const known = transpiled.get(key);
  // Recorded when found too: a rebuild whose recipe is unchanged finds every runtime file in the old record.
  if (known) {
    if (RECORD && isRuntime(name)) recorded.set(key, known);
    return known;
  }
  // transpileModule turns declarations off, and isolatedDeclarations needs them on: each its own options.
  // A lone file has no package.json to say it is an ES module: ESNext says so (NodeNext would emit CommonJS).
  const { declaration: _d, isolatedDeclarations: _i, moduleResolution: _r, ...rest } = COMPILER_OPTIONS;
  const js = ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.ESNext }, fileName: name, reportDiagnostics: true, ...jsDoc() });
  const dts = ts.transpileDeclaration(content, { compilerOptions: COMPILER_OPTIONS, fileName: name, reportDiagnostics: true, ...jsDoc() });
  const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (diagnostics.length) {
    throw new CompileError(
      `generated ${name} cannot be compiled file by file:\n${ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '', getNewLine: () => '\n' })}`,
    );
  }
  const result = { js: js.outputText, dts: dts.outputText };
  transpiled.set(key, result);
  if (RECORD && isRuntime(name)) recorded.set(key, result);
  return result;
}

// The header comment a file opens with: TypeScript keeps it above a module it empties.
const leadingComments = (content: string) => /^(?:\/\/[^\n]*\n)*/.exec(content)![0];

/**
 * A types-only module: its declaration file is its own text (the renderer
 * vouches that it declares types only); its JavaScript, ES module and
 * CommonJS, is what TypeScript emits for such a module.
 */
function typesOnlyModule(name: string, content: string): { js: string; cjs: string; dts: string } {
  if (!name.endsWith('.ts')) throw new CompileError(`generated ${name}: only a .ts source can be types-only`);
  const header = leadingComments(content);
  return { js: `${header}export {};\n`, cjs: `"use strict";\n${header}Object.defineProperty(exports, "__esModule", { value: true });\n`, dts: content };
}

// The one module syntax ajv's standalone ES module code has: `export const NAME = validateN;`.
const EXPORT_ALIAS = /^export const ([A-Za-z_$][\w$]*) = ([A-Za-z_$][\w$]*);$/;
// Anything else a CommonJS copy cannot hold as it is (imports, other exports, import.meta).
const MODULE_SYNTAX = /^\s*(?:import|export)\b|\bimport\s*\(|\bimport\.meta\b/;
// String literals (ajv writes the spec's values with JSON.stringify): an enum value "import (x)" is data, not syntax.
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g;

/**
 * The CommonJS copy of plain ES module JavaScript (the ajv validators), line
 * by line: each `export const NAME = IDENT;` becomes `exports.NAME = IDENT;`
 * (ajv's IDENT is a function declaration, hoisted like TypeScript's own
 * output relies on), under "use strict" as the module was. Any other module
 * syntax is a CompileError: such a file needs a real compiler.
 */
function plainCommonJs(name: string, content: string): string {
  const lines = content.split('\n');
  const header = leadingComments(content);
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    const alias = EXPORT_ALIAS.exec(line);
    if (alias) out.push(`exports.${alias[1]} = ${alias[2]};`);
    else if (MODULE_SYNTAX.test(line.replace(STRING_LITERAL, '""')))
      throw new CompileError(`generated ${name}:${i + 1}: only \`export const NAME = IDENT;\` can be converted to CommonJS here, not: ${line.trim().slice(0, 120)}`);
    else out.push(line);
  }
  // ajv's own "use strict" directive opens the body: the copy has one already, above.
  const body = out
    .join('\n')
    .slice(header.length)
    .replace(/^"use strict";\n/, '');
  return `"use strict";\n${header}Object.defineProperty(exports, "__esModule", { value: true });\n${body}`;
}

/**
 * Fills the memo with these sources' transpiles (and their CommonJS copies
 * when asked) ahead of compilePackages, which then finds them done: the
 * TypeScript worker does this while the main thread compiles the
 * validators. A source that does not transpile is left for compilePackages
 * to report.
 */
export function pretranspile(sources: readonly (readonly [string, string])[], commonJs: boolean): void {
  for (const [name, content] of sources) {
    try {
      transpile(name, content);
      if (commonJs) transpileCommonJs(name, content);
    } catch {
      // compilePackages meets it again and says what is wrong
    }
  }
}

/**
 * Transpiles one runtime source the three ways and keeps nothing: the
 * TypeScript worker runs this while it waits for the model, so that the
 * first generated file does not pay for V8 compiling TypeScript's parser and
 * emitters (50-100 ms cold). Reads the seed meanwhile.
 */
export function warmUp(): void {
  seed();
  const ts = typescript();
  const options = compilerOptions();
  const { declaration: _d, isolatedDeclarations: _i, moduleResolution: _r, ...rest } = options;
  const fileName = path.resolve(import.meta.dirname, '../../runtime/common/params.ts');
  const content = readFileSync(fileName, 'utf8');
  ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.ESNext }, fileName, ...jsDoc() });
  ts.transpileDeclaration(content, { compilerOptions: options, fileName, ...jsDoc() });
  ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName, ...jsDoc() });
}

/**
 * The CommonJS copy of a file, for packages whose exports have a `require`
 * condition (the client: Jest and TypeScript's CommonJS projects load it
 * without require(esm)).
 */
function transpileCommonJs(name: string, content: string): string {
  seed();
  const ts = typescript();
  const COMPILER_OPTIONS = compilerOptions();
  const key = createHash('sha256').update(recipe()).update('\0cjs\0').update(content).digest('hex');
  const known = transpiled.get(key);
  if (known) {
    if (RECORD && isRuntime(name)) recorded.set(key, known);
    return known.js;
  }
  const { declaration: _d, isolatedDeclarations: _i, moduleResolution: _r, ...rest } = COMPILER_OPTIONS;
  const js = ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName: name, reportDiagnostics: true, ...jsDoc() });
  if (js.diagnostics?.length) {
    throw new CompileError(
      `generated ${name} cannot be compiled to CommonJS:\n${ts.formatDiagnostics(js.diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '', getNewLine: () => '\n' })}`,
    );
  }
  transpiled.set(key, { js: js.outputText, dts: '' });
  if (RECORD && isRuntime(name)) recorded.set(key, { js: js.outputText, dts: '' });
  return js.outputText;
}

/** Whether the package's exports ask for a CommonJS build: a `require` condition at ".". */
function wantsCommonJs(manifest: string): boolean {
  const root = (JSON.parse(manifest) as { exports?: Record<string, unknown> }).exports?.['.'];
  return typeof root === 'object' && root !== null && 'require' in root;
}

/**
 * What a package's dist/ holds, each file by name with how to make it (made
 * only when called): reuse checks the names against the build's record
 * without transpiling anything.
 */
function plan(pkg: string, files: OutputFiles, typesOnly: (name: string) => boolean): Map<string, () => string> {
  const manifest = files.get(`${pkg}/package.json`);
  if (manifest === undefined || (JSON.parse(manifest) as { type?: string }).type !== 'module') {
    throw new CompileError(`${pkg}/package.json must be rendered, with "type": "module", before compiling`);
  }
  const out = new Map<string, () => string>();
  for (const [name, content] of sourcesOf(pkg, files)) {
    const target = name.replace(`${pkg}/src/`, `${pkg}/dist/`);
    // Plain JavaScript (the ajv validators) and hand-written declarations are copied as they are.
    if (name.endsWith('.js') || name.endsWith('.d.ts')) {
      out.set(target, () => content);
      continue;
    }
    let once: { js: string; dts: string } | undefined;
    const made = () => (once ??= typesOnly(name) ? typesOnlyModule(name, content) : transpile(name, content));
    out.set(target.replace(/\.ts$/, '.js'), () => made().js);
    out.set(target.replace(/\.ts$/, '.d.ts'), () => made().dts);
  }
  if (wantsCommonJs(manifest)) {
    // dist/cjs/: the same files as CommonJS, declarations included (under
    // "type": "commonjs" TypeScript reads them as CommonJS types).
    for (const [name, content] of sourcesOf(pkg, files)) {
      const target = name.replace(`${pkg}/src/`, `${pkg}/dist/cjs/`);
      if (name.endsWith('.d.ts')) out.set(target, () => content);
      else if (name.endsWith('.js')) out.set(target, () => plainCommonJs(name, content));
      else if (typesOnly(name)) {
        out.set(target.replace(/\.ts$/, '.js'), () => typesOnlyModule(name, content).cjs);
        out.set(target.replace(/\.ts$/, '.d.ts'), () => typesOnlyModule(name, content).dts);
      } else {
        out.set(target.replace(/\.ts$/, '.js'), () => transpileCommonJs(name, content));
        out.set(target.replace(/\.ts$/, '.d.ts'), () => transpile(name, content).dts);
      }
    }
    out.set(`${pkg}/dist/cjs/package.json`, () => '{\n  "type": "commonjs"\n}\n');
  }
  return out;
}

function compile(pkg: string, files: OutputFiles, typesOnly: (name: string) => boolean): OutputFiles {
  // Made in the sources' order (the first that fails to compile is the one reported), listed sorted.
  const made = new Map([...plan(pkg, files, typesOnly)].map(([name, make]) => [name, make()]));
  const names = [...made.keys()].sort();
  const result: OutputFiles = new Map(names.map((n) => [n, made.get(n)!]));
  const hashes = names.map((n): [string, string] => [n, sha256(result.get(n)!)]);
  result.set(buildRecord(pkg), recordText(hashOf(pkg, files, typesOnly), hashes));
  return result;
}
