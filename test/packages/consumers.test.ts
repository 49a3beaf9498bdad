// The client package as each kind of consumer gets it, installed from its
// tarball into fresh projects with no @types/node: TypeScript with
// moduleResolution bundler, node16 and nodenext (ES module and CommonJS
// projects), plain require(), and Jest 30 with its default configuration.
// The compiled consumers make real calls to the mock gateway on loopback.
// Then attw and publint over the packed packages.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startMockGateway } from '../../generated/server/src/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const execFileP = promisify(execFile);
let dir: string;
let tarball: string;
let mock: Awaited<ReturnType<typeof startMockGateway>>;

const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', NO_COLOR: '1' };

async function run(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await execFileP(cmd, args, { cwd, env, maxBuffer: 1 << 24 });
    return stdout;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    assert.fail(`${path.basename(cmd)} ${args.join(' ')} in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

/** A fresh project with the client installed from its tarball, and nothing else. */
async function project(name: string, manifest: Record<string, unknown>, files: Record<string, string>): Promise<string> {
  const at = path.join(dir, name);
  mkdirSync(at, { recursive: true });
  writeFileSync(path.join(at, 'package.json'), JSON.stringify({ name, private: true, ...manifest }));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
  await run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', tarball], at);
  assert.deepEqual(
    readdirSync(path.join(at, 'node_modules'))
      .filter((f) => !f.startsWith('.'))
      .sort(),
    ['@top-payments'],
    'nothing but the client is installed: no @types/node',
  );
  return at;
}

// Every public type a browser or Workers project uses, under the strictest settings.
const typedConsumer = (specifier: string) => `
import { TopClient, TopError, TopNetworkError, fetchTransport, type Transport, type ClientHooks, type AlibabaIdleTenderPrePayActionResponse, type TopClientOptions } from '${specifier}';

const hooks: ClientHooks = { onError: (event) => { if (event.error instanceof TopNetworkError && event.willRetry) console.log(event.attempt); } };
const transport: Transport = fetchTransport();
const options: TopClientOptions = { appKey: 'k', appSecret: 's', transport, hooks, signal: undefined as never } as TopClientOptions;
export async function pay(top: TopClient): Promise<bigint | undefined> {
  try {
    const answer: AlibabaIdleTenderPrePayActionResponse = await top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2n } }, { session: 's', signal: new AbortController().signal });
    return answer.result?.data?.pre_pay_amount;
  } catch (error) {
    if (error instanceof TopError && error.isRetryable) return BigInt(error.retryAfterMs ?? 0);
    throw error;
  }
}
// @ts-expect-error int64 takes bigint, not number
export const wrong = (top: TopClient) => top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2 } });
export const made = new TopClient(options);
`;

// A consumer that runs: calls the mock and prints what it got.
const runningConsumer = (load: string) => `${load}
const top = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: process.argv[2], signMethod: 'md5' });
top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2n } }, { session: 's' }).then((a) => {
  top.close();
  console.log(JSON.stringify({ amount: String(a.result.data.pre_pay_amount), type: typeof a.result.data.pre_pay_amount }));
});
`;

const strict = { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['ES2022', 'DOM'], target: 'ES2022' };

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-consumers-'));
  await run(NPM, ['pack', '--silent', '--pack-destination', dir, path.join(ROOT, 'generated/client')], ROOT);
  tarball = path.join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  mock = await startMockGateway();
});
after(async () => {
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

test('TypeScript, moduleResolution bundler, browser libs, no @types/node: strict and skipLibCheck off', async () => {
  const at = await project(
    'bundler',
    { type: 'module' },
    {
      'consumer.ts': typedConsumer('@top-payments/client'),
      'tsconfig.json': JSON.stringify({ compilerOptions: { ...strict, module: 'ESNext', moduleResolution: 'bundler' }, files: ['consumer.ts'] }),
    },
  );
  await run(process.execPath, [TSC, '-p', '.'], at);
});

for (const resolution of ['node16', 'nodenext'] as const) {
  test(`TypeScript, module/moduleResolution ${resolution}, an ES module project without @types/node; /node's types too`, async () => {
    const at = await project(
      `esm-${resolution}`,
      { type: 'module' },
      {
        'consumer.ts': `${typedConsumer('@top-payments/client')}
import { nodeHttpTransport } from '@top-payments/client/node';
export const viaNode = new TopClient({ appKey: 'k', appSecret: 's', transport: nodeHttpTransport() });
`,
        'tsconfig.json': JSON.stringify({ compilerOptions: { ...strict, module: resolution, moduleResolution: resolution }, files: ['consumer.ts'] }),
      },
    );
    await run(process.execPath, [TSC, '-p', '.'], at);
  });

  test(`TypeScript, module/moduleResolution ${resolution}, a CommonJS project: compiled to require() and run against the mock`, async () => {
    const at = await project(
      `cjs-${resolution}`,
      {},
      {
        'typed.ts': typedConsumer('@top-payments/client'),
        'consumer.ts': `declare const process: { argv: string[] };\n${runningConsumer("import { TopClient } from '@top-payments/client';").replace('(a) =>', '(a: any) =>')}`,
        'tsconfig.json': JSON.stringify({ compilerOptions: { ...strict, noEmit: false, outDir: 'out', module: resolution, moduleResolution: resolution }, files: ['typed.ts', 'consumer.ts'] }),
      },
    );
    await run(process.execPath, [TSC, '-p', '.'], at);
    const output = await run(process.execPath, ['out/consumer.js', mock.url], at);
    assert.match(output, /"type":"bigint"/);
    assert.match(await run(process.execPath, ['-e', "console.log(require.resolve('@top-payments/client'))"], at), /dist\/cjs\/node\.js/);
  });
}

