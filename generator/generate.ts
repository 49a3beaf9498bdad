// The pipeline: load and lint → model → render. Returns the files; writing is
// the caller's choice (write, check, or nothing).
import { formatProblem, loadSpec } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { ModelError, type ApiModel } from './model/types.ts';
import { renderClient } from './render/client.ts';
import { renderServer } from './render/server.ts';
import { buildReference, renderDocs } from './render/docs.ts';
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
}

/** A spec that cannot be generated from: each line names file, line and pointer. */
export class SpecError extends Error {
  override name = 'SpecError';
  constructor(readonly lines: string[]) {
    super(`the spec has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
}

export async function generate(specPath: string, configPath = 'redocly.yaml', outDir = 'generated'): Promise<GenerateResult> {
  const loaded = await loadSpec(specPath, configPath);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new SpecError(errors.map(formatProblem));
  let model: ApiModel;
  try {
    model = buildModel(loaded.document);
  } catch (error) {
    if (error instanceof ModelError) throw new SpecError([`${specPath} (bundled) ${error.message}`]);
    throw error;
  }
  // The reference page builds in a child process while everything else renders.
  const reference = buildReference(model, outDir);
  reference.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
  const files: OutputFiles = new Map();
  for (const render of [renderClient, renderServer]) {
    for (const [name, content] of await render(model)) files.set(name, content);
  }
  for (const [name, content] of renderDocs(model, await reference)) files.set(name, content);
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
  return { model, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), specFiles: loaded.files };
}
