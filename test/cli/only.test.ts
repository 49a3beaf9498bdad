// `generate --only client`: a user who consumes only the client gets the client
// package exactly as a full run writes it (generated/client, kept current by
// the --check test), the API-surface record, and nothing else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'generate', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir))
    .sort()
    .flatMap((name) => {
      const rel = dir ? `${dir}/${name}` : name;
      return statSync(path.join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
    });
}

test('--only client writes the client package as a full run does, and nothing else', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-only-'));
  try {
    const out = path.join(dir, 'out');
    const r = run('--only', 'client', '--out', out);
    assert.equal(r.status, 0, r.out);
    const files = listFiles(out);
    assert.deepEqual(
      files.filter((f) => !f.startsWith('client/')),
      ['.top-openapi-manifest.json', 'api-surface.json'],
      'only the client package, the manifest of written files and the API-surface record',
    );
    const full = path.join(ROOT, 'generated');
    assert.deepEqual(
      files.filter((f) => f.startsWith('client/')),
      listFiles(full, 'client'),
      'the same client files as the full run',
    );
    for (const file of files.filter((f) => f !== '.top-openapi-manifest.json'))
      assert.equal(readFileSync(path.join(out, file), 'utf8'), readFileSync(path.join(full, file), 'utf8'), `${file} is byte-identical to the full run's`);
    // --check against the same selection: current.
    const check = run('--only', 'client', '--out', out, '--check');
    assert.equal(check.status, 0, check.out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--only refuses an unknown artefact and a mock without its server, naming the flag', () => {
  const unknown = run('--only', 'client,sdk', '--check');
  assert.equal(unknown.status, 2, unknown.out);
  assert.match(unknown.out, /--only must be a comma-separated list of artefacts to write, from "client", "server", "mock", "docs"; got "sdk"/);
  const mock = run('--only', 'mock', '--check');
  assert.equal(mock.status, 2, mock.out);
  assert.match(mock.out, /--only must include "server" when it includes "mock"/);
});
