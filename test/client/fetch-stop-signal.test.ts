// The fetch transport stops an exchange with a plain signal-shaped object
// where the runtime's fetch follows one (Node 20 and 22: undici 6), and with
// an AbortController everywhere else and for a fetch passed in
// (runtime/client/plain-stop-signal.ts). Either way a timeout must end the
// call and close the connection the request went out on: a call that only
// rejected would leave the request running against the gateway.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fetchTransport, TopAbortError, TopClient, TopTimeoutError } from '../../generated/client/src/index.ts';
import { followsPlainSignal, PlainStopSignal } from '../../generated/client/src/runtime/client/plain-stop-signal.ts';
import { silentGateway } from '../support/silent-gateway.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';
import { within } from '../support/within.ts';

const notify = { tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } };

test('the plain signal is used where the runtime fetch follows one: undici before 7 (Node 20, 22), not 7 (Node 24)', () => {
  const undici = (process.versions as { undici?: string }).undici;
  assert.ok(undici, 'this suite runs on Node, whose fetch is undici');
  assert.equal(followsPlainSignal(globalThis.fetch), Number(undici.split('.')[0]) < 7);
  // A global fetch replaced by a wrapper is not the runtime's own: it gets an AbortController (fetch-stop-signal-wrappers.test.ts).
  assert.equal(
    followsPlainSignal((input: string, init: RequestInit) => globalThis.fetch(input, init)),
    false,
  );
});

const paths = {
  'the global fetch (the plain signal where followed)': () => fetchTransport(),
  'a fetch passed in (an AbortController)': () => fetchTransport({ fetch: (input, init) => globalThis.fetch(input, init) }),
};

for (const [name, make] of Object.entries(paths)) {
  test(`${name}: a timeout ends the call and closes the connection the request went out on`, async () => {
    const gateway = await silentGateway();
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: make(), timeoutMs: 300 });
    try {
      const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify), 10_000);
      assert.notEqual(out, 'still waiting', 'the call ended');
      const e = (out as { settled: unknown }).settled;
      assert.ok(e instanceof TopTimeoutError, String(e));
      assert.equal(e.timeoutMs, 300);
      await gateway.received;
      assert.notEqual(await within(gateway.closed, 10_000), 'still waiting', 'the connection was closed by the client');
    } finally {
      client.close();
      await gateway.stop();
    }
  });

  test(`${name}: the caller's signal ends the call and closes the connection`, async () => {
    const gateway = await silentGateway();
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: make() });
    const controller = new AbortController();
    void gateway.received.then(() => controller.abort(new Error('user cancelled')));
    try {
      const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { signal: controller.signal }), 10_000);
      assert.notEqual(out, 'still waiting', 'the call ended');
      const e = (out as { settled: unknown }).settled;
      assert.ok(e instanceof TopAbortError, String(e));
      assert.match(String((e.reason as Error).message), /user cancelled/);
      assert.notEqual(await within(gateway.closed, 10_000), 'still waiting', 'the connection was closed by the client');
    } finally {
      client.close();
      await gateway.stop();
    }
  });
}

test('a fetch passed in is given a real AbortSignal', async () => {
  let given: unknown;
  const transport = fetchTransport({
    fetch: async (_input, init) => {
      given = init.signal;
      return new Response('{}', { status: 200 });
    },
  });
  await transport.send({ method: 'm', url: 'http://127.0.0.1:9/', headers: {}, body: '', timeoutMs: 1000, maxResponseBytes: 100 });
  assert.ok(given instanceof AbortSignal);
});

test('a global fetch wrapped by an instrumentation hears the timeout through the signal it is given, and its own listener too', async (t) => {
  const gateway = await silentGateway();
  const original = globalThis.fetch;
  let heard = 0;
  // What a tracing wrapper does: listens on the signal, then calls the fetch it replaced.
  globalThis.fetch = ((input: string, init: RequestInit) => {
    init.signal?.addEventListener('abort', () => heard++, { once: true });
    return original(input, init);
  }) as typeof fetch;
  t.after(() => {
    globalThis.fetch = original;
  });
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: fetchTransport(), timeoutMs: 300 });
  try {
    const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify), 10_000);
    assert.ok((out as { settled: unknown }).settled instanceof TopTimeoutError, String(out));
    assert.equal(heard, 1);
    assert.notEqual(await within(gateway.closed, 10_000), 'still waiting', 'the connection was closed by the client');
  } finally {
    client.close();
    await gateway.stop();
  }
});

test('PlainStopSignal: each listener hears the abort once, with the signal as this and its reason; a removed one does not', () => {
  const signal = new PlainStopSignal();
  const heard: string[] = [];
  const first = function (this: unknown) {
    assert.equal(this, signal);
    heard.push(`first ${String((this as PlainStopSignal).reason)}`);
  };
  const removed = () => heard.push('removed');
  signal.addEventListener('abort', first);
  signal.addEventListener('abort', first); // the same listener twice is one listener, as on an EventTarget
  signal.addEventListener('abort', removed);
  signal.addEventListener('abort', { handleEvent: (event) => heard.push(`object ${event.type}`) });
  signal.addEventListener('other', () => heard.push('other'));
  signal.onabort = () => heard.push('onabort');
  signal.removeEventListener('abort', removed);
  assert.equal(signal.listeners('abort').length, 2);
  assert.equal(signal.aborted, false);
  signal.throwIfAborted();
  signal.abort('why');
  signal.abort('again');
  assert.equal(signal.aborted, true);
  assert.equal(signal.reason, 'why');
  assert.throws(
    () => signal.throwIfAborted(),
    (e) => e === 'why',
  );
  assert.deepEqual(heard, ['onabort', 'first why', 'object abort']);
  assert.equal(signal.listeners('abort').length, 0);
});
