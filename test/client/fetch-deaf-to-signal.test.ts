// timeoutMs bounds a call through fetchTransport({ fetch }) even when the
// fetch passed in does not heed its AbortSignal (a test double, an older
// polyfill): the call hung past its timeout, waiting on a fetch that never
// settled or a body that never ended.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fetchTransport, TopAbortError, TopClient, TopTimeoutError } from '../../generated/client/src/index.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';
import { within } from '../support/within.ts';

const notify = { tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } };

const deafFetches = {
  'a fetch that never settles': () => new Promise<Response>(() => {}),
  'a fetch whose body never ends (no content-length)': async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200 }),
  'a fetch whose declared body never ends': async () => new Response(new ReadableStream({ pull: () => new Promise(() => {}) }), { status: 200, headers: { 'content-length': '10' } }),
};

for (const [name, deaf] of Object.entries(deafFetches)) {
  test(`${name}: the call is a TopTimeoutError at its timeout`, async () => {
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: 'http://127.0.0.1:9/router/rest', transport: fetchTransport({ fetch: deaf }), timeoutMs: 50 });
    const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify), 5000);
    assert.notEqual(out, 'still waiting', 'the call ended');
    const e = (out as { settled: unknown }).settled;
    assert.ok(e instanceof TopTimeoutError, String(e));
    assert.equal(e.timeoutMs, 50);
    assert.equal(e.reachedGateway, true);
  });
}

test("a fetch that never settles: the caller's signal ends the call with a TopAbortError", async () => {
  const client = new TopClient({
    appKey: TEST_APP_KEY,
    appSecret: TEST_SECRET,
    gateway: 'http://127.0.0.1:9/router/rest',
    transport: fetchTransport({ fetch: deafFetches['a fetch that never settles'] }),
  });
  const controller = new AbortController();
  setTimeout(() => controller.abort(new Error('user cancelled')), 30);
  const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { signal: controller.signal }), 5000);
  assert.notEqual(out, 'still waiting', 'the call ended');
  assert.ok((out as { settled: unknown }).settled instanceof TopAbortError, String((out as { settled: unknown }).settled));
});
