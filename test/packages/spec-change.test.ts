// A spec change, as a user makes one: a sixth TOP API (nested DTO with a list,
// int64 fields, a required session) is added to a copy of the spec and the
// copy is regenerated. Client method, handler type, validators and docs page
// appear with no change to generator/ or templates/, and a round trip works.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate } from '../../generator/generate.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { writeOutput } from '../../generator/write/output.ts';
import { listen } from '../support/servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/sixth-api');

let dir: string;
let out: string;
let model: ApiModel;
before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-sixth-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(FIXTURE, 'paths'), path.join(dir, 'spec/paths'), { recursive: true });
  cpSync(path.join(FIXTURE, 'schemas'), path.join(dir, 'spec/components/schemas'), { recursive: true });
  const root = path.join(dir, 'spec/openapi.yaml');
  writeFileSync(
    root,
    readFileSync(root, 'utf8')
      .replace('paths:\n', 'paths:\n  /router/rest#alibaba.fixture.wallet.refund:\n    $ref: ./paths/alibaba.fixture.wallet.refund.yaml\n')
      .replace('tags:\n', 'tags:\n  - name: fixture\n    description: A test fixture\n'),
  );
  out = path.join(dir, 'generated');
  // In process: nothing here is about the CLI (test/generator covers it).
  const result = await generate(root, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: out });
  model = result.model;
  assert.equal(model.operations.length, 6);
  writeOutput(out, result.files);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Code without its comments and "e.g. `…`" examples in messages: those may name an API. */
