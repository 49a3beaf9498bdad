// The global fetch is often not the runtime's own: an instrumentation (MSW,
// Sentry, Datadog), a timeout shim or a newer fetch (undici 7 from npm,
// node-fetch) replaces it. The fetch transport's plain stop signal is followed
// by Node 20's and 22's own fetch only (plain-stop-signal.ts); handed to a
// wrapper that combines it with AbortSignal.any it was never heard (the call
// outlived its timeout, without end, and the request kept running), and a
// fetch that takes only a real AbortSignal refused every call with "member
// signal is not of type AbortSignal". Each wrapper here must see a timeout end
// the call with TopTimeoutError, the caller's signal with TopAbortError, and
// the connection closed. Run on Node 20 here, and on 22 and 24 by the matrix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fetchTransport, TopAbortError, TopClient, TopTimeoutError } from '../../generated/client/src/index.ts';
import { silentGateway } from '../support/silent-gateway.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';
import { within } from '../support/within.ts';

const notify = { tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } };
type Fetch = typeof globalThis.fetch;

/** Realistic replacements of the global fetch, each given the fetch it replaces. */
const wrappers: Record<string, (original: Fetch) => Fetch> = {
  'a pass-through tracer': (original) => (input, init) => original(input, init),
  'an interceptor that makes a Request of (input, init)': (original) => (input, init) => original(new Request(input, init)),
  'a timeout shim: AbortSignal.any([init.signal, AbortSignal.timeout(60 s)])': (original) => (input, init) =>
    original(input, { ...init, signal: AbortSignal.any([init?.signal as AbortSignal, AbortSignal.timeout(60_000)]) }),
  'a wrapper that forwards AbortSignal.any([init.signal])': (original) => (input, init) => original(input, { ...init, signal: AbortSignal.any([init?.signal as AbortSignal]) }),
  'a wrapper that calls init.signal.throwIfAborted()': (original) => (input, init) => {
    init?.signal?.throwIfAborted();
    return original(input, init);
  },
  'a wrapper that forwards through its own controller via signal.onabort': (original) => (input, init) => {
    const own = new AbortController();
    const signal = init?.signal as AbortSignal;
    signal.onabort = () => own.abort(signal.reason);
    return original(input, { ...init, signal: own.signal });
  },
  // undici 7 from npm (as Node 24's fetch) and node-fetch take only a real AbortSignal.
  'a fetch that takes only a real AbortSignal (undici 7, node-fetch)': (original) => (input, init) => {
    if (init?.signal != null && !(init.signal instanceof AbortSignal)) {
      return Promise.reject(new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal."));
    }
    return original(input, init);
  },
};

for (const [name, wrap] of Object.entries(wrappers)) {
  for (const how of ['timeout', 'signal'] as const) {
    test(`global fetch replaced by ${name}: the ${how === 'timeout' ? 'timeout' : "caller's signal"} ends the call and closes the connection`, async (t) => {
      const gateway = await silentGateway();
      const original = globalThis.fetch;
      globalThis.fetch = wrap(original);
      t.after(() => {
        globalThis.fetch = original;
      });
      const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: fetchTransport(), timeoutMs: how === 'timeout' ? 300 : 30_000 });
      const controller = new AbortController();
      if (how === 'signal') void gateway.received.then(() => controller.abort(new Error('user cancelled')));
      try {
        const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify, { signal: controller.signal }), 5_000);
        assert.notEqual(out, 'still waiting', 'the call ended');
        const e = (out as { settled: unknown }).settled;
        assert.ok(how === 'timeout' ? e instanceof TopTimeoutError : e instanceof TopAbortError, `${String(e)} (cause: ${String((e as Error).cause)})`);
        // Not for the wrapper that makes a Request: undici follows that Request's signal by a weak reference, and a GC can cut it (the last test here).
        if (!name.includes('makes a Request')) assert.notEqual(await within(gateway.closed, 5_000), 'still waiting', 'the connection was closed by the client');
        assert.equal(gateway.requests(), 1, 'sent once: the client (retries 2 by default) never sends again over fetch');
      } finally {
        client.close();
        await gateway.stop();
      }
    });
  }
}

// undici follows the signal of `new Request(input, { signal })` through a weak
// reference to that Request: once fetch has copied it and a GC has collected
// it, the exchange's stop no longer reaches the fetch. A wrapper that fetches
// such a Request (MSW's interceptor does) hung past its timeout under GC
// pressure, on Node 20 to 24, with an AbortController as with a plain signal.
// The call must end on time all the same; the connection may stay open, as
// nothing reaches the fetch any more.
test('global fetch replaced by an interceptor that makes a Request, collected by a GC while the call waits: the timeout still ends the call', async (t) => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const gateway = await silentGateway();
  const original = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => original(new Request(input, init))) as typeof fetch;
  const collecting = setInterval(gc, 20);
  t.after(() => {
    clearInterval(collecting);
    globalThis.fetch = original;
  });
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: fetchTransport(), timeoutMs: 300 });
  try {
    const out = await within(client.alibabaDiantaoTripartiteRightPayNotify(notify), 5_000);
    assert.notEqual(out, 'still waiting', 'the call ended');
    const e = (out as { settled: unknown }).settled;
    assert.ok(e instanceof TopTimeoutError, String(e));
    assert.equal(gateway.requests(), 1);
  } finally {
    client.close();
    await gateway.stop();
  }
});
