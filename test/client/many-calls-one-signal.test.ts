// Many calls over loopback through the built-in transports, a tenth timing out
// and a tenth aborted by their own signal, the rest sharing one caller's
// AbortSignal that never fires (a shutdown signal passed to every call, or one
// request's signal passed to its parallel calls). The heap after GC stays flat
// (no exchange leaves a listener, timer or stop signal behind), and nothing is
// printed: 11 calls in flight on one shared signal made Node print
// "MaxListenersExceededWarning: Possible EventTarget memory leak detected. 11
// abort listeners added to [AbortSignal]" (rv14), though nothing leaked.
// Firing the shared signal still ends every call in flight with TopAbortError.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fetchTransport, TopAbortError, type Transport } from '../../generated/client/src/index.ts';
import { nodeHttpTransport } from '../../generated/client/src/node.ts';

async function gateway(): Promise<{ base: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":1}');
      };
      if (req.url?.startsWith('/slow')) setTimeout(answer, 200);
      else if (!req.url?.startsWith('/stall')) answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function send(transport: Transport, url: string, timeoutMs: number, signal: AbortSignal) {
  return transport.send({ method: 'm', url, headers: { 'content-type': 'text/plain', accept: 'application/json' }, body: 'x=1', timeoutMs, signal, maxResponseBytes: 1 << 16 });
}

function collectWarnings(t: { after(fn: () => void): void }): string[] {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  t.after(() => process.off('warning', onWarning));
  return warnings;
}

const transports = { fetch: () => fetchTransport(), 'node:http': () => nodeHttpTransport() };

for (const [name, make] of Object.entries(transports)) {
  test(`${name}: 30 calls in flight on one caller's signal print no warning, and firing it ends them all with TopAbortError`, async (t) => {
    const warnings = collectWarnings(t);
    const gw = await gateway();
    const transport = make();
    const shared = new AbortController();
    try {
      const calls = Array.from({ length: 30 }, () =>
        send(transport, `${gw.base}/stall`, 30_000, shared.signal).then(
          () => 'answered',
          (e: unknown) => e,
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
      shared.abort(new Error('shutting down'));
      for (const out of await Promise.all(calls)) assert.ok(out instanceof TopAbortError, String(out));
      await new Promise((r) => setImmediate(r));
      assert.deepEqual(warnings, []);
    } finally {
      transport.close?.();
      await gw.stop();
    }
  });
}

// A full GC without --expose-gc on the command line.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

test('fetch: 12,000 calls (a tenth timed out, a tenth aborted, the rest on one shared signal) leave the heap flat and print nothing', async (t) => {
  const warnings = collectWarnings(t);
  const gw = await gateway();
  const transport = fetchTransport();
  const shared = new AbortController();
  const outcomes: Record<string, number> = {};
  let next = 0;
  const one = async (i: number) => {
    const kind = i % 10 === 0 ? 'timeout' : i % 10 === 1 ? 'abort' : 'answer';
    let signal = shared.signal;
    if (kind === 'abort') {
      const own = new AbortController();
      setTimeout(() => own.abort(new Error('cancelled')), 5);
      signal = own.signal;
    }
    const out = await send(transport, `${gw.base}/${kind === 'answer' ? 'ok' : 'slow'}`, kind === 'timeout' ? 10 : 30_000, signal).then(
      () => 'answered',
      (e: Error) => e.name,
    );
    outcomes[`${kind}: ${out}`] = (outcomes[`${kind}: ${out}`] ?? 0) + 1;
  };
  const round = async (n: number) => {
    const end = next + n;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < end) await one(next++);
      }),
    );
    await new Promise((r) => setTimeout(r, 250)); // the last timed-out exchanges' sockets close
  };
  const heap = () => {
    for (let i = 0; i < 4; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  try {
    await round(2_000); // warm-up: JIT, the connection pool
    const before = heap();
    await round(10_000);
    const after = heap();
    assert.deepEqual(outcomes, { 'answer: answered': 9_600, 'timeout: TopTimeoutError': 1_200, 'abort: TopAbortError': 1_200 });
    // 200 bytes a call kept would be 2 MB.
    assert.ok(after - before < 2 * 1024 * 1024, `heap grew by ${after - before} bytes over 10,000 calls`);
    assert.deepEqual(warnings, []);
  } finally {
    transport.close?.();
    await gw.stop();
  }
});
