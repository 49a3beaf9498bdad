// The pipeline: load and lint → model → render. Returns the files; writing is
// the caller's choice (write, check, or nothing).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultOutputSettings, type OutputSettings } from './config.ts';
import type { Change } from './diff/api-diff.ts';
import { int64RangeProblems } from './load/int64-range.ts';
import { loadSpec, problemLines, type SpecProblem } from './load/load-spec.ts';
import { SourceMap } from './load/source-map.ts';
import { buildModel } from './model/build-model.ts';
import { type ApiModel, ModelError } from './model/types.ts';
import { renderClient } from './render/client.ts';
import { CompileError } from './render/compile.ts';
import { buildReference, cachedReference, previousReference, REFERENCE_FILE, renderDocs } from './render/docs.ts';
import { checkChangelog, renderPackages } from './render/packages.ts';
import { renderServer } from './render/server.ts';
import { templateStats } from './render/templates.ts';
import { startTypeScriptWork } from './render/typescript-work.ts';
import { readSurface, renderSurface, SURFACE_FILE, surfaceChanges, versionProblem } from './surface.ts';
import type { OutputFiles } from './write/output.ts';

export interface GenerateResult {
  model: ApiModel;
  files: OutputFiles;
  /** Every file the spec was read from (for --watch). */
  specFiles: string[];
  /**
   * With `deferReference`, when the reference page must be rebuilt: `files`
   * holds the previous page, and this starts the build (a child process) and
   * resolves to the new page (its path under outDir and its content), for the
   * caller to call once it has written the rest.
   */
  referenceLater?: () => Promise<{ file: string; content: string }>;
  /** API-surface changes since the surface recorded in outDir (empty on a first generation). */
  changes: Change[];
}

export interface GenerateOptions {
  /** The redocly config to lint with; by default the one beside the spec, else the generator's own. */
  configPath?: string;
  outDir?: string;
  /** Package names, licence and artefacts (top-openapi.config.json); the defaults reproduce generated/. */
  settings?: OutputSettings;
  /**
   * Compare the new API surface with the one recorded in outDir and refuse a
   * change that info.version does not own up to (default true).
   */
  checkVersion?: boolean;
  /** Let breaking changes through without a new major version (pre-1.0 work). */
  allowBreaking?: boolean;
  /**
   * --watch: do not wait ~0.7 s for `redocly build-docs`; write everything
   * else first (with the previous reference page, if any) and the new page
   * when it is ready.
   */
  deferReference?: boolean;
}

/** The generator's own redocly.yaml (the recommended rules and the `top` plugin). */
export const OWN_LINT_CONFIG = path.resolve(import.meta.dirname, '../redocly.yaml');

/** The spec's own redocly.yaml when one sits beside it, else the generator's. */
export function lintConfigFor(specPath: string): string {
  const beside = path.join(path.dirname(path.resolve(specPath)), 'redocly.yaml');
  return existsSync(beside) ? beside : OWN_LINT_CONFIG;
}

