// The client's number options are checked where they are given, before any
// byte is sent. A timeout a timer cannot hold (Infinity, 2^31 ms and more,
// NaN, a string) made the runtime fire it after 1 ms: the payment went out and
// the caller was told "no answer within Infinity ms, may have reached the
// gateway". A maxResponseBytes of NaN switched the answer limit off.
// Written by the review rv3 (2026-11-26), which found both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient, type TopClientOptions, type Transport } from '../../generated/client/src/node.ts';

const ROOT = 'alibaba_alisports_lianbei_xpos_pay_response';
const params = { param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n } };

/** A transport that answers at once and counts what it was asked to send. */
function counting(): Transport & { sent: number } {
  const t = {
    name: 'counting',
    provesUnsent: false,
    sent: 0,
    send: async () => {
      t.sent++;
      return { status: 200, contentType: 'application/json', body: `{"${ROOT}":{"request_id":"ok"}}` };
    },
  };
  return t;
}

const client = (extra: Record<string, unknown>, transport: Transport = counting()) => new TopClient({ appKey: 'k', appSecret: 's', transport, ...extra } as TopClientOptions);

const BAD_TIMEOUTS: unknown[] = [Number.POSITIVE_INFINITY, 2 ** 31, Number.NaN, '500', 0, -1, 1e12];

for (const bad of BAD_TIMEOUTS) {
  test(`timeoutMs ${String(bad)} (${typeof bad}) is refused by the constructor, naming the option`, () => {
    assert.throws(
      () => client({ timeoutMs: bad }),
      (e: unknown) => e instanceof RangeError && /timeoutMs/.test(e.message) && e.message.includes(String(bad)),
    );
  });
  test(`a call's timeoutMs ${String(bad)} (${typeof bad}) is refused before anything is sent`, async () => {
    const transport = counting();
    const c = client({}, transport);
    await assert.rejects(c.alibabaAlisportsLianbeiXposPay(params, { timeoutMs: bad as number }), (e: unknown) => e instanceof RangeError && /timeoutMs/.test(e.message));
    assert.equal(transport.sent, 0, 'nothing sent');
  });
}

for (const bad of [Number.NaN, -1, 0, 1.5, '1000']) {
  test(`maxResponseBytes ${String(bad)} (${typeof bad}) is refused by the constructor, naming the option`, () => {
    assert.throws(
      () => client({ maxResponseBytes: bad }),
      (e: unknown) => e instanceof RangeError && /maxResponseBytes/.test(e.message),
    );
  });
}

test('timeouts a timer holds and sane limits are accepted, and a call goes out once', async () => {
  for (const timeoutMs of [1, 30_000, 2 ** 31 - 1, undefined]) {
    const transport = counting();
    // A limit of Infinity is no limit, as before.
    const c = client(timeoutMs === undefined ? { maxResponseBytes: Number.POSITIVE_INFINITY } : { timeoutMs, maxResponseBytes: 10 * 1024 * 1024 }, transport);
    assert.deepEqual(await c.alibabaAlisportsLianbeiXposPay(params, { timeoutMs: 2 ** 31 - 1 }), { request_id: 'ok' });
    assert.equal(transport.sent, 1);
  }
});
