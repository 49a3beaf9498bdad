// `apps` and `verifySession` may be async (a database). One that never settles
// held the request open for good: no timeout covered it (the server's request
// timeout ends once the request is read). They are bounded by handlerTimeoutMs,
// like the handler, and answered with a retryable 15 isp. naming the lookup.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway } from '../../generated/server/src/index.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const VIRTUAL = 'taobao.game.virtual.order.create';
const business = { biz_code: 'YP', picture_url: 'http://x', item_name: 'i', pay_price: '500', account: 'a', seller_id: '1', out_order_id: 'O1' };
const never = () => new Promise<never>(() => {});

test('an apps lookup that never settles answers 15 isp.app-lookup-timeout after handlerTimeoutMs; nothing runs', async () => {
  let runs = 0;
  const g = await listen(createGateway({ apps: never, handlerTimeoutMs: 100, handlers: { taobaoGameVirtualOrderCreate: () => ({ result: { code: String(runs++) } }) } }));
  try {
    const a = (await post(g.url, signedParams(VIRTUAL, business, { extra: { session: 's' } }))).json;
    assert.deepEqual([a.error_response?.code, a.error_response?.sub_code], [15, 'isp.app-lookup-timeout']);
    assert.equal(runs, 0);
  } finally {
    await g.close();
  }
});

test('a verifySession that never settles answers 15 isp.session-check-timeout after handlerTimeoutMs; nothing runs', async () => {
  let runs = 0;
  const g = await listen(
    createGateway({ apps: async () => SECRET, verifySession: never, handlerTimeoutMs: 100, handlers: { taobaoGameVirtualOrderCreate: () => ({ result: { code: String(runs++) } }) } }),
  );
  try {
    const a = (await post(g.url, signedParams(VIRTUAL, business, { extra: { session: 's' } }))).json;
    assert.deepEqual([a.error_response?.code, a.error_response?.sub_code], [15, 'isp.session-check-timeout']);
    assert.equal(runs, 0);
  } finally {
    await g.close();
  }
});

test('async lookups that answer in time are used as before', async () => {
  const g = await listen(
    createGateway({
      apps: async (key) => (key === '12345678' ? SECRET : undefined),
      verifySession: async (s) => (s === 'ok' ? { user: 1 } : null),
      handlerTimeoutMs: 1000,
      handlers: { taobaoGameVirtualOrderCreate: () => ({ result: { code: '0000' } }) },
    }),
  );
  try {
    assert.equal((await post(g.url, signedParams(VIRTUAL, business, { extra: { session: 'ok' } }))).json.game_virtual_order_create_response?.result?.code, '0000');
    assert.equal((await post(g.url, signedParams(VIRTUAL, { ...business, out_order_id: 'O2' }, { extra: { session: 'bad' } }))).json.error_response?.code, 27);
    assert.equal((await post(g.url, signedParams(VIRTUAL, business, { extra: { app_key: 'nobody', session: 'ok' } }))).json.error_response?.code, 29);
  } finally {
    await g.close();
  }
});
