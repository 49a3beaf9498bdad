// Issue 11's "What was seen", server side, one test each: every way the
// gateway ran a handler twice for one key, or left a caller hanging, or
// rounded an int64. In memory and on loopback; the Redis lines are in
// idempotency-redis.test.ts.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway, type GatewayCoreOptions, type Handlers, type IdempotencyStore, MemoryIdempotencyStore } from '../../generated/server/src/index.ts';
import { FaultyStore } from '../support/faulty-store.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const PAY = 'alibaba.cloudgame.tradeplatform.payorder';
const NOTIFY = 'alibaba.diantao.tripartite.right.pay.notify';
const VIRTUAL = 'taobao.game.virtual.order.create';

const payParam = (key: string, extra: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    charge_item_code: '"1"',
    order_id: '"o"',
    category_code: '"c"',
    user_country: '"CHINA"',
    balance_pay_amount: '1',
    tenant_id: '9007199254740993',
    commodity_code: '"x"',
    pay_start_time: '1',
    currency: '"CNY"',
    pay_idempotent_code: JSON.stringify(key),
    pay_serial_id: '"s"',
    ...extra,
  };
  return {
    request_param: `{${Object.entries(fields)
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
      .join(',')}}`,
  };
};

async function gateway(handlers: Handlers, options: Partial<Omit<GatewayCoreOptions, 'operations' | 'handlers' | 'apps'>> = {}) {
  const g = await listen(createGateway({ apps: () => SECRET, verifySession: () => ({ user: 1 }), handlers, ...options }));
  const call = async (method: string, business: Record<string, string>, extra: Record<string, string> = {}) => (await post(g.url, signedParams(method, business, { extra }))).json;
  return { ...g, call };
}

const errorOf = (answer: { error_response?: { code: number; sub_code?: string } }) => (answer.error_response ? `${answer.error_response.code} ${answer.error_response.sub_code}` : 'ok');

test('an answer refused by the gateway (15 isp.invalid-response) is recorded: the retry replays it, the handler ran once', async () => {
  let runs = 0;
  const bump = <T>(v: T): T => {
    runs++;
    return v;
  };
  const g = await gateway({ alibabaCloudgameTradeplatformPayorder: () => bump({ result_success: true, value: { pay_status: 1234 } } as never) });
  try {
    assert.equal(errorOf(await g.call(PAY, payParam('r1'))), '15 isp.invalid-response');
    assert.equal(errorOf(await g.call(PAY, payParam('r1'))), '15 isp.invalid-response');
    assert.equal(runs, 1);
  } finally {
    await g.close();
  }
});

