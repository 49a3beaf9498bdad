// A hook written as an async function (`onError: async (e) => { await log(e) }`,
// which the hook types accept) whose promise rejects is ignored like a hook
// that throws: watching a call never changes its outcome. Its rejection went
// unhandled, which ends a Node process by default: a logging outage would take
// the app down mid-payment. Written by the review rv3 (2026-11-26).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClientHooks, TopClient, TopError, type Transport } from '../../generated/client/src/node.ts';

const ROOT = 'alibaba_alisports_lianbei_xpos_pay_response';
const params = { param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n } };

const answering = (body: string): Transport => ({ name: 'answering', provesUnsent: false, send: async () => ({ status: 200, contentType: 'application/json', body }) });

/** Rejections nobody handled while `run` and the turns after it ran. */
async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    // Unhandled rejections are reported after the microtask queue drains.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}

const rejecting: ClientHooks = {
  beforeSend: async () => {
    throw new Error('log sink down (beforeSend)');
  },
  afterAnswer: async () => {
    throw new Error('log sink down (afterAnswer)');
  },
  onError: async () => {
    throw new Error('log sink down (onError)');
  },
};

test('async hooks that reject: a call answers as without them, and no rejection goes unhandled', async () => {
  const seen = await unhandledDuring(async () => {
    const client = new TopClient({ appKey: 'k', appSecret: 's', transport: answering(`{"${ROOT}":{"request_id":"ok"}}`), hooks: rejecting });
    assert.deepEqual(await client.alibabaAlisportsLianbeiXposPay(params), { request_id: 'ok' });
  });
  assert.deepEqual(
    seen.map((r) => (r as Error).message),
    [],
  );
});

test('async hooks that reject: a TOP error is still that error, and no rejection goes unhandled', async () => {
  const seen = await unhandledDuring(async () => {
    const client = new TopClient({ appKey: 'k', appSecret: 's', transport: answering('{"error_response":{"code":15,"msg":"Remote service error","sub_code":"isp.x"}}'), hooks: rejecting });
    await assert.rejects(client.alibabaAlisportsLianbeiXposPay(params), TopError);
  });
  assert.deepEqual(
    seen.map((r) => (r as Error).message),
    [],
  );
});
