// A spec change, as a user makes one: a sixth TOP API (nested DTO with a list,
// int64 fields, a required session) is added to a copy of the spec and the
// copy is regenerated. Client method, handler type, validators and docs page
// appear with no change to generator/ or templates/, and a round trip works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listen } from '../support/servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/sixth-api');

function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else hash.update(`${path.relative(ROOT, p)}\0`).update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

let dir: string;
let out: string;
const before_ = { generator: '', templates: '' };
before(() => {
  before_.generator = treeHash(path.join(ROOT, 'generator'));
  before_.templates = treeHash(path.join(ROOT, 'templates'));
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-sixth-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(FIXTURE, 'paths'), path.join(dir, 'spec/paths'), { recursive: true });
  cpSync(path.join(FIXTURE, 'schemas'), path.join(dir, 'spec/components/schemas'), { recursive: true });
  const root = path.join(dir, 'spec/openapi.yaml');
  writeFileSync(root, readFileSync(root, 'utf8')
    .replace('paths:\n', 'paths:\n  /router/rest#alibaba.fixture.wallet.refund:\n    $ref: ./paths/alibaba.fixture.wallet.refund.yaml\n')
    .replace('tags:\n', 'tags:\n  - name: fixture\n    description: A test fixture\n'));
  out = path.join(dir, 'generated');
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'generator/cli.ts'), '--spec', root, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /generated 6 operations/);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('generator/ and templates/ are untouched by the change', () => {
  assert.equal(treeHash(path.join(ROOT, 'generator')), before_.generator);
  assert.equal(treeHash(path.join(ROOT, 'templates')), before_.templates);
});

test('the client method, handler type, validators, descriptors and docs page appear', () => {
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  assert.match(read('client/src/client.ts'), /alibabaFixtureWalletRefund\(params: AlibabaFixtureWalletRefundRequest, options\?: CallOptions\): Promise<AlibabaFixtureWalletRefundResponse>/);
  assert.match(read('client/src/client.ts'), /钱包退款 — Refund to a wallet \(test fixture\)/);
  assert.match(read('server/src/server.ts'), /alibabaFixtureWalletRefund\?: \(params: AlibabaFixtureWalletRefundRequest, context: HandlerContext\)/);
  assert.match(read('client/src/validators.js'), /export const validateRequest_alibabaFixtureWalletRefund/);
  assert.match(read('client/src/types.ts'), /sku_id: bigint;/);
  assert.match(read('client/src/operations.ts'), /session: true,\n    idempotencyKey: \["refund_cmd.refund_no"\]/);
  assert.ok(existsSync(path.join(out, 'client/dist/client.d.ts')));
  const page = read('docs/api/alibaba.fixture.wallet.refund.html');
  for (const field of ['refund_cmd', 'refund_no', 'amount', 'detail', 'reason', 'items', 'sku_id', 'quantity', 'refund_id', 'success']) assert.match(page, new RegExp(`<code>${field}</code>`));
  assert.match(read('docs/index.html'), /alibaba\.fixture\.wallet\.refund/);
});

test('a round trip through the regenerated client and gateway: nested DTO, int64 above 2^53, session', async () => {
  const client = await import(path.join(out, 'client/src/index.ts'));
  const server = await import(path.join(out, 'server/src/index.ts'));
  const seen: unknown[] = [];
  const g = await listen(server.createGateway({
    apps: () => 'helloworld',
    verifySession: (s: string) => (s === 'u1' ? { user: 'u1' } : null),
    handlers: {
      alibabaFixtureWalletRefund: (params: any, context: any) => {
        seen.push(params, context.user);
        return { result: { refund_id: params.refund_cmd.detail.items[0].sku_id + 1n, refund_no: params.refund_cmd.refund_no, success: true } };
      },
    },
  }));
  const top = new client.TopClient({ appKey: 'k', appSecret: 'helloworld', gateway: g.url });
  try {
    const params = { refund_cmd: { refund_no: 'R-9', amount: 100n, detail: { reason: 'broken', items: [{ sku_id: 9007199254740993n, quantity: 2n }] } } };
    const missingSession = await top.alibabaFixtureWalletRefund(params).catch((e: unknown) => e);
    assert.ok(missingSession instanceof client.TopValidationError);
    const badDeep = await top.alibabaFixtureWalletRefund({ refund_cmd: { ...params.refund_cmd, detail: { items: [{ sku_id: 1 }] } } }, { session: 'u1' }).catch((e: unknown) => e);
    assert.deepEqual(badDeep.problems.map((p: { path: string }) => p.path), ['refund_cmd.detail.items[0].sku_id']);
    const answer = await top.alibabaFixtureWalletRefund(params, { session: 'u1' });
    assert.equal(answer.result.refund_id, 9007199254740994n);
    assert.equal(answer.result.refund_no, 'R-9');
    assert.deepEqual(seen, [params, { user: 'u1' }]);
  } finally {
    top.close();
    await g.close();
  }
});