test('the store fails once while recording (complete throws): the caller gets a retryable isp., the retry replays the answer, the handler ran once', async () => {
  let runs = 0;
  const store = new FaultyStore(new MemoryIdempotencyStore(), (step, i) => (step === 'complete' && i === 0 ? { kind: 'fail-before' } : { kind: 'ok' }));
  const g = await gateway({ alibabaCloudgameTradeplatformPayorder: () => ({ result_success: true, value: { pay_url: `https://pay/${++runs}` } }) }, { idempotencyStore: store });
  try {
    assert.equal(errorOf(await g.call(PAY, payParam('c1'))), '15 isp.outcome-not-recorded');
    let answer;
    for (let i = 0; i < 50; i++) {
      answer = await g.call(PAY, payParam('c1'));
      if (!answer.error_response) break;
      assert.match(answer.error_response.sub_code, /^isp\./);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(answer.alibaba_cloudgame_tradeplatform_payorder_response.value.pay_url, 'https://pay/1');
    assert.equal(runs, 1);
  } finally {
    await g.close();
  }
});

for (const blank of ['', ' ', '\t', '\u3000']) {
  test(`a blank idempotency key (${JSON.stringify(blank)}) is refused with 41 naming it, inside a DTO and as a top-level parameter`, async () => {
    let runs = 0;
    const bump = <T>(v: T): T => {
      runs++;
      return v;
    };
    const g = await gateway({
      alibabaCloudgameTradeplatformPayorder: () => bump({ result_success: true }),
      taobaoGameVirtualOrderCreate: () => bump({ result: { success: true } }) as never,
      alibabaDiantaoTripartiteRightPayNotify: () => bump({ succ: true }),
    });
    try {
      const nested = await g.call(PAY, payParam(blank));
      assert.equal(errorOf(nested), '41 isv.invalid-parameter:request_param.pay_idempotent_code');
      assert.match(nested.error_response.sub_msg, /must not be blank/);
      const top = await g.call(VIRTUAL, { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: '500', account: 'a', seller_id: '1', out_order_id: blank }, { session: 's' });
      assert.equal(errorOf(top), '41 isv.invalid-parameter:out_order_id');
      const either = await g.call(NOTIFY, { tripartite_pay_notify_dto: JSON.stringify({ source: 's', outer_order_id: '1', idempotent_id: blank }) });
      assert.equal(errorOf(either), '41 isv.invalid-parameter:tripartite_pay_notify_dto.idempotent_id');
      assert.equal(runs, 0);
    } finally {
      await g.close();
    }
  });
}

test('the memory store never evicts an unexpired answer: when full it answers isp.idempotency-store-full and calls onFull', async () => {
  let runs = 0;
  const full: number[] = [];
  const store = new MemoryIdempotencyStore({ maxEntries: 2, onFull: (i) => full.push(i.size) });
  const g = await gateway({ alibabaCloudgameTradeplatformPayorder: () => ({ result_success: true, value: { pay_url: `https://pay/${++runs}` } }) }, { idempotencyStore: store });
  try {
    await g.call(PAY, payParam('m1'));
    await g.call(PAY, payParam('m2'));
    assert.equal(errorOf(await g.call(PAY, payParam('m3'))), '15 isp.idempotency-store-full');
    assert.equal((await g.call(PAY, payParam('m1'))).alibaba_cloudgame_tradeplatform_payorder_response.value.pay_url, 'https://pay/1');
    assert.equal(runs, 2);
    assert.deepEqual(full, [2]);
  } finally {
    await g.close();
  }
});

test('20 concurrent duplicates of a call whose handler fails run it once and all get its error', async () => {
  let runs = 0;
  const g = await gateway({
    alibabaCloudgameTradeplatformPayorder: async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('backend down');
    },
  });
  try {
    const answers = await Promise.all(Array.from({ length: 20 }, () => g.call(PAY, payParam('f1'))));
    assert.deepEqual(new Set(answers.map(errorOf)), new Set(['15 isp.service-error']));
    assert.equal(runs, 1);
  } finally {
    await g.close();
  }
});

test('a claim has an owner and a lease renewed while the handler runs: a slow handler past the lease is not run again by a second gateway', async () => {
  let runs = 0;
  // The store's clock moves only when the test moves it. On the wall clock (a 400 ms lease
  // renewed every 133 ms, a 600 ms sleep) a loaded machine that stalled the process let the
  // lease or the 500 ms answer TTL lapse, and the second gateway (rightly) ran the handler
  // again. Here the clock jumps past both, and only a renewal keeps the claim.
  let now = 1_000;
  let renewals = 0;
  let gets = 0;
  class CountingStore extends MemoryIdempotencyStore {
    override async renew(...a: Parameters<MemoryIdempotencyStore['renew']>) {
      renewals++;
      return super.renew(...a);
    }
    override async get(key: string) {
      gets++;
      return super.get(key);
    }
  }
  const store: IdempotencyStore = new CountingStore({ now: () => now });
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const handlers: Handlers = {
    alibabaCloudgameTradeplatformPayorder: async () => {
      runs++;
      started();
      await finished;
      return { result_success: true, value: { pay_url: `https://pay/${runs}` } };
    },
  };
  // Short lease, short answer TTL: with the old design (claim lives as long as its TTL, no owner) the second gateway ran it again.
  const options = { idempotencyStore: store, idempotencyLeaseMs: 400, idempotencyTtlMs: 500, idempotencyWaitMs: 10_000 };
  const [a, b] = await Promise.all([gateway(handlers, options), gateway(handlers, options)]);
  const until = async (done: () => boolean) => {
    for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setTimeout(r, 10));
    return done();
  };
  try {
    const first = a.call(PAY, payParam('l1'));
    await running;
    now += 600; // > lease and > TTL
    const renewed = renewals;
    assert.ok(await until(() => renewals > renewed), 'the claim is renewed while the handler runs');
    now += 399; // within the renewed lease (a renewal for less than the lease would have ended by now)
    const second = b.call(PAY, payParam('l1'));
    await until(() => gets > 0 || runs > 1); // the second gateway found the claim and waits (or, wrongly, ran it)
    finish();
    assert.equal((await first).alibaba_cloudgame_tradeplatform_payorder_response.value.pay_url, 'https://pay/1');
    assert.equal((await second).alibaba_cloudgame_tradeplatform_payorder_response.value.pay_url, 'https://pay/1');
    assert.equal(runs, 1);
  } finally {
    finish();
    await Promise.all([a.close(), b.close()]);
  }
});

