// The README's commands work as printed: every `npm run X` names a script,
// every `npm pack PATH` packs (it once read `generated/client` as a GitHub
// shorthand), and every `npx top-openapi COMMAND ...` names a command whose
// flags the CLI accepts (checked with --help appended, which parses them all).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const scripts = Object.keys(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts);

// Commands in inline code and in sh blocks, one per match, comments cut.
const commands = [...README.matchAll(/`((?:npm|npx) [^`]+)`/g), ...README.matchAll(/^((?:npm|npx) [^\n#]+)/gm)].flatMap((m) => m[1]!.trim().split(' && '));

test('the README has commands to check', () => {
  assert.ok(
    commands.some((c) => c.startsWith('npm pack')),
    'an npm pack command',
  );
  assert.ok(
    commands.some((c) => c.startsWith('npx top-openapi')),
    'an npx top-openapi command',
  );
});

test('every `npm run X` in the README is a script', () => {
  for (const command of commands.filter((c) => c.startsWith('npm run '))) {
    const name = command.split(/\s+/)[2]!;
    assert.ok(scripts.includes(name), `${command}: no script ${name}`);
  }
});

test('every `npm pack PATH` in the README packs as printed', () => {
  for (const command of commands.filter((c) => c.startsWith('npm pack '))) {
    const args = command.split(/\s+/).slice(1);
    const r = spawnSync('npm', [...args, '--dry-run', '--silent'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
  }
});

test('every `npx top-openapi ...` in the README is accepted by the CLI', () => {
  for (const command of commands.filter((c) => c.startsWith('npx top-openapi'))) {
    const args = command.split(/\s+/).slice(2);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/top-openapi.js'), ...args, '--help'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, `${command}: ${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^usage: top-openapi ${args[0]}`), command);
  }
});