function withoutComments(file: string, source: string): string {
  const text = source.replace(/e\.g\. `[^`]*`/g, '');
  if (file.endsWith('.hbs')) return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '');
  if (/\.(ts|js)$/.test(file)) return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[\s;,{}()])\/\/.*$/gm, '$1');
  return text;
}

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((name) => {
    const p = path.join(d, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

// The spec change needs no edit to generator/ or templates/ only if they treat
// every API alike: none may single one out by its name or its schemas' names.
test('generator/ and templates/ name none of the APIs or their schemas (so a sixth is treated like the five)', () => {
  const pascal = (id: string) => id[0]!.toUpperCase() + id.slice(1);
  const names = new Set<string>();
  for (const op of model.operations) for (const n of [op.method, op.operationId, pascal(op.operationId), op.responseRoot]) names.add(n);
  // Schema files, less the envelope every operation shares by convention.
  const shared = new Set(['ErrorResponse']);
  for (const file of readdirSync(path.join(dir, 'spec/components/schemas'))) {
    const name = file.replace(/\.yaml$/, '');
    if (!shared.has(name)) names.add(name);
  }
  assert.ok(names.has('alibaba.idle.tender.pre.pay.action') && names.has('TenderPrePayCmd') && names.has('AlibabaFixtureWalletRefundRequest'), 'the names come from the spec');
  const found: string[] = [];
  for (const file of [...filesUnder(path.join(ROOT, 'generator')), ...filesUnder(path.join(ROOT, 'templates'))]) {
    const code = withoutComments(file, readFileSync(file, 'utf8'));
    for (const name of names) {
      if (new RegExp(`(^|[^\\w.])${name.replace(/\./g, '\\.')}($|[^\\w.])`).test(code)) found.push(`${path.relative(ROOT, file)}: ${name}`);
    }
  }
  assert.deepEqual(found, []);
});

test('the five APIs already there are untouched: the same docs pages, and every line of their descriptors still there', () => {
  const committed = (f: string) => readFileSync(path.join(ROOT, 'generated', f), 'utf8');
  const regenerated = (f: string) => readFileSync(path.join(out, f), 'utf8');
  const pages = readdirSync(path.join(ROOT, 'generated/docs/api'));
  assert.equal(pages.length, 5);
  for (const page of pages) assert.equal(regenerated(`docs/api/${page}`), committed(`docs/api/${page}`), page);
  for (const file of ['client/src/operations.ts', 'client/src/schemas.ts', 'server/src/operations.ts']) {
    const now = regenerated(file).split('\n');
    let at = 0;
    const lost = committed(file)
      .split('\n')
      .filter((line) => {
        const found = now.indexOf(line, at);
        if (found === -1) return true;
        at = found + 1;
        return false;
      });
    assert.deepEqual(lost, [], `${file}: adding an API only adds lines`);
  }
});

test('the client method, handler type, validators, descriptors and docs page appear', () => {
  const read = (f: string) => readFileSync(path.join(out, f), 'utf8');
  assert.match(read('client/src/client.ts'), /alibabaFixtureWalletRefund\(params: AlibabaFixtureWalletRefundRequest, options\?: CallOptions\): Promise<AlibabaFixtureWalletRefundResponse>/);
  assert.match(read('client/src/client.ts'), /钱包退款 — Refund to a wallet \(test fixture\)/);
  assert.match(read('server/src/server.ts'), /alibabaFixtureWalletRefund\?: \(params: AlibabaFixtureWalletRefundRequest, context: HandlerContext\)/);
  assert.match(read('client/src/validators.js'), /export const validateRequest_alibabaFixtureWalletRefund/);
  assert.match(read('client/src/types.ts'), /sku_id: bigint;/);
  assert.match(read('client/src/operations.ts'), /session: true,\n {4}idempotencyKey: \["refund_cmd.refund_no"\]/);
  assert.ok(existsSync(path.join(out, 'client/dist/client.d.ts')));
  const page = read('docs/api/alibaba.fixture.wallet.refund.html');
  for (const field of ['refund_cmd', 'refund_no', 'amount', 'detail', 'reason', 'items', 'sku_id', 'quantity', 'refund_id', 'success']) assert.match(page, new RegExp(`<code>${field}</code>`));
  assert.match(read('docs/index.html'), /alibaba\.fixture\.wallet\.refund/);
});

test('a round trip through the regenerated client and gateway: nested DTO, int64 above 2^53, session', async () => {
  const client = await import(path.join(out, 'client/src/index.ts'));
  const server = await import(path.join(out, 'server/src/index.ts'));
  const seen: unknown[] = [];
  const g = await listen(
    server.createGateway({
      apps: () => 'helloworld',
      verifySession: (s: string) => (s === 'u1' ? { user: 'u1' } : null),
      handlers: {
        // biome-ignore lint/suspicious/noExplicitAny: the regenerated package is imported at run time; its types are not known here
        alibabaFixtureWalletRefund: (params: any, context: any) => {
          seen.push(params, context.user);
          return { result: { refund_id: params.refund_cmd.detail.items[0].sku_id + 1n, refund_no: params.refund_cmd.refund_no, success: true } };
        },
      },
    }),
  );
  const top = new client.TopClient({ appKey: 'k', appSecret: 'helloworld', gateway: g.url });
  try {
    const params = { refund_cmd: { refund_no: 'R-9', amount: 100n, detail: { reason: 'broken', items: [{ sku_id: 9007199254740993n, quantity: 2n }] } } };
    const missingSession = await top.alibabaFixtureWalletRefund(params).catch((e: unknown) => e);
    assert.ok(missingSession instanceof client.TopValidationError);
    const badDeep = await top.alibabaFixtureWalletRefund({ refund_cmd: { ...params.refund_cmd, detail: { items: [{ sku_id: 1 }] } } }, { session: 'u1' }).catch((e: unknown) => e);
    assert.deepEqual(
      badDeep.problems.map((p: { path: string }) => p.path),
      ['refund_cmd.detail.items[0].sku_id'],
    );
    const answer = await top.alibabaFixtureWalletRefund(params, { session: 'u1' });
    assert.equal(answer.result.refund_id, 9007199254740994n);
    assert.equal(answer.result.refund_no, 'R-9');
    assert.deepEqual(seen, [params, { user: 'u1' }]);
  } finally {
    top.close();
    await g.close();
  }
});