/** A new API surface that info.version does not account for. */
export class VersionError extends Error {
  override name = 'VersionError';
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** A spec that cannot be generated from: each line names file, line and pointer. */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(readonly lines: string[]) {
    super(`the spec has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

// TOP_GENERATE_PROFILE=1 prints how long each stage took (to stderr).
const PROFILE = process.env.TOP_GENERATE_PROFILE === '1';
let mark = performance.now();
export function stage(name: string): void {
  if (!PROFILE) return;
  const now = performance.now();
  console.error(
    `  [profile] ${name}: ${(now - mark).toFixed(0)} ms (at ${now.toFixed(0)} ms, rss ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB)`,
  );
  mark = now;
}

/** A version npm takes (semver 2.0.0, with npm's optional leading `v`). */
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/**
 * Load, lint (unless `lint: false`) and build the model; every problem
 * becomes one line of a SpecError.
 */
async function loadAndBuild(specPath: string, options: { configPath?: string; lint?: boolean }): Promise<{ model: ApiModel; files: string[]; sources: SourceMap }> {
  const loaded = await loadSpec(specPath, options.configPath ?? lintConfigFor(specPath), { lint: options.lint ?? true, errorsOnly: true });
  stage('load and lint');
  const sources = new SourceMap(specPath, loaded.files);
  const problems: SpecProblem[] = [...loaded.problems];
  if (!problems.some((p) => p.severity === 'error' && (p.kind === 'parse' || p.kind === 'unresolved'))) {
    for (const p of int64RangeProblems(loaded.document, sources))
      problems.push({ severity: 'error', rule: 'int64-range', kind: 'lint', message: p.message, file: path.relative(process.cwd(), p.file), line: p.line, column: p.column, pointer: p.pointer });
  }
  const lines = problemLines(problems);
  if (lines.length) throw new SpecError(lines);
  try {
    return { model: buildModel(loaded.document), files: loaded.files, sources };
  } catch (error) {
    if (error instanceof ModelError) throw new SpecError([modelProblemLine(error, sources)]);
    throw error;
  }
}

/** A model error, placed in its source file: the pointer is into the bundled document. */
function modelProblemLine(error: ModelError, sources: SourceMap): string {
  const message = error.message.startsWith(`${error.pointer}: `) ? error.message.slice(error.pointer.length + 2) : error.message;
  // A `required` entry naming no property: point at that entry, not the whole list.
  const named = /^`([^`]+)`/.exec(message)?.[1];
  const at = error.pointer.endsWith('/required') && named !== undefined ? sources.locateItem(error.pointer, named) : sources.locate(error.pointer);
  return `${path.relative(process.cwd(), at.file)}:${at.line}:${at.column} ${message}`;
}

/**
 * ajv refuses a `format` it does not know while compiling the validators
 * (`#/$defs/req_<Schema>/properties/...`): a spec problem, placed in the file.
 */
function unknownFormatLine(error: Error, sources: SourceMap): string | undefined {
  const m = /^unknown format "(.*)" ignored in schema at path "#\/\$defs\/(?:req|res)_([^/"]+)((?:\/[^"]*)?)"/.exec(error.message);
  if (!m) return undefined;
  const at = sources.locate(`#/components/schemas/${m[2]}${m[3]}/format`);
  return `${path.relative(process.cwd(), at.file)}:${at.line}:${at.column} unknown format "${m[1]}" (the generator knows the formats its validators can check)`;
}

/** The model of a spec (for `diff`): bundled and checked by the model; lint only when asked. */
export async function loadModel(specPath: string, options: { configPath?: string; lint?: boolean } = {}): Promise<ApiModel> {
  return (await loadAndBuild(specPath, options)).model;
}

export async function generate(specPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const { configPath = lintConfigFor(specPath), outDir = 'generated', settings = defaultOutputSettings() } = options;
  stage('start');
  // TypeScript loads in its worker (when there is one) while this thread lints (see render/typescript-work.ts).
  startTypeScriptWork(settings.artefacts);
  const { model, files: specFiles, sources } = await loadAndBuild(specPath, { configPath });
  stage('model');
  // The packages take info.version as their npm version: one npm cannot publish was written before.
  if ((settings.artefacts.client || settings.artefacts.server) && !SEMVER.test(model.version)) {
    const problem = `info.version ${JSON.stringify(model.version)} is not a semantic version (MAJOR.MINOR.PATCH): the client and server packages take it as their npm version`;
    throw new SpecError([modelProblemLine(new ModelError('#/info/version', problem), sources)]);
  }
  const recorded = options.checkVersion === false ? undefined : readSurface(outDir);
  const changes = recorded ? surfaceChanges(recorded, model) : [];
  if (recorded && !options.allowBreaking) {
    const problem = versionProblem(changes, recorded.version, model.version);
    if (problem) throw new VersionError(problem.lines);
  }
  // The reference page builds in a child process while everything else renders.
  const { artefacts } = settings;
  const cached = artefacts.docs ? cachedReference(model, outDir, settings.packages.client.name) : '';
  const previous = options.deferReference && cached === undefined ? previousReference(outDir) : undefined;
  // Deferred (--watch), the page's child process starts when the caller has written the rest, not beside this run.
  const reference = cached !== undefined ? Promise.resolve(cached) : previous === undefined ? buildReference(model, outDir, settings.packages.client.name, { cacheChecked: true }) : undefined;
  reference?.catch(() => {}); // awaited below (or by the caller); never an unhandled rejection meanwhile
  const files: OutputFiles = new Map();
  try {
    // Both sides at once: each hands its types to the TypeScript worker before rendering the rest.
    const sides = await Promise.all([artefacts.client ? renderClient(model) : undefined, artefacts.server ? renderServer(model, { mock: artefacts.mock }) : undefined]);
    for (const side of sides) for (const [name, content] of side ?? []) files.set(name, content);
  } catch (error) {
    // A schema name the packages cannot use (render/schema-names.ts), placed in its file.
    if (error instanceof ModelError) throw new SpecError([modelProblemLine(error, sources)]);
    const line = error instanceof Error ? unknownFormatLine(error, sources) : undefined;
    if (line) throw new SpecError([line]);
    throw error;
  }
  stage('client and server');
  const changelogPath = path.join(path.dirname(specPath), 'CHANGELOG.md');
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const changelogProblem = artefacts.client || artefacts.server ? checkChangelog(changelog, model.version) : undefined;
  if (changelogProblem) throw new SpecError([`${path.relative(process.cwd(), changelogPath)}: ${changelogProblem}`]);
  // The packages compile (in the TypeScript worker) while the docs render here.
  const packages = renderPackages(model, new Map(files), changelog ?? '', outDir, settings);
  packages.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
  if (artefacts.docs) for (const [name, content] of renderDocs(model, previous ?? (await reference!), settings.packages.client.name)) files.set(name, content);
  stage('docs');
  files.set(SURFACE_FILE, renderSurface(model));
  try {
    for (const [name, content] of await packages) files.set(name, content);
  } catch (error) {
    // Generated code that does not type-check is the generator's bug, but it surfaces as a failed generation, not a crash.
    if (error instanceof CompileError) throw new SpecError([error.message]);
    throw error;
  }
  stage('packages');
  if (PROFILE) {
    const { fromBuild, compiled } = templateStats();
    console.error(`  [profile] templates: ${fromBuild} from the build's record, ${compiled} compiled`);
  }
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const clientPackage = settings.packages.client.name;
  const referenceLater = previous !== undefined ? () => buildReference(model, outDir, clientPackage, { cacheChecked: true }).then((content) => ({ file: REFERENCE_FILE, content })) : undefined;
  return { model, files: sorted, specFiles, changes, ...(referenceLater ? { referenceLater } : {}) };
}
