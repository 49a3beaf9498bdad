// The worker thread of typescript-work.ts: loads TypeScript and
// openapi-typescript's printer at once (while the main thread lints), then
// answers jobs one at a time, in order.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { compilerOptions } from './compile.ts';
import { loadPrinter } from './types.ts';
import { typescript } from './typescript.ts';
import { type Answer, type Job, runJob } from './typescript-work.ts';

if (!parentPort) throw new Error('typescript-worker.ts runs as a worker thread of typescript-work.ts');
const port = parentPort;

// TOP_GENERATE_PROFILE=1: what the worker spent on each step (to stderr), like generate.ts's stages.
const PROFILE = process.env.TOP_GENERATE_PROFILE === '1';
// Times on the main thread's clock (its timeOrigin comes as workerData), so both threads' lines line up.
const origin = typeof (workerData as { timeOrigin?: unknown } | null)?.timeOrigin === 'number' ? (workerData as { timeOrigin: number }).timeOrigin : performance.timeOrigin;
const log = (what: string, since: number) =>
  PROFILE && console.error(`  [profile] worker ${what}: ${(performance.now() - since).toFixed(0)} ms (at ${(performance.timeOrigin + performance.now() - origin).toFixed(0)} ms)`);
const loading = performance.now();
typescript();
loadPrinter();
log('load TypeScript and the printer', loading);
// While no job has arrived: one runtime source transpiled the three ways
// compile.ts transpiles (results dropped), one way a turn, so that the first
// generated file does not pay for V8 compiling TypeScript's parser and
// emitters (50-100 ms cold). A job waits for the step under way, never for
// the rest: once the generator's own start got faster (its code cache), the
// model often arrived while a whole warm-up still ran, and waiting for it
// cost more than it saved. (compile.ts's warmUp, all three at once, is left
// as it is: its text is part of every package's .dist-build key.)
let jobs = 0;
const warmUpSteps = (() => {
  const ts = typescript();
  const options = compilerOptions();
  const { declaration: _d, isolatedDeclarations: _i, moduleResolution: _r, ...rest } = options;
  const fileName = path.resolve(import.meta.dirname, '../../runtime/common/params.ts');
  const jsDoc = { jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors };
  let content: string | undefined;
  const source = () => (content ??= readFileSync(fileName, 'utf8'));
  return [
    () => ts.transpileModule(source(), { compilerOptions: { ...rest, module: ts.ModuleKind.ESNext }, fileName, ...jsDoc }),
    () => ts.transpileDeclaration(source(), { compilerOptions: options, fileName, ...jsDoc }),
    () => ts.transpileModule(source(), { compilerOptions: { ...rest, module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName, ...jsDoc }),
  ];
})();
const warm = (step: number) =>
  setImmediate(() => {
    if (jobs > 0 || step >= warmUpSteps.length) return;
    const warming = performance.now();
    warmUpSteps[step]!();
    log(`warm up (step ${step + 1} of ${warmUpSteps.length})`, warming);
    warm(step + 1);
  });
warm(0);

let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: Job }) => {
  jobs++;
  queue = queue.then(async () => {
    let answer: Answer;
    const started = performance.now();
    try {
      answer = { id, ok: true, value: await runJob(job) };
      log(job.op === 'types' ? `types (${job.input.side})` : job.op === 'compile' ? `compile (${job.pkgs.join(', ')})` : `pretranspile (${job.sources.length} files)`, started);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      answer = { id, ok: false, name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) };
    }
    port.postMessage(answer);
  });
});
