// The same gateway core behind fastify, the mock as a child process any TOP
// client can call, and the scaffold for implementers.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Fastify from 'fastify';
import { TopClient, TopError } from '../../generated/client/src/node.ts';
import { createGateway, MemoryIdempotencyStore, mockHandlers } from '../../generated/server/src/index.ts';
import { startUntil } from '../support/processes.ts';
import { APP_KEY, post, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';
import { strictCompilerOptions } from '../support/strict-tsc.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = import.meta.resolve('tsx');
const param0 = '{"nego_price":"1","qr_code":"q","request_id":"fastify-1","out_biz_id":"o","cashier_name":"c","cashier_id":"ci","store_id":"s"}';

test('fastify plugin: the same gateway, with TOP answers even for bodies fastify would refuse', async () => {
  const gateway = createGateway({ apps: () => SECRET, handlers: mockHandlers, limits: { maxBodyBytes: 2048 } });
  const app = Fastify();
  await app.register(gateway.fastifyPlugin);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/router/rest`;
  try {
    const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: url });
    const answer = await client.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'f1', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } });
    client.close();
    assert.equal(answer.result?.success, true);
    const tooLarge = await rawRequest(url, {
      path: '/router/rest?format=json',
      body: `${new URLSearchParams(signedParams('alibaba.alisports.lianbei.xpos.pay', { param0 })).toString()}&pad=${'x'.repeat(4000)}`,
    });
    assert.equal(tooLarge.status, 200);
    assert.equal(tooLarge.json.error_response.sub_code, 'isv.body-too-large');
    const jsonBody = await rawRequest(url, { path: '/router/rest?format=json', headers: { 'content-type': 'application/json' }, body: '{not json' });
    assert.equal(jsonBody.status, 200);
    assert.equal(jsonBody.json.error_response.code, 21);
    const put = await rawRequest(url, { method: 'PUT', path: '/router/rest?format=json', body: '' });
    assert.equal(put.json.error_response.code, 9);
  } finally {
    await app.close();
  }
});

async function startMockProcess(args: string[]) {
  const { child, match, output } = await startUntil(
    process.execPath,
    ['--import', TSX, path.join(ROOT, 'generated/server/src/mock-cli.ts'), ...args],
    /^listening on (http:\/\/127\.0\.0\.1:\d+\/router\/rest)$/m,
  );
  return { child, url: match[1]!, output };
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`npm run mock: a child process on a free port, called over HTTP by any client, exits cleanly on ${signal}`, async () => {
    const mock = await startMockProcess(['--port', '0', '--app-key', 'demo-key', '--app-secret', 'demo-secret']);
    assert.match(mock.output(), /app_key demo-key, app secret demo-secret/);
    const client = new TopClient({ appKey: 'demo-key', appSecret: 'demo-secret', gateway: mock.url, signMethod: 'hmac' });
    // Every API, with the caller's own ids echoed back where the answer has the field.
    const created = await client.taobaoGameVirtualOrderCreate(
      { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: 500n, account: 'a', seller_id: 1n, out_order_id: 'my-order-42' },
      { session: 'any' },
    );
    assert.equal(created.result?.model?.out_order_id, 'my-order-42');
    const prepaid = await client.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o-9', pre_pay_no: 'pp-9', pre_pay_action: 2n } }, { session: 'any' });
    assert.deepEqual([prepaid.result?.data?.order_id, prepaid.result?.data?.pre_pay_no, prepaid.result?.data?.app_key, prepaid.result?.data?.pre_pay_action], ['o-9', 'pp-9', 'demo-key', 2n]);
    assert.equal(
      (await client.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } })).result
        ?.msg_info,
      '访问成功',
    );
    assert.equal((await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: '1' } })).succ, true);
    assert.equal(
      (
        await client.alibabaCloudgameTradeplatformPayorder({
          request_param: {
            charge_item_code: '1',
            order_id: '1',
            category_code: '1',
            user_country: 'CHINA',
            balance_pay_amount: 1n,
            tenant_id: 1n,
            commodity_code: '1',
            pay_start_time: 1n,
            currency: 'CNY',
            pay_idempotent_code: 'i',
            pay_serial_id: 's',
          },
        })
      ).value?.pay_status,
      'PAY_SUCCESS',
    );
    client.close();
    // A client that is not ours: a hand-built request, everything in the body, XML answer.
    const raw = await post(mock.url, signedParams('alibaba.alisports.lianbei.xpos.pay', { param0 }, { extra: { app_key: 'demo-key', format: 'xml' }, secret: 'demo-secret' }));
    assert.match(raw.body, /^<\?xml version="1\.0" encoding="utf-8" \?><alibaba_alisports_lianbei_xpos_pay_response><result><model><checkout_id>0<\/checkout_id>/);
    const wrongKey = await post(mock.url, signedParams('alibaba.alisports.lianbei.xpos.pay', { param0 }));
    assert.equal(wrongKey.json.error_response.code, 29);
    mock.child.kill(signal);
    const [code] = await once(mock.child, 'exit');
    assert.equal(code, 0);
    assert.match(mock.output(), new RegExp(`${signal}: closing`));
  });
}

test('npm run mock: bad flags are refused by name', () => {
  const r = spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'generated/server/src/mock-cli.ts'), '--port', 'abc'], { encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--port must be a number from 0 to 65535; got abc/);
});

test('scaffold: one typed handler file per operation, never overwritten, compiles, answers "not implemented"', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-scaffold-'));
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', TSX, path.join(ROOT, 'generator/cli.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  try {
    const handlers = path.join(dir, 'handlers');
    const first = cli('--scaffold', handlers);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /scaffold: 5 new handler files, 0 kept/);
    assert.deepEqual(readdirSync(handlers).sort(), [
      'alibabaAlisportsLianbeiXposPay.ts',
      'alibabaCloudgameTradeplatformPayorder.ts',
      'alibabaDiantaoTripartiteRightPayNotify.ts',
      'alibabaIdleTenderPrePayAction.ts',
      'taobaoGameVirtualOrderCreate.ts',
    ]);
    // The user edits one and deletes another (as if that API were new in the spec).
    const mine = path.join(handlers, 'alibabaAlisportsLianbeiXposPay.ts');
    writeFileSync(
      mine,
      readFileSync(mine, 'utf8')
        .replace(
          /throw new NothingChangedError\(22[^;]*;/,
          'if (_params.param0.store_id === "closed") throw new NothingChangedError(50, "isv.store-closed"); return { result: { success: true, msg_code: "mine" } };',
        )
        .replace(/\/\/ NothingChangedError: [^\n]*\n[^\n]*\n/, ''),
    );
    rmSync(path.join(handlers, 'taobaoGameVirtualOrderCreate.ts'));
    const edited = readFileSync(mine, 'utf8');
    const second = cli('--scaffold', handlers);
    assert.match(second.stdout, /scaffold: 1 new handler file, 4 kept/);
    assert.equal(readFileSync(mine, 'utf8'), edited, 'the edited file is untouched');

    // They type-check against the package under strict settings.
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: strictCompilerOptions({
          noUnusedLocals: true,
          noUnusedParameters: true,
          noEmit: true,
          allowImportingTsExtensions: true,
          paths: { '@top-payments/server': [path.join(ROOT, 'generated/server/src/index.ts')] },
        }),
        include: ['handlers/*.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

    // Wired into a gateway, an unimplemented one answers a clear TOP error.
    // (Run from copies that import the package by path: the temp folder has no node_modules.)
    const load = async (name: string) => {
      const copy = path.join(dir, `${name}.run.mts`);
      writeFileSync(copy, readFileSync(path.join(handlers, `${name}.ts`), 'utf8').replace("'@top-payments/server'", JSON.stringify(path.join(ROOT, 'generated/server/src/index.ts'))));
      return (await import(copy))[name];
    };
    // One store for both deployments below, as a shared Redis outlives a deploy.
    const store = new MemoryIdempotencyStore();
    const g = await listen(
      createGateway({
        apps: () => SECRET,
        idempotencyStore: store,
        handlers: { alibabaCloudgameTradeplatformPayorder: await load('alibabaCloudgameTradeplatformPayorder'), alibabaAlisportsLianbeiXposPay: await load('alibabaAlisportsLianbeiXposPay') },
      }),
    );
    const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: g.url });
    try {
      const stubbedCall = {
        request_param: {
          charge_item_code: '1',
          order_id: '1',
          category_code: '1',
          user_country: 'CHINA',
          balance_pay_amount: 1n,
          tenant_id: 1n,
          commodity_code: '1',
          pay_start_time: 1n,
          currency: 'CNY',
          pay_idempotent_code: 'i',
          pay_serial_id: 's',
        },
      } as const;
      const error = await client.alibabaCloudgameTradeplatformPayorder(stubbedCall).catch((e: unknown) => e);
      assert.ok(error instanceof TopError);
      assert.equal(error.subCode, 'isv.not-implemented');
      assert.match(error.subMsg!, /alibaba.cloudgame.tradeplatform.payorder is not implemented by this gateway yet/);
      // The stub's answer is not the key's outcome: once the real handler is deployed, a retry runs it.
      let runs = 0;
      const deployed = await listen(
        createGateway({
          apps: () => SECRET,
          idempotencyStore: store,
          handlers: { alibabaCloudgameTradeplatformPayorder: () => ({ result_success: true, value: { pay_url: `https://pay/${++runs}` } }) },
        }),
      );
      const retry = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: deployed.url });
      try {
        const answer = await retry.alibabaCloudgameTradeplatformPayorder(stubbedCall);
        assert.equal(answer.value?.pay_url, 'https://pay/1');
        assert.equal(runs, 1);
      } finally {
        retry.close();
        await deployed.close();
      }
      assert.equal(
        (await client.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } })).result
          ?.msg_code,
        'mine',
      );
    } finally {
      client.close();
      await g.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
