// Idempotency keys as large as the body allows, and keys that must not meet.
// Keys as large as the body allows (the spec gives the key fields
// no maxLength). The store keeps an entry per key for its TTL (24 h), and the
// memory store bounds entries by count, not bytes: a key kept as sent let one
// app hold ~1 MiB per request for a day (200 requests of 300 kB grew the heap
// by 61 MB) and run the process out of memory. A long key is kept as its
// SHA-256, so an entry costs the same whatever the caller sent; it still
// dedupes exactly, and two long keys differing in one character stay two keys.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway, type IdempotencyStore, MemoryIdempotencyStore } from '../../generated/server/src/index.ts';
import { PAY, payParam } from '../support/pay-order.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

/** A memory store that remembers the length of every key it was asked to claim. */
function recordingStore(): { store: IdempotencyStore; keyLengths: number[] } {
  const inner = new MemoryIdempotencyStore();
  const keyLengths: number[] = [];
  const store: IdempotencyStore = {
    claim: (key, ...rest) => {
      keyLengths.push(key.length);
      return inner.claim(key, ...rest);
    },
    renew: (...a) => inner.renew(...a),
    complete: (...a) => inner.complete(...a),
    release: (...a) => inner.release(...a),
    get: (...a) => inner.get(...a),
  };
  return { store, keyLengths };
}

test('a 300 kB idempotency key is stored in bounded space, dedupes exactly, and a key one character off is another key', async () => {
  const { store, keyLengths } = recordingStore();
  let runs = 0;
  const g = await listen(
    createGateway({ apps: () => SECRET, idempotencyStore: store, handlers: { alibabaCloudgameTradeplatformPayorder: () => ({ result_success: true, value: { pay_url: `https://pay/${++runs}` } }) } }),
  );
  const call = async (key: string) => {
    const a = (await post(g.url, signedParams(PAY, payParam(key)))).json;
    return a.error_response ? `${a.error_response.code} ${a.error_response.sub_code}` : a.alibaba_cloudgame_tradeplatform_payorder_response.value.pay_url;
  };
  try {
    const huge = 'k'.repeat(300_000);
    const hugeOther = `${'k'.repeat(299_999)}j`;
    const unicode = `支付-\u{1F600}-`.repeat(20_000);
    assert.equal(await call(huge), 'https://pay/1');
    assert.equal(await call(huge), 'https://pay/1');
    assert.equal(await call(hugeOther), 'https://pay/2');
    assert.equal(await call(unicode), 'https://pay/3');
    assert.equal(await call(unicode), 'https://pay/3');
    assert.equal(await call('short'), 'https://pay/4');
    assert.equal(runs, 4);
    assert.ok(
      keyLengths.every((n) => n <= 300),
      `store keys of ${keyLengths.join(', ')} characters`,
    );
  } finally {
    await g.close();
  }
});

test('one key value under two app keys, two methods and look-alike app keys is four different keys: each runs once and replays its own answer', async () => {
  let runs = 0;
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      handlers: {
        alibabaCloudgameTradeplatformPayorder: (_p, c) => ({ result_success: true, value: { pay_url: `https://pay/${c.appKey}/${++runs}` } }),
        alibabaAlisportsLianbeiXposPay: (_p, c) => ({ result: { success: true, msg_info: `${c.appKey}/${++runs}` } }),
      },
    }),
  );
  const pay = async (appKey: string) => {
    const a = (await post(g.url, signedParams(PAY, payParam('X'), { extra: { app_key: appKey } }))).json;
    return a.alibaba_cloudgame_tradeplatform_payorder_response?.value?.pay_url ?? JSON.stringify(a);
  };
  const xpos = async (appKey: string) => {
    const param0 = JSON.stringify({ nego_price: '1.00', qr_code: 'q', request_id: 'X', out_biz_id: 'b', cashier_name: 'c', cashier_id: 'i', store_id: 's' });
    const a = (await post(g.url, signedParams('alibaba.alisports.lianbei.xpos.pay', { param0 }, { extra: { app_key: appKey } }))).json;
    return a.alibaba_alisports_lianbei_xpos_pay_response?.result?.msg_info ?? JSON.stringify(a);
  };
  try {
    const lookAlike = 'app-a","alibaba.cloudgame.tradeplatform.payorder'; // would collide if the parts were joined without escaping
    const first = [await pay('app-a'), await pay('app-b'), await xpos('app-a'), await pay(lookAlike)];
    assert.deepEqual(first, ['https://pay/app-a/1', 'https://pay/app-b/2', 'app-a/3', `https://pay/${lookAlike}/4`]);
    assert.deepEqual([await pay('app-a'), await pay('app-b'), await xpos('app-a'), await pay(lookAlike)], first);
    assert.equal(runs, 4);
  } finally {
    await g.close();
  }
});
