// timeoutMs bounds the whole call through a custom transport too: the core
// ends an exchange at the attempt's time (and on the caller's signal) whether
// or not the transport does; the call hung on a transport that never settled.
// The built-in transports keep time themselves and get no second timer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopAbortError, TopClient, TopTimeoutError, type Transport, type TransportRequest } from '../../generated/client/src/index.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';
import { within } from '../support/within.ts';

const notify = { tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } };

const silent = (sent: TransportRequest[]): Transport => ({
  name: 'silent',
  provesUnsent: true,
  send: (r) => {
    sent.push(r);
    return new Promise(() => {});
  },
});

test('a custom transport that never settles: a TopTimeoutError at the timeout the caller set, possibly sent, sent once', async () => {
  const sent: TransportRequest[] = [];
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: silent(sent), timeoutMs: 5000, retries: 3 });
  const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { timeoutMs: 40 }), 5000);
  assert.notEqual(out, 'still waiting', 'the call ended');
  const e = (out as { settled: unknown }).settled;
  assert.ok(e instanceof TopTimeoutError, String(e));
  assert.equal(e.timeoutMs, 40);
  assert.equal(e.reachedGateway, true);
  assert.equal(sent.length, 1, 'a timeout is never retried');
});

test("a custom transport that never settles: the caller's signal ends the call with a TopAbortError", async () => {
  const sent: TransportRequest[] = [];
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: silent(sent) });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('user cancelled')), 30);
  const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { signal: controller.signal }), 5000);
  assert.notEqual(out, 'still waiting', 'the call ended');
  assert.ok((out as { settled: unknown }).settled instanceof TopAbortError, String((out as { settled: unknown }).settled));
});

test('a custom transport is not handed a request whose signal has already fired', async () => {
  const sent: TransportRequest[] = [];
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: silent(sent) });
  const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { signal: AbortSignal.abort() }), 5000);
  assert.ok((out as { settled: unknown }).settled instanceof TopAbortError, String(out));
  assert.equal(sent.length, 0);
});
