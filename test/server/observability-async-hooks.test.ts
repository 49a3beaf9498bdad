// Hooks, loggers and the gateway's other callbacks (onHandlerError,
// onStoreError, the memory store's onFull) that throw, or are async (an
// `async` function type-checks as a `() => void` callback) and reject, and requests the node:http adapter refuses
// before the core reads them: the gateway's answers stay the same, the process
// hears no unhandled rejection, and every request is still reported once.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway, MemoryIdempotencyStore, type RequestOutcome } from '../../generated/server/src/index.ts';
import { FaultyStore } from '../support/faulty-store.ts';
import { PAY, payParam } from '../support/pay-order.ts';
import { post, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('an async hook or logger whose promise rejects changes no answer and raises no unhandled rejection', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  const reject = async () => {
    throw new Error('async observer broke');
  };
  // The claim fails once, so onInternalError and logger.error run too; the handler is slow, so onSlowHandler and logger.warn run.
  const store = new FaultyStore(new MemoryIdempotencyStore(), (step, index) => (step === 'claim' && index === 0 ? { kind: 'fail-before' } : { kind: 'ok' }));
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      idempotencyStore: store,
      slowHandlerMs: 5,
      handlers: {
        alibabaCloudgameTradeplatformPayorder: async () => {
          await sleep(30);
          return { result_success: true };
        },
      },
      hooks: { onRequest: reject, onInternalError: reject, onSlowHandler: reject },
      logger: { info: reject, warn: reject, error: reject },
    }),
  );
  try {
    const first = (await post(g.url, signedParams(PAY, payParam('a1')))).json;
    assert.equal(first.error_response.sub_code, 'isp.idempotency-store-unavailable');
    const second = (await post(g.url, signedParams(PAY, payParam('a1')))).json;
    assert.equal(second.alibaba_cloudgame_tradeplatform_payorder_response.result_success, true);
    await sleep(50);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await g.close();
  }
});

test('a request the node:http adapter refuses (wrong path) is reported once, like any other', async () => {
  const seen: RequestOutcome[] = [];
  const lines: object[] = [];
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      handlers: {},
      hooks: { onRequest: (o) => seen.push(o) },
      logger: { info: (o) => lines.push(o), warn: (o) => lines.push(o), error: (o) => lines.push(o) },
    }),
  );
  try {
    const answer = await rawRequest(g.url, { path: '/router/rest/?format=json&method=x.y&app_key=k1', body: '' });
    assert.equal(answer.status, 404);
    assert.equal(answer.json.error_response.sub_code, 'isv.invalid-path');
    assert.deepEqual(
      seen.map((o) => `${o.method} ${o.app} ${o.code} ${o.subCode} ${o.idempotency} ${o.requestId === answer.json.error_response.request_id}`),
      ['x.y k1 22 isv.invalid-path none true'],
    );
    assert.equal(lines.length, 1);
  } finally {
    await g.close();
  }
});

for (const mode of ['throws', 'rejects'] as const) {
  test(`onHandlerError, onStoreError and onFull that ${mode}: the same answers, no unhandled rejection`, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const broken =
      mode === 'throws'
        ? () => {
            throw new Error('callback broke');
          }
        : async () => {
            throw new Error('callback broke');
          };
    let claims = 0;
    // The first claim fails (onStoreError); the memory store holds one entry, so the third key finds it full (onFull).
    const store = new FaultyStore(new MemoryIdempotencyStore({ maxEntries: 2, onFull: broken }), (step) => (step === 'claim' && claims++ === 0 ? { kind: 'fail-before' } : { kind: 'ok' }));
    const g = await listen(
      createGateway({
        apps: () => SECRET,
        idempotencyStore: store,
        onStoreError: broken,
        onHandlerError: broken,
        handlers: {
          alibabaCloudgameTradeplatformPayorder: async (params) => {
            if (params.request_param.pay_idempotent_code === 'throws') throw new Error('handler broke');
            return null as never;
          },
        },
      }),
    );
    try {
      const sub = async (key: string) => (await post(g.url, signedParams(PAY, payParam(key)))).json.error_response;
      assert.equal((await sub('throws')).sub_code, 'isp.idempotency-store-unavailable');
      assert.deepEqual(await sub('throws').then((e) => [e.sub_code, e.sub_msg]), ['isp.service-error', 'the service failed']);
      assert.equal((await sub('null')).sub_code, 'isp.invalid-response');
      assert.equal((await sub('full')).sub_code, 'isp.idempotency-store-full');
      await sleep(50);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await g.close();
    }
  });
}
