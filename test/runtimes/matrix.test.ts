// The runtime matrix: the client package's conformance suite
// (client-suite.ts) on Node 20, 22 and 24, Bun, Deno and Cloudflare workerd
// without nodejs_compat, against a gateway, a dropping server and a silent
// server on this host; and the gateway package on Node 20, 22, 24 and Bun,
// called by the same suite from here. Runtimes other than the Node running
// this file come from npm packages pinned in test/runtimes/package-lock.json,
// installed here when missing (binaries inside the packages, no install
// scripts).

import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import ts from 'typescript';
import * as clientPackage from '../../generated/client/src/node.ts';
import * as serverPackage from '../../generated/server/src/index.ts';
import { type DropServer, startDropServer } from '../client/drop-server.ts';
import { ensureRuntimes, RUNTIMES } from '../support/runtimes.ts';
import { type AnswersServer, startAnswersServer } from './answers-server.ts';
import type { CaseResult, ClientModule, SuiteTargets } from './client-suite.ts';
import { runSuite, SUITE_CASES } from './client-suite.ts';
import { MATRIX_APP_KEY, MATRIX_SECRET, matrixGateway } from './gateway-app.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HERE = import.meta.dirname;
const run = promisify(execFile);

let work: string;
let gateway: http.Server;
let gatewayUrl: string;
let drop: DropServer;
let silent: DropServer;
let answers: AnswersServer;
let reuse: DropServer;

/**
 * A scratch tree the runtimes load from: the suite's files as plain ES
 * modules, the generated packages linked under node_modules (so each runtime
 * resolves `@top-payments/client` by its own export conditions), and a copy
 * of the client's dist/ for workerd, which loads listed modules only.
 */
function buildScratch(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-runtimes-'));
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'top-runtime-matrix', private: true, type: 'module' }));
  mkdirSync(path.join(dir, 'test/runtimes'), { recursive: true });
  for (const name of ['client-suite', 'client-runner', 'worker', 'gateway-app', 'gateway-host']) {
    const source = readFileSync(path.join(HERE, `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, verbatimModuleSyntax: true },
    });
    writeFileSync(path.join(dir, `test/runtimes/${name}.js`), outputText);
  }
  mkdirSync(path.join(dir, 'node_modules/@top-payments'), { recursive: true });
  for (const kind of ['client', 'server']) symlinkSync(path.join(ROOT, 'generated', kind), path.join(dir, `node_modules/@top-payments/${kind}`), 'dir');
  cpSync(path.join(ROOT, 'generated/client/dist'), path.join(dir, 'generated/client/dist'), { recursive: true });
  return dir;
}

function workerdConfig(dir: string, targets: SuiteTargets): string {
  const files = (readdirSync(path.join(dir, 'generated/client/dist'), { recursive: true }) as string[]).filter((f) => f.endsWith('.js')).sort();
  const module = (name: string) => `(name = ${JSON.stringify(name)}, esModule = embed ${JSON.stringify(name)})`;
  const list = ['test/runtimes/worker.js', 'test/runtimes/client-suite.js', ...files.map((f) => `generated/client/dist/${f}`)].map(module);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .suite),
    (name = "internet", network = (allow = ["local", "private", "public"])),
  ],
);
const suite :Workerd.Worker = (
  modules = [
    ${list.join(',\n    ')}
  ],
  compatibilityDate = "2025-06-01",
  bindings = [ (name = "TARGETS", text = ${JSON.stringify(JSON.stringify(targets))}) ],
);
`;
}

/** Runs a command to its end (killed after 60 s) and returns the results it printed. */
function results(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CaseResult[]> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { ...options, timeout: 60_000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const line = `${stdout}\n${stderr}`.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) reject(new Error(`${path.basename(cmd)} ${args.join(' ')} printed no results (${error?.message ?? 'exit 0'}):\n${stdout}\n${stderr}`));
      else resolve(JSON.parse(line.slice('RESULT '.length)) as CaseResult[]);
    });
  });
}

function targets(runId: string): SuiteTargets {
  return { gateway: gatewayUrl, drop: drop.url, silent: silent.url, answers: answers.url, reuse: reuse.url, appKey: MATRIX_APP_KEY, appSecret: MATRIX_SECRET, runId };
}

/** Every case passed, the suite was complete, and the dropped and the silent request were each seen exactly once. */
function assertConformance(runtime: string, got: CaseResult[], runId: string): void {
  const failed = got.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`);
  assert.deepEqual(failed, [], `${runtime}: failed cases`);
  assert.equal(got.length, SUITE_CASES, `${runtime}: every case ran`);
  const count = (server: DropServer, tag: string) => server.seen.filter((s) => s.includes(`${runId}-${tag}`)).length;
  assert.equal(count(drop, 'drop'), 1, `${runtime}: the dropped request reached the server exactly once`);
  assert.equal(count(silent, 'silent'), 1, `${runtime}: the timed-out request reached the server exactly once`);
  // Over pooled connections the server drops: every request reached it exactly once (the node:http ones where the runtime has node:http).
  const reused = reuse.seen.map((s) => /request_id%22%3A%22([^%]+)/.exec(s)?.[1] ?? '').filter((id) => id.startsWith(`${runId}-reuse`));
  const twice = reused.filter((id, i) => reused.indexOf(id) !== i);
  assert.deepEqual(twice, [], `${runtime}: requests the server saw more than once`);
  for (const n of [1, 2, 3]) assert.ok(reused.includes(`${runId}-reuse-${n}`), `${runtime}: ${runId}-reuse-${n} never reached the server`);
}

/** Every answer stalled mid-body so far had its connection closed by the client's timeout or abort (waits for the close to arrive). */
async function assertStalledFreed(runtime: string): Promise<void> {
  for (let i = 0; i < 100 && answers.stalledClosed() < answers.stalled(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(answers.stalledClosed(), answers.stalled(), `${runtime}: a stalled answer's connection was left open`);
}

