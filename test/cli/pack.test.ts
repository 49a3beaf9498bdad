// The generator as a stranger installs it: `npm pack` of this project, the
// tarball installed into a fresh temporary project (nothing else of this
// repository there but a copy of spec/), and every command run through npx:
// generate (with package names and licence from top-openapi.config.json),
// --check, --watch, diff and the mock gateway, which the generated client calls.

import assert from 'node:assert/strict';
import { type ChildProcess, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startUntil } from '../support/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_loglevel: 'error' };

let project: string;
const children: ChildProcess[] = [];

function run(cmd: string, args: string[], cwd = project) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: ENV });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

function ok(cmd: string, args: string[], cwd = project): string {
  const r = run(cmd, args, cwd);
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.out}`);
  return r.stdout;
}

/** npx runs the bin as its own child: started detached, the whole group is ended. */
async function startNpx(args: string[], ready: RegExp) {
  const started = await startUntil(NPX, ['--no-install', 'top-openapi', ...args], ready, { cwd: project, detached: true, env: ENV, timeoutMs: 60_000 });
  children.push(started.child);
  return started;
}

function stop(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

before(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'top-openapi-user-'));
  const tarball = ok(NPM, ['pack', '--pack-destination', project, '--silent'], ROOT).trim().split('\n').at(-1)!;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'acme-payments', private: true, type: 'module' }));
  ok(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', `./${tarball}`]);
  cpSync(path.join(ROOT, 'spec'), path.join(project, 'api'), { recursive: true });
  writeFileSync(
    path.join(project, 'top-openapi.config.json'),
    JSON.stringify(
      {
        spec: 'api/openapi.yaml',
        out: 'sdk',
        packages: { client: { name: '@acme/top-client' }, server: { name: '@acme/top-gateway' } },
        license: 'Apache-2.0',
        licenseFile: false,
        artefacts: ['client', 'server', 'mock'],
      },
      null,
      2,
    ),
  );
});

after(() => {
  for (const child of children) stop(child);
  rmSync(project, { recursive: true, force: true });
});

test('the tarball holds the generator, its templates, runtime and lint plugin, and no tests or output', () => {
  const files = readdirSync(path.join(project, 'node_modules/top-payments-openapi'), { recursive: true }).map(String);
  for (const needed of ['bin/top-openapi.js', 'generator/cli.ts', 'generator/lint/redocly-plugin.js', 'templates/client/client.ts.hbs', 'runtime/common/sign.ts', 'redocly.yaml']) {
    assert.ok(files.includes(needed), `${needed} is shipped`);
  }
  for (const file of files) assert.doesNotMatch(file, /^(test|generated|spec|bench)\//, `${file} is not shipped`);
});

test('the installed bin runs the prebuilt generator, not the sources through tsx (its dependencies hoisted beside it)', () => {
  const r = spawnSync(process.execPath, [path.join(project, 'node_modules/.bin/top-openapi'), '--help'], { cwd: project, encoding: 'utf8', env: { ...ENV, TOP_OPENAPI_REPORT_LOADER: '1' } });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stderr, /top-openapi: prebuilt generator/, r.stderr);
});

test('npx top-openapi generate: the config file names the spec, the output, the packages and the licence', () => {
  const stdout = ok(NPX, ['--no-install', 'top-openapi', 'generate']);
  assert.match(stdout, /^generated 5 operations: \d+ files written to sdk\/ \(\d+ changed\)/m);
  const client = JSON.parse(readFileSync(path.join(project, 'sdk/client/package.json'), 'utf8'));
  const server = JSON.parse(readFileSync(path.join(project, 'sdk/server/package.json'), 'utf8'));
  assert.equal(client.name, '@acme/top-client');
  assert.equal(server.name, '@acme/top-gateway');
  assert.equal(client.license, 'Apache-2.0');
  assert.ok(!client.files.includes('LICENSE'), 'no MIT text shipped under another licence');
  assert.match(readFileSync(path.join(project, 'sdk/client/README.md'), 'utf8'), /npm install @acme\/top-client/);
  assert.deepEqual(readdirSync(path.join(project, 'sdk')).sort(), ['.top-openapi-manifest.json', 'api-surface.json', 'client', 'server'], 'docs were not asked for');
  // Byte for byte what this repository generates, apart from the names and licence.
  const ours = readFileSync(path.join(ROOT, 'generated/client/src/client.ts'), 'utf8');
  assert.equal(readFileSync(path.join(project, 'sdk/client/src/client.ts'), 'utf8'), ours);

  assert.match(ok(NPX, ['--no-install', 'top-openapi', 'generate', '--check']), /generate --check: sdk\/ is current/);
  // Run from another folder on the same config: paths in the file are the file's.
  const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'top-openapi-cwd-'));
  try {
    const r = run(process.execPath, [path.join(project, 'node_modules/.bin/top-openapi'), 'generate', '--check', '--config', path.join(project, 'top-openapi.config.json')], elsewhere);
    assert.equal(r.status, 0, r.out);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
  // A stale output is caught.
  writeFileSync(path.join(project, 'sdk/client/src/client.ts'), '// edited\n');
  const stale = run(NPX, ['--no-install', 'top-openapi', 'generate', '--check']);
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /^stale: sdk\/client\/src\/client\.ts$/m);
  ok(NPX, ['--no-install', 'top-openapi', 'generate']);
});

test('npx top-openapi generate --watch sees a file replaced by a rename', async () => {
  const { child, output } = await startNpx(['generate', '--watch', '--allow-breaking'], /watching api\//);
  try {
    const file = path.join(project, 'api/components/schemas/TenderPrePayCmd.yaml');
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, readFileSync(file, 'utf8').replace('description: Order id.', 'description: Order id (through npx).'));
    renameSync(temporary, file);
    const deadline = Date.now() + 30_000;
    while (!/regenerated after a change in api\/components\/schemas\/TenderPrePayCmd\.yaml/.test(output())) {
      assert.ok(Date.now() < deadline, `no regeneration: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.match(readFileSync(path.join(project, 'sdk/client/src/types.ts'), 'utf8'), /Order id \(through npx\)\./);
  } finally {
    stop(child);
  }
});

