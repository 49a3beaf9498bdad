// The pipeline: load and lint → model → render. Returns the files; writing is
// the caller's choice (write, check, or nothing).
import { formatProblem, loadSpec } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { ModelError, type ApiModel } from './model/types.ts';
import { renderClient } from './render/client.ts';
import { renderServer } from './render/server.ts';
import { buildReference, cachedReference, previousReference, REFERENCE_FILE, renderDocs } from './render/docs.ts';
import { CompileError } from './render/compile.ts';
import { checkChangelog, renderPackages } from './render/packages.ts';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFiles } from './write/output.ts';

export interface GenerateResult {
  model: ApiModel;
  files: OutputFiles;
  /** Every file the spec was read from (for --watch). */
  specFiles: string[];
  /**
   * With `deferReference`, when the reference page must be rebuilt: `files`
   * holds the previous page, and this resolves to the new one (its path under
   * outDir and its content) for the caller to write afterwards.
   */
  referenceLater?: Promise<{ file: string; content: string }>;
}

export interface GenerateOptions {
  configPath?: string;
  outDir?: string;
  /**
   * --watch: do not wait ~0.7 s for `redocly build-docs`; write everything
   * else first (with the previous reference page, if any) and the new page
   * when it is ready.
   */
  deferReference?: boolean;
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
  console.error(`  [profile] ${name}: ${(now - mark).toFixed(0)} ms`);
  mark = now;
}

export async function generate(specPath: string, options: GenerateOptions = {}): Promise<GenerateResult> {
  const { configPath = 'redocly.yaml', outDir = 'generated' } = options;
  stage('start');
  const loaded = await loadSpec(specPath, configPath);
  stage('load and lint');
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new SpecError(errors.map(formatProblem));
  let model: ApiModel;
  try {
    model = buildModel(loaded.document);
  } catch (error) {
    if (error instanceof ModelError) throw new SpecError([`${specPath} (bundled) ${error.message}`]);
    throw error;
  }
  stage('model');
  // The reference page builds in a child process while everything else renders.
  const cached = cachedReference(model, outDir);
  const previous = options.deferReference && cached === undefined ? previousReference(outDir) : undefined;
  const reference = cached !== undefined ? Promise.resolve(cached) : buildReference(model, outDir);
  reference.catch(() => {}); // awaited below (or by the caller); never an unhandled rejection meanwhile
  const files: OutputFiles = new Map();
  for (const render of [renderClient, renderServer]) {
    for (const [name, content] of await render(model)) files.set(name, content);
  }
  stage('client and server');
  for (const [name, content] of renderDocs(model, previous ?? (await reference))) files.set(name, content);
  stage('docs');
  const changelogPath = path.join(path.dirname(specPath), 'CHANGELOG.md');
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : undefined;
  const changelogProblem = checkChangelog(changelog, model.version);
  if (changelogProblem) throw new SpecError([`${changelogPath}: ${changelogProblem}`]);
  try {
    for (const [name, content] of renderPackages(model, files, changelog!, outDir)) files.set(name, content);
  } catch (error) {
    // Generated code that does not type-check is the generator's bug, but it surfaces as a failed generation, not a crash.
    if (error instanceof CompileError) throw new SpecError([error.message]);
    throw error;
  }
  stage('packages');
  const sorted = new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  const referenceLater = previous !== undefined ? reference.then((content) => ({ file: REFERENCE_FILE, content })) : undefined;
  return { model, files: sorted, specFiles: loaded.files, ...(referenceLater ? { referenceLater } : {}) };
}
