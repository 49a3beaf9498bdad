// The fetch transport's probe (plain-stop-signal.ts) asks whether a Request
// follows a plain stop signal. It must answer for the fetch that is called,
// not for whatever the global Request is: a setup that replaces only the
// global Request (a test environment or polyfill installing undici 6's
// classes from npm on Node 24, whose own fetch is undici 7) has a global
// Request that follows one while the runtime's fetch refuses it, and every
// call failed with TopNetworkError "member signal is not of type AbortSignal"
// (rv14). This file is alone so that the probe first runs here, with the
// global Request replaced. Run on Node 20 here, on 22 and 24 by the matrix.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { fetchTransport } from '../../generated/client/src/index.ts';

/** A Request that takes any signal-shaped object (as undici 6's does), over the runtime's own. */
function tolerantRequest(Native: typeof Request): typeof Request {
  return class Request extends Native {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      // A signal-shaped object that is no AbortSignal (the fetch transport's PlainStopSignal).
      const signal = init?.signal as unknown as { aborted: boolean; reason: unknown; addEventListener(type: 'abort', fn: () => void): void } | null | undefined;
      if (signal && !((signal as unknown) instanceof AbortSignal)) {
        const own = new AbortController();
        if (signal.aborted) own.abort(signal.reason);
        else signal.addEventListener('abort', () => own.abort(signal.reason));
        super(input, { ...init, signal: own.signal });
      } else super(input, init);
    }
  };
}

test("a global Request replaced by one that follows any signal-shaped object does not make the runtime's fetch get a plain signal", async (t) => {
  const Native = globalThis.Request;
  globalThis.Request = tolerantRequest(Native);
  t.after(() => {
    globalThis.Request = Native;
  });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":1}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const transport = fetchTransport();
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router/rest`;
    const answer = await transport
      .send({ method: 'm', url, headers: { 'content-type': 'text/plain', accept: 'application/json' }, body: 'x=1', timeoutMs: 5_000, maxResponseBytes: 1 << 16 })
      .catch((e: Error) => assert.fail(`${e.name}: ${e.message} (cause: ${String(e.cause)})`));
    assert.equal(answer.status, 200);
    assert.equal(answer.body, '{"ok":1}');
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
