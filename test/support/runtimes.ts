// The runtimes other than the Node running the tests: binaries inside npm
// packages pinned in test/runtimes/package-lock.json, installed on first use.
// More than one test file needs them, and `npm test` runs two files at once:
// two `npm ci` in one folder at once would corrupt it, so installing is done
// under a lock (a folder made atomically, holding the installer's pid).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { isAlive } from './processes.ts';

const HERE = path.resolve(import.meta.dirname, '../runtimes');
const modules = path.join(HERE, 'node_modules');
export const RUNTIMES = {
  node22: path.join(modules, 'node22/bin/node'),
  node24: path.join(modules, 'node24/bin/node'),
  bun: path.join(modules, '@oven/bun-linux-x64/bin/bun'),
  deno: path.join(modules, '@deno/linux-x64-glibc/deno'),
  workerd: path.join(modules, '@cloudflare/workerd-linux-64/bin/workerd'),
};

// Written once `npm ci` has finished: a binary that exists may still be being
// written by another file's install (spawning it failed with ETXTBSY).
const DONE = path.join(modules, '.top-runtimes-installed');
const installed = () => existsSync(DONE) && Object.values(RUNTIMES).every((bin) => existsSync(bin));

/** Installs the pinned runtimes when one is missing (first run on a machine); waits for another file's install. */
export async function ensureRuntimes(): Promise<void> {
  const lock = path.join(HERE, '.installing');
  const pidFile = path.join(lock, 'pid');
  for (;;) {
    if (installed()) return;
    // The lock appears with its pid already in it (a folder renamed into
    // place): one made empty and then filled left, when killed between the
    // two, a lock nobody could tell was dead.
    const claim = mkdtempSync(path.join(HERE, '.claim-'));
    writeFileSync(path.join(claim, 'pid'), String(process.pid));
    try {
      renameSync(claim, lock);
      break;
    } catch {
      rmSync(claim, { recursive: true, force: true });
      // Another process installs: wait for it, or take over if it died holding the lock.
      const holder = Number(existsSync(pidFile) ? readFileSync(pidFile, 'utf8') : Number.NaN);
      if (Number.isSafeInteger(holder) && !isAlive(holder)) rmSync(lock, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    if (installed()) return;
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    await promisify(execFile)(npm, ['ci', '--ignore-scripts', '--no-bin-links', '--no-audit', '--no-fund'], { cwd: HERE, maxBuffer: 1 << 24 });
    for (const [name, bin] of Object.entries(RUNTIMES)) assert.ok(existsSync(bin), `${name}: ${bin} after npm ci in test/runtimes`);
    writeFileSync(DONE, '');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
