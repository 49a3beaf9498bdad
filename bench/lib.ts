// Measuring helpers for `npm run bench`: medians, timed child processes with
// their peak RSS (GNU time), and the machine's description.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

// Every child the bench starts, stopped when the bench ends however it ends:
// a bench stopped by Ctrl-C or SIGTERM left its servers listening and its
// `--watch` generator running. Its temporary folders go too: stopped, it
// exited without its `finally` blocks and left them behind.
const children = new Set<ChildProcess>();
/** Children started in a process group of their own (`detached`), stopped with everything in it. */
const leaders = new WeakSet<ChildProcess>();
const folders = new Set<string>();
let stopping = false;
function stopChildren(): void {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      if (leaders.has(child) && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // gone meanwhile
    }
  }
  // After the children: a generator told to stop may still be writing into one (hence the retries).
  for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
}
/** Once: stop the children and remove the folders when this process exits or is stopped by SIGINT or SIGTERM. */
function stopWithThisProcess(): void {
  if (stopping) return;
  stopping = true;
  process.on('exit', stopChildren);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      stopChildren();
      process.exit(code);
    });
  }
}
/**
 * `child`, stopped (SIGTERM) when this process exits or is stopped by SIGINT or
 * SIGTERM. `group`: the child was spawned `detached` and leads a process group,
 * which is stopped whole (a wrapper such as /usr/bin/time dies of SIGTERM and
 * leaves the command it runs going).
 */
export function stopWithBench<C extends ChildProcess>(child: C, group = false): C {
  if (group) leaders.add(child);
  stopWithThisProcess();
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}
/**
 * The port a bench server prints (`listening PORT`) on its stdout, or a
 * rejection naming `what` when it exits first: a server that died before
 * listening left the bench waiting without end (found by the review rv15).
 */
export function portWhenListening(child: ChildProcess, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += String(c);
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`${what} exited (${signal ?? `exit code ${code}`}) before it was listening`)));
  });
}
/** `folder`, removed when this process exits or is stopped by SIGINT or SIGTERM (the caller may remove it sooner). */
export function removeWithBench(folder: string): string {
  stopWithThisProcess();
  folders.add(folder);
  return folder;
}

/** The seed of every bootstrap draw the bench makes, printed with its intervals so a reader can redo them. */
export const BOOTSTRAP_SEED = 16;

/**
 * A 95% bootstrap interval of the median of `values` (per-round or per-pair
 * ratios): 2,000 resamples drawn with a seeded generator (mulberry32), so the
 * same figures give the same interval. It says how far the median could move
 * on this machine's noise: a target inside it is neither met nor missed by a
 * margin the run can show.
 */
export function medianInterval(values: number[], seed = BOOTSTRAP_SEED, draws = 2000): [number, number] {
  // Refused, not printed: these gave NaN or undefined bounds, or (a NaN sorted anywhere) bounds off the median.
  if (values.length === 0) throw new RangeError('medianInterval: no figures');
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad !== -1) throw new RangeError(`medianInterval: figure ${bad} is ${values[bad]}`);
  if (!Number.isSafeInteger(draws) || draws < 1) throw new RangeError(`medianInterval: draws must be a whole number from 1; got ${draws}`);
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const medians: number[] = [];
  for (let d = 0; d < draws; d++) medians.push(median(Array.from(values, () => values[Math.floor(random() * values.length)]!)));
  medians.sort((a, b) => a - b);
  return [medians[Math.floor(draws * 0.025)]!, medians[Math.ceil(draws * 0.975) - 1]!];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timed {
  ms: number;
  /** Peak resident set size of the process, in MiB (GNU time's %M). */
  peakRssMiB: number;
  stdout: string;
}

/** GNU time, for a command's peak RSS (`%M`); Debian's package `time`. */
export const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion under GNU time, for its wall time and peak RSS. */
export function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A process group of its own, stopped whole with the bench: GNU time ignores SIGINT and dies of SIGTERM, leaving `command` running.
    const child = stopWithBench(
      spawn(GNU_TIME, ['-f', 'PEAK_RSS_KB=%M', command, ...args], { cwd: options.cwd ?? ROOT, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true }),
      true,
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /PEAK_RSS_KB=(\d+)/.exec(stderr);
      if (code !== 0 || !rss) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${stdout}\n${stderr}`));
      else resolve({ ms, peakRssMiB: Number(rss[1]) / 1024, stdout });
    });
  });
}

export function machine(): Record<string, string> {
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'not installed';
    }
  };
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim() || cpu;
  } catch {
    // keep os.cpus()
  }
  return {
    cpu,
    cores: String(os.availableParallelism()),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    // Node's own fetch: the fetch target's peer and ours both run on it.
    undici: process.versions.undici ?? 'none',
    typescript: version('typescript'),
    'openapi-typescript': version('openapi-typescript'),
    '@redocly/cli': version('@redocly/cli'),
    ajv: version('ajv'),
    '@hey-api/openapi-ts': version('@hey-api/openapi-ts'),
    'node-taobao-topclient': version('node-taobao-topclient'),
    fastify: version('fastify'),
    autocannon: version('autocannon'),
  };
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