test('plain require() and import() in one process: each gets a working client, and the CommonJS build is what require() loads', async () => {
  const at = await project(
    'plain',
    {},
    {
      'consumer.cjs': runningConsumer("const { TopClient } = require('@top-payments/client');"),
      'consumer.mjs': runningConsumer("import { TopClient } from '@top-payments/client';"),
    },
  );
  assert.match(await run(process.execPath, ['consumer.cjs', mock.url], at), /"type":"bigint"/);
  assert.match(await run(process.execPath, ['consumer.mjs', mock.url], at), /"type":"bigint"/);
});

test('Jest 30 with its default configuration (no flags, no transform setup): a test that requires the client and calls the mock', async () => {
  const at = await project(
    'jest',
    {},
    {
      'pay.test.js': `
const { TopClient, TopError, TopValidationError } = require('@top-payments/client');
test('pays through the mock', async () => {
  const top = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: process.env.MOCK_URL });
  const answer = await top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2n } }, { session: 's' });
  top.close();
  expect(typeof answer.result.data.pre_pay_amount).toBe('bigint');
  await expect(top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2 } }, { session: 's' })).rejects.toBeInstanceOf(TopValidationError);
  expect(new TopError('m', 15, 'x', 'isv.y', undefined, undefined).isRetryable).toBe(false);
});
`,
    },
  );
  const jest = path.join(ROOT, 'node_modules/jest/bin/jest.js');
  const { stdout, stderr } = await execFileP(process.execPath, [jest, '--rootDir', at, '--ci', '--colors=false'], { cwd: at, env: { ...env, MOCK_URL: mock.url } }).catch(
    (e: { stdout: string; stderr: string }) => assert.fail(`jest:\n${e.stdout}\n${e.stderr}`),
  );
  assert.match(`${stdout}\n${stderr}`, /Tests:\s+1 passed, 1 total/);
});

test("attw and publint find no problem in the client package (the server, ES modules only, under attw's esm-only profile)", async () => {
  const attw = path.join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  const publint = path.join(ROOT, 'node_modules/publint/src/cli.js');
  const client = await run(process.execPath, [attw, '--pack', path.join(ROOT, 'generated/client'), '--format', 'json'], ROOT);
  assert.deepEqual((JSON.parse(client) as { analysis: { problems: unknown[] } }).analysis.problems, []);
  const server = await run(process.execPath, [attw, '--pack', path.join(ROOT, 'generated/server'), '--profile', 'esm-only', '--format', 'json'], ROOT);
  assert.ok(JSON.parse(server), 'attw ran');
  for (const kind of ['client', 'server']) assert.match(await run(process.execPath, [publint, path.join(ROOT, 'generated', kind)], ROOT), /All good!/);
});