test('npx top-openapi diff: the copy against itself, and a change', () => {
  assert.match(ok(NPX, ['--no-install', 'top-openapi', 'diff', 'api/openapi.yaml', 'api']), /^0 changes \(1\.0\.0 → 1\.0\.0\), 0 breaking$/m);
  const changed = path.join(project, 'changed');
  cpSync(path.join(project, 'api'), changed, { recursive: true });
  const op = path.join(changed, 'paths/alibaba.idle.tender.pre.pay.action.yaml');
  writeFileSync(op, readFileSync(op, 'utf8').replace(/^post:\n/, 'post:\n  deprecated: true\n'));
  const r = run(NPX, ['--no-install', 'top-openapi', 'diff', 'api', 'changed', '--json']);
  assert.equal(r.status, 0, r.out);
  const report = JSON.parse(r.stdout);
  assert.equal(report.breaking, 0);
  assert.deepEqual(report.changes, [{ breaking: false, method: 'alibaba.idle.tender.pre.pay.action', side: 'operation', path: '', what: 'deprecated' }]);
});

test('npx top-openapi mock serves the spec; the generated client calls it', async () => {
  const { child, match } = await startNpx(['mock', '--port', '0', '--host', '127.0.0.1'], /listening on (http:\/\/127\.0\.0\.1:\d+\/router\/rest)/);
  try {
    const script = path.join(project, 'call.mjs');
    writeFileSync(
      script,
      `
import { TopClient } from './sdk/client/dist/index.js';
const top = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: ${JSON.stringify(match[1])} });
const answer = await top.alibabaIdleTenderPrePayAction({ param0: { order_id: '1234', pre_pay_no: 'PP-1', pre_pay_action: 2n } }, { session: 'buyer' });
console.log(typeof answer.request_id, answer.result?.success);
`,
    );
    assert.equal(ok(process.execPath, [script]).trim(), 'string true');
  } finally {
    stop(child);
  }
});

test('--help answers for every command', () => {
  assert.match(ok(NPX, ['--no-install', 'top-openapi', 'generate', '--help']), /^usage: top-openapi generate/);
  // The same bin, without npx's own start-up each time.
  const bin = path.join(project, 'node_modules/.bin/top-openapi');
  for (const command of ['diff', 'mock', 'docs']) {
    assert.match(ok(process.execPath, [bin, command, '--help']), new RegExp(`^usage: top-openapi ${command}`));
  }
  const r = run(NPX, ['--no-install', 'top-openapi', 'frobnicate']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
});
