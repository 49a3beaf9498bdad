// Idempotent replay, conflicts and concurrent duplicates, against the
// in-memory store and a real redis-server on loopback shared by two gateways.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { TopClient, TopError } from '../../generated/client/src/node.ts';
import { createGateway, type Handlers, type IdempotencyStore, IdempotencyStoreFullError, MemoryIdempotencyStore, RedisIdempotencyStore } from '../../generated/server/src/index.ts';
import { APP_KEY, SECRET } from '../support/raw-call.ts';
import { listen, startRedis } from '../support/servers.ts';

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];
before(async () => {
  redis = await startRedis();
});
after(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

function redisStore(prefix: string): IdempotencyStore {
  const client = new Redis({ port: redis.port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 1 });
  clients.push(client);
  return new RedisIdempotencyStore(client, prefix);
}

/** Two gateways (as two processes would be) sharing one store, with a counting, slow handler. */
async function setup(makeStore: () => IdempotencyStore, shared: boolean) {
  const calls: string[] = [];
  let fail = false;
  const handlers: Handlers = {
    alibabaCloudgameTradeplatformPayorder: async (params) => {
      calls.push(params.request_param.pay_idempotent_code);
      await new Promise((r) => setTimeout(r, 50));
      if (fail) throw new Error('payment backend down');
      return { result_success: true, value: { pay_status: 'PAY_SUCCESS', pay_url: `https://pay/${calls.length}` } };
    },
  };
  const store = makeStore();
  const gateways = await Promise.all([0, 1].map(() => listen(createGateway({ apps: () => SECRET, handlers, idempotencyStore: shared ? store : makeStore() }))));
  const clientsFor = gateways.map((g) => new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: g.url }));
  return {
    calls,
    setFail: (v: boolean) => (fail = v),
    clients: clientsFor,
    close: async () => {
      clientsFor.forEach((c) => c.close());
      await Promise.all(gateways.map((g) => g.close()));
    },
  };
}

const order = (key: string, amount = 1n) => ({
  request_param: {
    charge_item_code: '1',
    order_id: 'o',
    category_code: 'c',
    user_country: 'CHINA',
    balance_pay_amount: amount,
    tenant_id: 9007199254740993n,
    commodity_code: 'x',
    pay_start_time: 1n,
    currency: 'CNY',
    pay_idempotent_code: key,
    pay_serial_id: 's',
  },
});

const stores: { name: string; make: () => IdempotencyStore }[] = [
  { name: 'memory', make: () => new MemoryIdempotencyStore() },
  { name: 'redis', make: () => redisStore(`test:${Math.random().toString(36).slice(2)}:`) },
];

for (const s of stores) {
  test(`${s.name}: a replay returns the first answer without running the handler again`, async () => {
    const t = await setup(s.make, true);
    try {
      const first = await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k1'));
      const again = await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k1'));
      assert.deepEqual(t.calls, ['k1']);
      assert.equal(again.value?.pay_url, first.value?.pay_url);
      assert.notEqual(again.request_id, first.request_id, 'each answer has its own request_id');
    } finally {
      await t.close();
    }
  });

  test(`${s.name}: the same key with different parameters is a conflict naming the key`, async () => {
    const t = await setup(s.make, true);
    try {
      await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k2', 1n));
      const error = await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k2', 2n)).catch((e: unknown) => e);
      assert.ok(error instanceof TopError);
      assert.equal(error.code, 41);
      assert.equal(error.subCode, 'isv.idempotency-conflict:request_param.pay_idempotent_code');
      assert.match(error.subMsg!, /"k2" was already used with different parameters/);
      assert.deepEqual(t.calls, ['k2']);
    } finally {
      await t.close();
    }
  });

  test(`${s.name}: 20 concurrent duplicates run the handler once and all get its answer`, async () => {
    const t = await setup(s.make, true);
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k3'))));
      assert.deepEqual(t.calls, ['k3']);
      assert.equal(new Set(answers.map((a) => a.value?.pay_url)).size, 1);
    } finally {
      await t.close();
    }
  });

  test(`${s.name}: a failed handler's error answer is recorded and replayed; the handler does not run again`, async () => {
    const t = await setup(s.make, true);
    try {
      t.setFail(true);
      const error = await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k4')).catch((e: unknown) => e);
      assert.ok(error instanceof TopError && error.subCode === 'isp.service-error', String(error));
      t.setFail(false);
      const again = await t.clients[1]!.alibabaCloudgameTradeplatformPayorder(order('k4')).catch((e: unknown) => e);
      assert.ok(again instanceof TopError && again.subCode === 'isp.service-error', String(again));
      assert.deepEqual(t.calls, ['k4']);
    } finally {
      await t.close();
    }
  });
}

