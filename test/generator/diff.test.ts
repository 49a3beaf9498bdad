// npm run diff on fixture pairs: test/fixtures/diff/base.yaml against base +
// each *.patch.json (JSON Patch). Want: the exact change lines and exit code.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { runDiff } from '../../generator/diff-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/diff');
const BASE = path.join(FIXTURES, 'base.yaml');

// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML spec, patched by JSON pointer
type Json = any;
type Op = { op: 'add' | 'remove' | 'replace' | 'move' | 'copy'; path: string; from?: string; value?: Json };

const segments = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

function locate(doc: Json, pointer: string): [Json, string] {
  const parts = segments(pointer);
  const key = parts.pop()!;
  const parent = parts.reduce((node, k) => {
    if (node === undefined || !(k in node)) throw new Error(`patch: ${pointer}: no ${k}`);
    return node[k];
  }, doc);
  return [parent, key];
}

/** A JSON Patch (RFC 6902) subset: add, remove, replace, move, copy. */
function applyPatch(doc: Json, ops: Op[]): Json {
  for (const o of ops) {
    const take = (pointer: string, remove: boolean) => {
      const [parent, key] = locate(doc, pointer);
      if (!(key in parent)) throw new Error(`patch: nothing at ${pointer}`);
      const value = parent[key];
      if (remove) Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key];
      return value;
    };
    const put = (pointer: string, value: Json, replace: boolean) => {
      const [parent, key] = locate(doc, pointer);
      if (Array.isArray(parent)) key === '-' ? parent.push(value) : parent.splice(Number(key), replace ? 1 : 0, value);
      else {
        if (replace && !(key in parent)) throw new Error(`patch: nothing to replace at ${pointer}`);
        parent[key] = value;
      }
    };
    if (o.op === 'remove') take(o.path, true);
    else if (o.op === 'add') put(o.path, structuredClone(o.value), false);
    else if (o.op === 'replace') put(o.path, structuredClone(o.value), true);
    else if (o.op === 'move') put(o.path, take(o.from!, true), false);
    else if (o.op === 'copy') put(o.path, structuredClone(take(o.from!, false)), false);
  }
  return doc;
}

/**
 * `top-openapi diff OLD NEW`, run in this process (the command's own function,
 * its printing captured): the same lines and exit status without a ~1.5 s
 * spawn a case. The spawned CLI is kept for bad usage below.
 */
async function diff(oldFile: string, newFile: string) {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (...args: unknown[]) => void out.push(args.join(' '));
  console.error = (...args: unknown[]) => void err.push(args.join(' '));
  try {
    const status = await runDiff([oldFile, newFile]);
    return { status, lines: out.join('\n').trim().split('\n').filter(Boolean), stderr: err.join('\n') };
  } finally {
    Object.assign(console, { log, error });
  }
}

test('the same spec: no change, exit 0 (and the split spec equals its bundle)', async () => {
  const r = await diff(path.join(ROOT, 'spec/openapi.yaml'), BASE);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.lines, ['0 changes (1.0.0 → 1.0.0), 0 breaking']);
});

for (const file of readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.patch.json'))
  .sort()) {
  const fixture = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { description: string; want: { exit: number; lines: string[] }; patch: Op[] };
  test(`diff fixture ${file}: ${fixture.description}`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'top-diff-'));
    try {
      const next = applyPatch(parse(readFileSync(BASE, 'utf8')), fixture.patch);
      next.info.version = '1.1.0';
      const newFile = path.join(dir, 'new.yaml');
      writeFileSync(newFile, stringify(next, { lineWidth: 0 }));
      const r = await diff(BASE, newFile);
      assert.equal(r.status, fixture.want.exit, `${r.lines.join('\n')}\n${r.stderr}`);
      const changes = r.lines.slice(0, -1);
      assert.deepEqual(changes.sort(), [...fixture.want.lines].sort(), r.stderr);
      const breaking = fixture.want.lines.filter((l) => l.startsWith('BREAKING')).length;
      assert.equal(r.lines.at(-1), `${fixture.want.lines.length} change${fixture.want.lines.length === 1 ? '' : 's'} (1.0.0 → 1.1.0), ${breaking} breaking`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a spec that cannot be read is exit 2 with the reason, and so is bad usage', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-diff-'));
  try {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(BASE, 'utf8').replace('operationId: alibabaIdleTenderPrePayAction', 'operationId: x'));
    const r = await diff(BASE, bad);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /bad\.yaml: the spec cannot be read:\n.*`operationId` must be `alibabaIdleTenderPrePayAction`/);
    const usage = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'generator/diff-cli.ts'), BASE], { encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /expected OLD and NEW, got 1 argument\nusage: top-openapi diff OLD NEW \[--json\]/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
