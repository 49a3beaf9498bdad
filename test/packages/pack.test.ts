// The generated packages as npm users get them: packed, installed offline
// into a fresh project, a consumer of every API type-checked under strict tsc,
// and real calls (ESM and CommonJS) against `npm run mock`.

import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startUntil } from '../support/processes.ts';
import { strictCompilerOptions } from '../support/strict-tsc.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir: string;
let mock: ChildProcess;
let mockUrl: string;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-consumer-'));
  // Detached: npm runs the mock as its own child, and the whole group is ended after.
  const started = await startUntil(NPM, ['run', '--silent', 'mock', '--', '--port', '0'], /listening on (http:\/\/127\.0\.0\.1:\d+\/router\/rest)/, { cwd: ROOT, detached: true });
  mock = started.child;
  mockUrl = started.match[1]!;
});
after(() => {
  // npm runs the mock as its child: end the whole group.
  if (mock.pid) process.kill(-mock.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

test('each package packs with its README, LICENSE, CHANGELOG and dist, and nothing of the generator', () => {
  for (const kind of ['client', 'server']) {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'generated', kind, 'package.json'), 'utf8'));
    const spec = readFileSync(path.join(ROOT, 'spec/openapi.yaml'), 'utf8');
    assert.equal(pkg.version, /^ {2}version: (\S+)$/m.exec(spec)![1], 'version from info.version');
    // The server's one dependency is the multipart parser for uploads, pinned as the repository pins it.
    const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    assert.deepEqual(pkg.dependencies, kind === 'server' ? { '@fastify/busboy': root.dependencies['@fastify/busboy'] } : undefined, 'no runtime dependencies but the pinned multipart parser');
    // The client has import and require branches (ES modules and a CommonJS build); the server, ES modules only.
    assert.equal((pkg.exports['.'].import ?? pkg.exports['.']).types, './dist/index.d.ts');
    assert.equal(pkg.engines.node, '>=20.19.0');
    assert.equal(pkg.license, 'MIT');
    const listing = JSON.parse(run(NPM, ['pack', '--dry-run', '--json', path.join(ROOT, 'generated', kind)], dir)) as { files: { path: string }[] }[];
    const files = listing[0]!.files.map((f) => f.path);
    for (const f of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/validators.js']) assert.ok(files.includes(f), `${kind}: ${f} packed`);
    assert.ok(!files.some((f) => f.startsWith('src/') || f.includes('.dist-build')), `${kind}: only dist is packed`);
    const js = files
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(path.join(ROOT, 'generated', kind, f), 'utf8'))
      .join('\n');
    assert.doesNotMatch(js, /from ["'](\.\.\/)+generator|from ["'](ajv|handlebars|openapi-typescript|yaml|@redocly)/, 'nothing imports the generator or its tools');
    assert.doesNotMatch(js, /from ["']\.[^"']*\.ts["']/, 'relative imports point at .js');
  }
});

test('installed from the tarballs without the network: strict tsc over a consumer of every API, and real calls to the mock', () => {
  for (const kind of ['client', 'server']) run(NPM, ['pack', '--silent', '--pack-destination', dir, path.join(ROOT, 'generated', kind)], ROOT);
  const tarballs = readdirSync(dir)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => `./${f}`);
  assert.equal(tarballs.length, 2);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run(NPM, ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', ...tarballs], dir);

  writeFileSync(
    path.join(dir, 'consumer.ts'),
    `
import { TopClient, TopError, TopValidationError, type AlibabaIdleTenderPrePayActionResponse } from '@top-payments/client';
import { createGateway, GatewayError, type Handlers, type HandlerContext } from '@top-payments/server';

const top = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: process.argv[2]!, signMethod: 'hmac' });
const session = { session: 'user-1' };
const answers = await Promise.all([
  top.alibabaCloudgameTradeplatformPayorder({ request_param: { charge_item_code: '1', order_id: '1', category_code: '1', user_country: 'CHINA', balance_pay_amount: 1n, tenant_id: 9007199254740993n, commodity_code: '1', pay_start_time: 1n, currency: 'CNY', pay_idempotent_code: 'c-1', pay_serial_id: '1' } }),
  top.taobaoGameVirtualOrderCreate({ biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: 500n, account: 'a', seller_id: 1n, out_order_id: 'consumer-order' }, session),
  top.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: '1' } }),
  top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2n } }, session),
  top.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } }),
]);
const prepay: AlibabaIdleTenderPrePayActionResponse = answers[3];
const amount: bigint | undefined = prepay.result?.data?.pre_pay_amount;
try {
  // @ts-expect-error int64 takes bigint, not number
  await top.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2 } }, session);
} catch (error) {
  if (!(error instanceof TopValidationError)) throw error;
}
const handler: NonNullable<Handlers['alibabaIdleTenderPrePayAction']> = async (params, context: HandlerContext) => {
  if (params.param0.pre_pay_action !== 2n) throw new GatewayError(41, 'isv.invalid-parameter:param0.pre_pay_action');
  return { result: { success: true, data: { order_id: params.param0.order_id, app_key: context.appKey } } };
};
createGateway({ apps: () => 'secret', handlers: { alibabaIdleTenderPrePayAction: handler } });
top.close();
console.log(JSON.stringify({ created: answers[1].result?.model?.out_order_id, amount: String(amount), isTopError: TopError.name }));
`,
  );
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: strictCompilerOptions({ noUnusedLocals: true, noUnusedParameters: true, skipLibCheck: false, outDir: 'out' }),
      files: ['consumer.ts'],
    }),
  );
  run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--noEmit'], dir);
  run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], dir);
  const result = JSON.parse(run(process.execPath, ['out/consumer.js', mockUrl], dir).trim());
  assert.deepEqual(result, { created: 'consumer-order', amount: '1234', isTopError: 'TopError' });

  // CommonJS: require() of the ESM package (Node 20.19+), and a real call.
  writeFileSync(
    path.join(dir, 'consumer.cjs'),
    `
const { TopClient } = require('@top-payments/client');
const top = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: process.argv[2] });
top.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'cjs', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } })
  .then((a) => { top.close(); console.log(a.result.msg_info); }, (e) => { console.error(e); process.exit(1); });
`,
  );
  assert.equal(execFileSync(process.execPath, ['consumer.cjs', mockUrl], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), '访问成功');

  // The server package's bin runs the mock.
  const bin = spawnSync(path.join(dir, 'node_modules/.bin/top-mock-gateway'), ['--help'], { encoding: 'utf8' });
  assert.equal(bin.status, 0, bin.stderr);
  assert.match(bin.stdout, /usage: top-mock-gateway \[--port N/);
});
