// TypeScript's part of a generation (openapi-typescript's printing of
// types.ts, and compiling the packages' src/ to dist/), done in a worker
// thread while the main thread loads redocly, lints, builds the model and
// renders the templates and the validators (issue 16: the two cores of a
// cold run; loading TypeScript alone is ~200 ms). The worker loads
// TypeScript as soon as it starts; the main thread never loads it.
//
// The worker runs the same functions (types.ts, compile.ts) as the
// in-process path, which is used when there is no worker: a worker that
// cannot start or dies is replaced by the in-process path for what was
// pending, so a failure there costs time, never output. Errors thrown by
// that work (a CompileError above all) come back as the same classes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { OutputFiles } from './client.ts';
import { CompileError } from './compile.ts';
import type { TypesInput } from './types.ts';

/** One request to the worker, and its answer. */
export type Job =
  | { op: 'types'; input: TypesInput }
  | { op: 'pretranspile'; sources: [string, string][]; commonJs: boolean }
  | { op: 'compile'; pkgs: string[]; files: OutputFiles; outDir: string; typesOnly: string[] };
export type Answer = { id: number; ok: true; value: string | OutputFiles } | { id: number; ok: false; name: string; message: string; stack?: string };

/** Runs a job in this thread (the worker's own body, and the fallback). */
export async function runJob(job: Job): Promise<string | OutputFiles> {
  if (job.op === 'types') return (await import('./types.ts')).printTypesFile(job.input);
  if (job.op === 'pretranspile') {
    (await import('./compile.ts')).pretranspile(job.sources, job.commonJs);
    return '';
  }
  const typesOnly = new Set(job.typesOnly);
  return (await import('./compile.ts')).compilePackages(job.pkgs, job.files, job.outDir, { typesOnly: (name) => typesOnly.has(name) });
}

// The prebuilt generator (bin/prebuilt.js) builds the worker as a script of
// its own beside the generator's and names that folder in the generator's
// script; from the sources, the worker is the .ts file beside this one,
// loaded through tsx by a small ES module (typescript-worker-tsx.mjs).
declare const __topBuildUrl: string | undefined;

/** The worker's script; undefined when the build's is not the one its manifest names (then TypeScript runs in this thread). */
function workerScript(): URL | undefined {
  if (typeof __topBuildUrl !== 'string') return new URL('./typescript-worker-tsx.mjs', import.meta.url);
  const script = new URL('./typescript-worker.cjs', __topBuildUrl);
  try {
    const manifest = JSON.parse(readFileSync(new URL('../manifest.json', __topBuildUrl), 'utf8')) as { workerSha256?: unknown } | null;
    return typeof manifest?.workerSha256 === 'string' && createHash('sha256').update(readFileSync(script)).digest('hex') === manifest.workerSha256 ? script : undefined;
  } catch {
    return undefined;
  }
}

class WorkerService {
  #worker: Worker | undefined;
  #next = 0;
  readonly #pending = new Map<number, { job: Job; resolve: (v: string | OutputFiles) => void; reject: (e: unknown) => void }>();

  constructor() {
    const script = workerScript();
    if (script === undefined) return;
    try {
      const worker = new Worker(script, { workerData: { timeOrigin: performance.timeOrigin } });
      worker.on('message', (answer: Answer) => this.#answer(answer));
      worker.on('error', () => this.#fallBack());
      worker.on('exit', () => this.#fallBack());
      // Idle, the worker must not keep the process alive (nor --watch's between edits from exiting when asked).
      worker.unref();
      this.#worker = worker;
    } catch {
      this.#worker = undefined;
    }
  }

  run(job: Job): Promise<string | OutputFiles> {
    if (this.#worker === undefined) return runJob(job);
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { job, resolve, reject });
      this.#worker!.ref();
      this.#worker!.postMessage({ id, job });
    });
  }

  #answer(answer: Answer): void {
    const pending = this.#pending.get(answer.id);
    if (!pending) return;
    this.#pending.delete(answer.id);
    if (this.#pending.size === 0) this.#worker?.unref();
    // TOP_GENERATE_PROFILE=1 (generate.ts's stages): which jobs the worker answered, printed by this thread.
    if (process.env.TOP_GENERATE_PROFILE === '1') console.error(`  [profile] the worker answered ${pending.job.op}${answer.ok ? '' : ' (an error)'}`);
    if (answer.ok) pending.resolve(answer.value);
    else pending.reject(rebuildError(answer));
  }

  /** The worker is gone: what it had pending runs here, and so does all that follows. */
  #fallBack(): void {
    if (this.#worker === undefined) return;
    this.#worker = undefined;
    for (const [id, { job, resolve, reject }] of this.#pending) {
      this.#pending.delete(id);
      runJob(job).then(resolve, reject);
    }
  }
}

function rebuildError(answer: Extract<Answer, { ok: false }>): Error {
  const error = answer.name === 'CompileError' ? new CompileError(answer.message) : new Error(answer.message);
  if (answer.stack !== undefined) error.stack = answer.stack;
  return error;
}

let service: WorkerService | undefined;

/**
 * Starts the worker (loading TypeScript there) if it is not running yet, for
 * a generation that prints types or compiles and builds no docs site, on a
 * machine with a core to spare:
 *  - the docs' reference page is built by a child process (`redocly
 *    build-docs`) that keeps the second core busy already, and a worker beside
 *    it made the full set slower and ~40 MiB larger (measured);
 *  - like `make --load-average`, no worker when the machine already has more
 *    runnable work than cores (the 1-minute load average at or above the cores
 *    + 0.5): on a shared 2-core machine at load 4-8 the worker made
 *    `--only client` 0.1-1.5 s slower (the threads only took turns), while
 *    with the second core free it made it 0.2-0.5 s faster.
 * TOP_OPENAPI_TS_WORKER=0 keeps everything in this thread, =1 starts the worker regardless.
 */
export function startTypeScriptWork(artefacts: Artefacts): void {
  if (wantsWorker(artefacts, process.env.TOP_OPENAPI_TS_WORKER, os.availableParallelism(), os.loadavg()[0]!)) service ??= new WorkerService();
}

type Artefacts = Readonly<Record<'client' | 'server' | 'docs', boolean>>;

/** startTypeScriptWork's decision, from the artefacts, TOP_OPENAPI_TS_WORKER, the cores and the 1-minute load average. */
export function wantsWorker(artefacts: Artefacts, asked: string | undefined, cores: number, load: number): boolean {
  if (asked === '1') return true;
  if (asked === '0') return false;
  return (artefacts.client || artefacts.server) && !artefacts.docs && cores >= 2 && load < cores + 0.5;
}

/** Runs a job in the worker when one is running (or starting), else here. */
export function typescriptJob(job: Job): Promise<string | OutputFiles> {
  return service ? service.run(job) : runJob(job);
}

export async function printTypesWork(input: TypesInput): Promise<string> {
  return (await typescriptJob({ op: 'types', input })) as string;
}

/**
 * Starts transpiling these sources in the worker, ahead of compileWork (a
 * no-op without a worker: in one thread it would only move the same work).
 */
export function pretranspileWork(sources: [string, string][], commonJs: boolean): void {
  if (!service) return;
  typescriptJob({ op: 'pretranspile', sources, commonJs }).catch(() => {});
}

export async function compileWork(pkgs: string[], files: OutputFiles, outDir: string, typesOnly: (name: string) => boolean): Promise<OutputFiles> {
  const names = [...files.keys()].filter(typesOnly);
  return (await typescriptJob({ op: 'compile', pkgs, files, outDir, typesOnly: names })) as OutputFiles;
}
