// The pipeline: load and lint → model → render. Returns the files; writing is
// the caller's choice (write, check, or nothing).
import { formatProblem, loadSpec } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { ModelError, type ApiModel } from './model/types.ts';
import { renderClient } from './render/client.ts';
import { renderServer } from './render/server.ts';
import { renderDocs } from './render/docs.ts';
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
  const files: OutputFiles = new Map();
  for (const render of [renderClient, renderServer]) {
    for (const [name, content] of await render(model)) files.set(name, content);
  }
  for (const [name, content] of renderDocs(model, outDir)) files.set(name, content);
  return { model, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), specFiles: loaded.files };
}
