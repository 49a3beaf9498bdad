// Child processes that tests start and talk to: started, then awaited until
// they print the line that says they are ready.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

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