before(async () => {
  await ensureRuntimes();
  work = buildScratch();
  gateway = http.createServer(matrixGateway(serverPackage));
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/router/rest`;
  drop = await startDropServer('end');
  silent = await startDropServer('silent');
  answers = await startAnswersServer();
  reuse = await startDropServer('reuse');
});

after(async () => {
  gateway.closeAllConnections();
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
  await drop.close();
  await silent.close();
  await answers.close();
  await reuse.close();
  rmSync(work, { recursive: true, force: true });
});

const clientRuntimes: { name: string; command: () => [string, string[]]; transport: string }[] = [
  { name: "Node 20 (this process's Node)", command: () => [process.execPath, []], transport: 'node:http' },
  { name: 'Node 22', command: () => [RUNTIMES.node22, []], transport: 'node:http' },
  { name: 'Node 24', command: () => [RUNTIMES.node24, []], transport: 'node:http' },
  { name: 'Bun', command: () => [RUNTIMES.bun, ['run']], transport: 'fetch' },
  { name: 'Deno', command: () => [RUNTIMES.deno, ['run', '--quiet', '--allow-net=127.0.0.1', '--allow-read', '--allow-env', '--no-prompt']], transport: 'fetch' },
];

clientRuntimes.forEach((r, i) => {
  test(`client on ${r.name}: every API × md5/hmac/hmac-sha256, int64 > 2^53 both ways, typed errors, a timeout, a dropped connection sent once (${r.transport})`, async () => {
    const runId = `c${i}-${Date.now().toString(36)}`;
    const [cmd, prefix] = r.command();
    const got = await results(cmd, [...prefix, 'test/runtimes/client-runner.js', '@top-payments/client', JSON.stringify(targets(runId)), r.transport], {
      cwd: work,
      env: { ...process.env, DENO_DIR: path.join(work, '.deno'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assertConformance(r.name, got, runId);
    await assertStalledFreed(r.name);
  });
});

test('client on Cloudflare workerd without nodejs_compat (fetch, WebCrypto and the bundled MD5): the same suite', async () => {
  const runId = `cw-${Date.now().toString(36)}`;
  writeFileSync(path.join(work, 'workerd.capnp'), workerdConfig(work, targets(runId)));
  const got = await results(RUNTIMES.workerd, ['test', 'workerd.capnp'], { cwd: work });
  assertConformance('workerd', got, runId);
  await assertStalledFreed('workerd');
});

/** Starts the gateway package on a runtime; resolves with its URL. */
function startGateway(cmd: string, args: string[]): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args, 'test/runtimes/gateway-host.js', '@top-payments/server'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${cmd}: no LISTENING line in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited ${code}:\n${output}`));
    });
  });
}

const gatewayRuntimes: { name: string; command: () => [string, string[]] }[] = [
  { name: "Node 20 (this process's Node)", command: () => [process.execPath, []] },
  { name: 'Node 22', command: () => [RUNTIMES.node22, []] },
  { name: 'Node 24', command: () => [RUNTIMES.node24, []] },
  { name: 'Bun', command: () => [RUNTIMES.bun, ['run']] },
];

gatewayRuntimes.forEach((r, i) => {
  test(`gateway on ${r.name}: the client suite against it (signatures of all three methods verified, int64 both ways, errors)`, async () => {
    const [cmd, prefix] = r.command();
    const { url, child } = await startGateway(cmd, prefix);
    try {
      const runId = `g${i}-${Date.now().toString(36)}`;
      const got = await runSuite(clientPackage as unknown as ClientModule, { ...targets(runId), gateway: url }, 'node:http');
      assertConformance(`gateway on ${r.name}`, got, runId);
    } finally {
      child.kill();
    }
  });
});

// The fetch transport stops an exchange with a plain signal on Node 20 and 22
// (undici 6) and with an AbortController on Node 24 (undici 7, which takes
// only a real AbortSignal): its own tests, run by each of those Nodes.
for (const [name, node] of [
  ['Node 22', () => RUNTIMES.node22],
  ['Node 24', () => RUNTIMES.node24],
] as const) {
  test(`fetch transport on ${name}: a timeout or the caller's signal ends the call and closes its connection, whichever stop signal that Node's fetch takes`, async () => {
    const { stdout } = await run(
      node(),
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=tap',
        'test/client/fetch-stop-signal.test.ts',
        'test/client/fetch-stop-signal-wrappers.test.ts',
        'test/client/fetch-stop-probe-request-replaced.test.ts',
        'test/client/fetch-stop-moments.test.ts',
      ],
      {
        cwd: ROOT,
        // Unset, or the child's runner reports to this one's protocol instead of printing TAP.
        env: { ...process.env, NODE_TEST_CONTEXT: undefined },
      },
    ).catch((error: { stdout?: string; message: string }) => {
      assert.fail(`${name}: test/client/fetch-stop-signal*.test.ts failed:\n${error.stdout ?? error.message}`);
    });
    assert.match(stdout, /^# fail 0$/m);
    assert.match(stdout, /^# pass [1-9]\d*$/m);
  });
}
