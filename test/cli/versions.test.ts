// Versions that mean something: generate refuses a surface change that
// info.version does not account for (naming the changes and the version it
// expects), --allow-breaking lets it through; diff reads git revisions of a
// split spec (materialised from git, so the bundle resolves) and prints JSON.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { generate, VersionError } from '../../generator/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/top-openapi.js');
const CMD = 'spec/components/schemas/TenderPrePayCmd.yaml';
const dropOrderId = (t: string) => t.replace('required: [order_id, pre_pay_no, pre_pay_action]', 'required: [pre_pay_no, pre_pay_action]').replace(/ {2}order_id:\n(?: {4}.*\n)+/, '');

test('a breaking change under the same major is refused, naming it and the version expected; --allow-breaking overrides', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-versions-'));
  try {
    cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
    cpSync(path.join(ROOT, 'generated/api-surface.json'), path.join(dir, 'out/api-surface.json'));
    const file = path.join(dir, CMD);
    writeFileSync(file, dropOrderId(readFileSync(file, 'utf8')));
    const spec = path.join(dir, 'spec/openapi.yaml');
    await assert.rejects(generate(spec, { outDir: path.join(dir, 'out'), settings: undefined }), (error: unknown) => {
      assert.ok(error instanceof VersionError, String(error));
      assert.match(error.lines[0]!, /^1 breaking change since 1\.0\.0 need a new major version: info\.version is 1\.0\.0, expected 2\.0\.0/);
      assert.match(error.lines[1]!, /breaking: alibaba\.idle\.tender\.pre\.pay\.action request param0\.order_id: removed/);
      return true;
    });
    const { changes } = await generate(spec, { outDir: path.join(dir, 'out'), allowBreaking: true });
    assert.equal(changes.filter((c) => c.breaking).length, 1);
    // A non-breaking change (a description is not one) under the same version passes; a deprecation does not.
    const op = path.join(dir, 'spec/paths/alibaba.idle.tender.pre.pay.action.yaml');
    writeFileSync(file, readFileSync(path.join(ROOT, CMD), 'utf8'));
    writeFileSync(op, readFileSync(op, 'utf8').replace(/^post:\n/, 'post:\n  deprecated: true\n'));
    await assert.rejects(generate(spec, { outDir: path.join(dir, 'out') }), /API change since 1\.0\.0 need a new version: info\.version is 1\.0\.0, expected 1\.1\.0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('diff HEAD~1 . and REV:path on a split spec in git, with --json', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-diff-git-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  try {
    cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'first');
    const file = path.join(dir, CMD);
    writeFileSync(file, dropOrderId(readFileSync(file, 'utf8')));
    git('commit', '-qam', 'second');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'diff', ...args], { cwd: dir, encoding: 'utf8' });
    const lines = run('HEAD~1', '.');
    assert.equal(lines.status, 1, lines.stderr);
    assert.match(lines.stdout, /BREAKING +alibaba\.idle\.tender\.pre\.pay\.action +request +param0\.order_id: removed\n1 change \(1\.0\.0 → 1\.0\.0\), 1 breaking/);
    const json = run('HEAD~1:spec/openapi.yaml', 'spec/openapi.yaml', '--json');
    assert.equal(json.status, 1, json.stderr);
    const report = JSON.parse(json.stdout);
    assert.equal(report.breaking, 1);
    assert.deepEqual(report.changes, [{ breaking: true, method: 'alibaba.idle.tender.pre.pay.action', side: 'request', path: 'param0.order_id', what: 'removed' }]);
    // One file of a split spec, alone (what `git show REV:spec/openapi.yaml > old.yaml` gives): a clear refusal, not 32 errors.
    writeFileSync(path.join(dir, 'old.yaml'), git('show', 'HEAD~1:spec/openapi.yaml'));
    const alone = run('old.yaml', 'spec/openapi.yaml');
    assert.equal(alone.status, 2);
    assert.match(alone.stderr, /pass the folder, a git revision such as HEAD~1, or REV:path/);
    assert.equal(run('nonsense-rev', '.').status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
