// The worker thread of typescript-work.ts: loads TypeScript and
// openapi-typescript's printer at once (while the main thread lints), then
// answers jobs one at a time, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { warmUp } from './compile.ts';
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
// Before the first job arrives (a job waits for this turn to end, never longer).
setImmediate(() => {
  const warming = performance.now();
  warmUp();
  log('warm up', warming);
});

let queue: Promise<void> = Promise.resolve();
port.on('message', ({ id, job }: { id: number; job: Job }) => {
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
