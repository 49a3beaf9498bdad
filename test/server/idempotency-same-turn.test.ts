// The engine's same-turn path: a handler that answers at once (no promise)
// with an in-process store (claimSync/completeSync) is claimed, run and
// recorded in one turn of the event loop, without a lease, a shared in-flight
// entry or a timer. These tests hold it to the same promises as the general
// path: one run per key, the first outcome replayed, a store failure at the
// record answered retryably and recorded later, NothingChangedError released.
// And through the gateway: a handler that throws at once is recorded as its
// error answer like one that rejects.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient, TopError } from '../../generated/client/src/node.ts';
import { type CompleteResult, createGateway, IdempotencyEngine, MemoryIdempotencyStore, NothingChangedError, type Outcome } from '../../generated/server/src/index.ts';
import { APP_KEY, SECRET } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const LABEL = { path: 'request_param.pay_idempotent_code', value: 'k' };
const text = (o: Outcome<unknown>) => (o.kind === 'answer' ? o.text : `${o.error.code} ${o.error.subCode}`);

/** An in-process store whose completeSync fails the first `failures` times (before acting, as a store that throws would). */
class FlakyCompleteStore extends MemoryIdempotencyStore {
  completeCalls = 0;
  renewCalls = 0;
  constructor(
    private failures: number,
    now?: () => number,
  ) {
    super(now ? { now } : {});
  }
  override async renew(key: string, fingerprint: string, owner: string, leaseMs: number) {
    this.renewCalls++;
    return super.renew(key, fingerprint, owner, leaseMs);
  }
  override completeSync(key: string, fingerprint: string, owner: string, outcome: string, ttlMs: number): CompleteResult {
    this.completeCalls++;
    if (this.failures-- > 0) throw new Error('store refused the write');
    return super.completeSync(key, fingerprint, owner, outcome, ttlMs);
  }
}

function engine(store: MemoryIdempotencyStore, storeErrors: string[] = [], options: { leaseMs?: number } = {}) {
  return new IdempotencyEngine({
    store,
    ttlMs: 60_000,
    leaseMs: options.leaseMs ?? 60_000,
    waitMs: 200,
    handlerTimeoutMs: 500,
    storeTimeoutMs: 50,
    onStoreError: (_e, step) => storeErrors.push(step),
  });
}

/** A handler that answers at once (no promise) and counts its runs. */
function immediate() {
  let runs = 0;
  return {
    invoke: () => {
      const n = ++runs;
      return { text: `{"n":${n}}`, value: n };
    },
    runs: () => runs,
  };
}

test('an immediate answer is recorded in the same turn: replayed, never run again, nothing left in flight', async () => {
  const store = new MemoryIdempotencyStore();
  const e = engine(store);
  const h = immediate();
  const first = await e.run('k', 'f', LABEL, h.invoke);
  assert.equal(text(first.outcome), '{"n":1}');
  assert.equal(first.path, 'fresh');
  assert.equal(e.inflightCount, 0);
  assert.equal((await store.get('k'))?.state, 'done');
  const again = await e.run('k', 'f', LABEL, h.invoke);
  assert.equal(text(again.outcome), '{"n":1}');
  assert.equal(again.path, 'replayed');
  assert.equal(h.runs(), 1);
});