test('redis: two gateways sharing the store run concurrent duplicates once between them', async () => {
  const t = await setup(() => redisStore(`shared:${Math.random().toString(36).slice(2)}:`), true);
  try {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.clients[i % 2]!.alibabaCloudgameTradeplatformPayorder(order('k5'))));
    assert.deepEqual(t.calls, ['k5']);
    assert.equal(new Set(answers.map((a) => a.value?.pay_url)).size, 1);
  } finally {
    await t.close();
  }
});

test('memory: separate stores do not share (the reason for the Redis store)', async () => {
  const t = await setup(() => new MemoryIdempotencyStore(), false);
  try {
    await t.clients[0]!.alibabaCloudgameTradeplatformPayorder(order('k6'));
    await t.clients[1]!.alibabaCloudgameTradeplatformPayorder(order('k6'));
    assert.deepEqual(t.calls, ['k6', 'k6']);
  } finally {
    await t.close();
  }
});

test('MemoryIdempotencyStore never drops an unexpired entry: when full it refuses new claims and says so', async () => {
  let now = 0;
  const full: number[] = [];
  const store = new MemoryIdempotencyStore({ maxEntries: 3, now: () => now, onFull: (i) => full.push(i.size) });
  for (const k of ['a', 'b', 'c']) {
    assert.deepEqual(await store.claim(k, 'f', 'o', 1000), { claimed: true });
    assert.deepEqual(await store.complete(k, 'f', 'o', '{"a":"{}"}', 1000), { stored: true });
  }
  await assert.rejects(store.claim('d', 'f', 'o', 1000), IdempotencyStoreFullError);
  assert.deepEqual(full, [3]);
  assert.deepEqual(await store.get('a'), { state: 'done', fingerprint: 'f', outcome: '{"a":"{}"}' }, 'a is still replayable');
  now = 1000;
  assert.deepEqual(await store.claim('d', 'f', 'o', 1000), { claimed: true }, 'expired entries make room');
  assert.equal(await store.get('b'), undefined);
  assert.throws(() => new MemoryIdempotencyStore(0), /maxEntries must be a positive integer/);
});

test('MemoryIdempotencyStore: a claim lives for its lease, the outcome that replaces it for its TTL; the sweep finds both', async () => {
  let now = 0;
  const store = new MemoryIdempotencyStore({ maxEntries: 2, now: () => now });
  assert.deepEqual(store.claimSync('a', 'f', 'o1', 100), { claimed: true });
  assert.deepEqual(store.claimSync('b', 'f', 'o2', 100), { claimed: true });
  assert.deepEqual(store.completeSync('a', 'f', 'o1', 'Ax', 10_000), { stored: true });
  assert.deepEqual(store.completeSync('a', 'f', 'o9', 'Ay', 10_000), { stored: false, current: { state: 'done', fingerprint: 'f', outcome: 'Ax' } }, 'an outcome is never overwritten');
  now = 500; // b's lease is over, a's TTL is not
  assert.deepEqual(store.claimSync('c', 'f', 'o3', 100), { claimed: true }, 'the sweep removed the expired claim to make room');
  assert.deepEqual(await store.get('a'), { state: 'done', fingerprint: 'f', outcome: 'Ax' });
  assert.equal(await store.get('b'), undefined);
  now = 10_000;
  assert.equal(await store.get('a'), undefined, 'the outcome ends with its TTL');
});

test('an API call without an idempotency value (the optional DTO left out) is not deduplicated', async () => {
  let n = 0;
  const g = await listen(createGateway({ apps: () => SECRET, handlers: { alibabaDiantaoTripartiteRightPayNotify: () => ({ succ: true, msg_code: String(++n) }) } }));
  const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: g.url });
  const a = await client.alibabaDiantaoTripartiteRightPayNotify({});
  const b = await client.alibabaDiantaoTripartiteRightPayNotify({});
  // With only outer_order_id (the fallback key) it is deduplicated.
  const c = await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: '1057706761588580000' } });
  const d = await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: '1057706761588580000' } });
  client.close();
  await g.close();
  assert.deepEqual([a.msg_code, b.msg_code, c.msg_code, d.msg_code], ['1', '2', '3', '3']);
});
