// Child processes that tests start and talk to: started, then awaited until
// they print the line that says they are ready; a script of bench/ run to its
// end with its exit code and output; a process's children, and whether a
// process is still alive (the bench tests' checks that nothing is left running).
import { type ChildProcess, execFile, execFileSync, type SpawnOptions, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

export interface Started {
  child: ChildProcess;
  /** The ready line's match. */
  match: RegExpExecArray;
  /** Everything the process has printed so far (stdout and stderr). */
  output: () => string;
}

export function startUntil(command: string, args: string[], ready: RegExp, options: SpawnOptions & { timeoutMs?: number } = {}): Promise<Started> {
  const { timeoutMs = 30_000, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} was not ready within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = ready.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, match, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(' ')} exited ${code} before it was ready: ${out}`));
    });
  });
}

/**
 * `node --import tsx SCRIPT ARGS…` from the repository (or `cwd`), to its end:
 * its exit code (0 when it succeeded) and stdout followed by stderr.
 */
export async function runScript(script: string, args: readonly string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', import.meta.resolve('tsx'), path.resolve(ROOT, script), ...args], {
      cwd: options.cwd ?? ROOT,
      timeout: options.timeoutMs ?? 30_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** The pids of `pid`'s children (those whose command line matches `pattern`, when given). */
export function childrenOf(pid: number, pattern?: string): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid), ...(pattern ? ['-f', pattern] : [])], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when it finds none
  }
}

/** Whether a process with this pid is still running (signal 0 only asks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
