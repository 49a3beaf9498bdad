// npm run diff -- OLD.yaml NEW.yaml: what changed in the API surface, each
// change classed breaking or not. Exit 1 when anything is breaking (so CI can
// guard a published client), 0 otherwise, 2 when a spec cannot be read.
import { diffApis, formatChange } from './diff/api-diff.ts';
import { formatProblem, loadSpec } from './load/load-spec.ts';
import { buildModel } from './model/build-model.ts';
import { ModelError, type ApiModel } from './model/types.ts';

async function model(file: string): Promise<ApiModel> {
  const { document, problems } = await loadSpec(file);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`${file} has ${errors.length} problem${errors.length === 1 ? '' : 's'}:\n${errors.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  try {
    return buildModel(document);
  } catch (error) {
    if (error instanceof ModelError) throw new Error(`${file}: ${error.message}`);
    throw error;
  }
}

async function main(): Promise<number> {
  const files = process.argv.slice(2);
  if (files.length !== 2 || files.some((f) => f.startsWith('-'))) {
    console.error('usage: npm run diff -- OLD.yaml NEW.yaml');
    return 2;
  }
  let before: ApiModel;
  let after: ApiModel;
  try {
    [before, after] = await Promise.all(files.map(model)) as [ApiModel, ApiModel];
  } catch (error) {
    console.error(`diff: ${(error as Error).message}`);
    return 2;
  }
  const changes = diffApis(before, after);
  for (const change of changes) console.log(formatChange(change));
  const breaking = changes.filter((c) => c.breaking).length;
  console.log(`${changes.length} change${changes.length === 1 ? '' : 's'} (${before.version} → ${after.version}), ${breaking} breaking`);
  return breaking ? 1 : 0;
}

process.exitCode = await main();