test('the fingerprint is unambiguous: "p\\nitem_name=i1" + "i2" is not "p" + "i1\\nitem_name=i2"', async () => {
  let runs = 0;
  const bump = <T>(v: T): T => {
    runs++;
    return v;
  };
  const g = await gateway({ taobaoGameVirtualOrderCreate: () => bump({ result: { success: true } }) as never });
  try {
    const base = { biz_code: 'YP', pay_price: '500', account: 'a', seller_id: '1', out_order_id: 'fp1' };
    assert.equal(errorOf(await g.call(VIRTUAL, { ...base, picture_url: 'p\nitem_name=i1', item_name: 'i2' }, { session: 's' })), 'ok');
    assert.equal(errorOf(await g.call(VIRTUAL, { ...base, picture_url: 'p', item_name: 'i1\nitem_name=i2' }, { session: 's' })), '41 isv.idempotency-conflict:out_order_id');
    assert.equal(runs, 1);
  } finally {
    await g.close();
  }
});

test("002's two-field key: an idempotent_id equal to another order's outer_order_id is a different key, not a false 41", async () => {
  let runs = 0;
  const g = await gateway({ alibabaDiantaoTripartiteRightPayNotify: () => ({ succ: true, msg_code: String(++runs) }) });
  try {
    const a = await g.call(NOTIFY, { tripartite_pay_notify_dto: JSON.stringify({ source: 's', outer_order_id: 'o1', idempotent_id: 'X' }) });
    const b = await g.call(NOTIFY, { tripartite_pay_notify_dto: JSON.stringify({ source: 's', outer_order_id: 'X' }) });
    assert.equal(errorOf(a), 'ok');
    assert.equal(errorOf(b), 'ok');
    assert.equal(runs, 2);
  } finally {
    await g.close();
  }
});

test('a duplicate of a call still running in this process answers isp.idempotent-request-pending after idempotencyWaitMs, not when the handler ends', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const running = new Promise<void>((r) => (started = r));
  const g = await gateway(
    {
      alibabaCloudgameTradeplatformPayorder: async () => {
        started();
        await gate;
        return { result_success: true };
      },
    },
    { idempotencyWaitMs: 50, handlerTimeoutMs: 60_000 },
  );
  try {
    const first = g.call(PAY, payParam('w1'));
    await running; // the first call holds the key (a 20 ms sleep assumed it would by then)
    assert.equal(errorOf(await g.call(PAY, payParam('w1'))), '15 isp.idempotent-request-pending');
    release();
    assert.equal(errorOf(await first), 'ok');
  } finally {
    release();
    await g.close();
  }
});

test('a handler that never settles gets 15 isp.handler-timeout after handlerTimeoutMs, with and without an idempotency key', async () => {
  const never = () => new Promise<never>(() => {});
  const g = await gateway({ alibabaCloudgameTradeplatformPayorder: never, alibabaDiantaoTripartiteRightPayNotify: never }, { handlerTimeoutMs: 50 });
  try {
    assert.equal(errorOf(await g.call(PAY, payParam('t1'))), '15 isp.handler-timeout');
    assert.equal(errorOf(await g.call(NOTIFY, {})), '15 isp.handler-timeout');
  } finally {
    await g.close();
  }
});

for (const token of ['9007199254740993.0', '9.007199254740993e15', '9007199254740993.5', '1.0', '1e3']) {
  test(`an int64 in DTO JSON given as ${token} is refused with 41 naming the field; the handler never sees a rounded value`, async () => {
    const seen: unknown[] = [];
    const g = await gateway({
      alibabaCloudgameTradeplatformPayorder: (p) => {
        seen.push(p.request_param.tenant_id);
        return { result_success: true };
      },
    });
    try {
      const answer = await g.call(PAY, payParam(`i-${token}`, { tenant_id: token }));
      assert.equal(errorOf(answer), '41 isv.invalid-parameter:request_param.tenant_id');
      assert.deepEqual(seen, []);
      // The exact integer still arrives exact.
      await g.call(PAY, payParam(`j-${token}`));
      assert.deepEqual(seen, [9007199254740993n]);
    } finally {
      await g.close();
    }
  });
}