test('the record fails once: the general path records it again; the caller gets the answer and the handler ran once', async () => {
  const store = new FlakyCompleteStore(1);
  const errors: string[] = [];
  const e = engine(store, errors);
  const h = immediate();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.deepEqual(errors, ['complete']);
  assert.equal(store.completeCalls, 2);
  assert.equal(text((await engine(store).run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}', 'another engine replays it');
  assert.equal(h.runs(), 1);
});

test('the record keeps failing: isp.outcome-not-recorded, the claim stays (no second run anywhere) while the record is retried', async () => {
  // The store's clock moves only when the test moves it. On the wall clock a 150 ms lease
  // lapsed when a loaded machine held the renewals back, and another engine ran the handler
  // again; here the lease ends only when the test says, and only a renewal can keep the claim.
  let now = 1_000;
  const store = new FlakyCompleteStore(Number.POSITIVE_INFINITY, () => now);
  const e = engine(store, [], { leaseMs: 150 });
  const h = immediate();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.outcome-not-recorded');
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.outcome-not-recorded', 'a duplicate in this process shares it');
  now += 300; // two leases: the claim has ended unless it is renewed from here on
  const renewals = store.renewCalls;
  for (let i = 0; i < 1000 && store.renewCalls === renewals; i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(store.renewCalls > renewals, 'the claim is renewed while the record is retried');
  assert.equal(text((await engine(store).run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending', 'another engine sees the claim');
  assert.equal(h.runs(), 1);
  assert.equal(e.inflightCount, 1, 'still trying to record');
});

test("a handler whose synchronous part outlives the lease: another caller's outcome, recorded meanwhile, wins", async () => {
  let now = 1_000;
  const store = new MemoryIdempotencyStore({ now: () => now });
  const e = engine(store, [], { leaseMs: 100 });
  const other = engine(store, [], { leaseMs: 100 });
  let otherRun: Promise<unknown> | undefined;
  const invoke = () => {
    // Blocks past its lease (as a long synchronous computation would); meanwhile
    // another caller finds the claim expired, takes the key and records its outcome.
    now += 1_000;
    otherRun = other.run('k', 'f', LABEL, () => ({ text: '{"n":"other"}', value: 0 }));
    return { text: '{"n":1}', value: 1 };
  };
  const first = await e.run('k', 'f', LABEL, invoke);
  assert.equal(text(first.outcome), '{"n":"other"}', 'the first recorded outcome is the one every caller gets');
  assert.equal(text(((await otherRun) as { outcome: Outcome<unknown> }).outcome), '{"n":"other"}');
  const stored = await store.get('k');
  assert.equal(stored?.state === 'done' && stored.outcome, 'A{"n":"other"}');
});

test('an immediate NothingChangedError releases the key: a retry runs the handler again', async () => {
  const store = new MemoryIdempotencyStore();
  const e = engine(store);
  let runs = 0;
  const invoke = () => {
    if (++runs === 1) throw new NothingChangedError(15, 'isp.bank-unreachable', 'nothing was charged');
    return { text: '{"ok":true}', value: 1 };
  };
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '15 isp.bank-unreachable');
  assert.equal(await store.get('k'), undefined);
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '{"ok":true}');
  assert.equal(runs, 2);
});

test('through the gateway: a handler that throws at once is recorded as its error answer and not run again', async () => {
  let runs = 0;
  const errors: unknown[] = [];
  const gateway = await listen(
    createGateway({
      apps: () => SECRET,
      onHandlerError: (error) => errors.push(error),
      handlers: {
        alibabaCloudgameTradeplatformPayorder: () => {
          runs++;
          throw new Error('ledger down');
        },
      },
    }),
  );
  const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: gateway.url });
  try {
    const call = () =>
      client.alibabaCloudgameTradeplatformPayorder({
        request_param: {
          charge_item_code: '1',
          order_id: 'o',
          category_code: 'c',
          user_country: 'CHINA',
          balance_pay_amount: 1n,
          tenant_id: 1n,
          commodity_code: 'x',
          pay_start_time: 1n,
          currency: 'CNY',
          pay_idempotent_code: 'same-turn-1',
          pay_serial_id: 's',
        },
      });
    for (let i = 0; i < 2; i++) {
      await assert.rejects(call(), (e: unknown) => e instanceof TopError && e.code === 15 && e.subCode === 'isp.service-error');
    }
    assert.equal(runs, 1);
    assert.equal(errors.length, 1);
  } finally {
    client.close();
    await gateway.close();
  }
});
