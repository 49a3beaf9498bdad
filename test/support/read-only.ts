// A folder that refuses new entries, for root too: chmod does not stop root,
// `chattr +i` does (on file systems that have it). Tests that need one skip
// where neither works.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Makes `dir` refuse new entries; returns the undo, or undefined when nothing here can. */
export function readOnly(dir: string): (() => void) | undefined {
  const refuses = () => {
    try {
      mkdirSync(path.join(dir, '.probe'));
      rmSync(path.join(dir, '.probe'), { recursive: true });
      return false;
    } catch {
      return true;
    }
  };
  chmodSync(dir, 0o555);
  if (refuses()) return () => chmodSync(dir, 0o755);
  chmodSync(dir, 0o755);
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  if (refuses()) return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  return undefined;
}

/** Undoes either kind of read-only on `dir`, whichever it has (for cleanup after a folder moved). */
export function writable(dir: string): void {
  try {
    execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  } catch {
    // not immutable, or no chattr
  }
  try {
    chmodSync(dir, 0o755);
  } catch {
    // gone
  }
}
