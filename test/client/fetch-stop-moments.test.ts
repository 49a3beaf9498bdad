// The fetch transport's stop (PlainStopSignal on Node 20 and 22, an
// AbortController elsewhere: plain-stop-signal.ts) at every moment of an
// exchange: while the request body goes out to a gateway that does not read
// it, while waiting for headers, mid-body of a chunked, a content-length, a
// gzip and a redirect answer. Each time the timeout must end the call with
// TopTimeoutError, the caller's signal with TopAbortError, the connection must
// close (the request does not keep running against the gateway), and the
// gateway must have seen the request once (the transport never sends again).
// Run on Node 20 here, on 22 and 24 by the matrix; Bun passes it too. Deno
// (2.x here) fails the first moment: stopped while a large body is going out,
// its fetch goes on writing the chunk it had started and closes the
// connection only when the gateway has read it (closing its HttpClient does
// not cut it either): a runtime limit the transport cannot reach.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { fetchTransport, TopAbortError, TopTimeoutError } from '../../generated/client/src/index.ts';
import { within } from '../support/within.ts';

/** What the gateway writes once it has read the request head (undefined: nothing; 'unread': it does not even read). */
const moments: Record<string, Buffer | 'unread' | undefined> = {
  'the request body going out (the gateway reads nothing)': 'unread',
  'waiting for headers': undefined,
  'a chunked body stalled mid-body': Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n5\r\n{"a":\r\n'),
  'a content-length body stalled mid-body': Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"a":'),
  'a gzip body stalled mid-body': Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 5000\r\n\r\n'),
    // Digits of a fixed sequence: a gzip that does not shrink to less than the part sent (Deno ends a gzip body at the stream's end).
    gzipSync(Buffer.from(`{"a":"${Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 10_007).join('')}"}`)).subarray(0, 2_000),
  ]),
  'a redirect answer stalled mid-body': Buffer.from('HTTP/1.1 302 Found\r\nlocation: http://127.0.0.1:9/elsewhere\r\ncontent-length: 100\r\n\r\nmoved'),
};

/** A raw loopback gateway: counts requests (by their head) and connections, writes `answer` after the head, then stalls. */
async function stallingGateway(answer: Buffer | 'unread' | undefined) {
  let heads = 0;
  let onHead!: () => void;
  let onClosed!: () => void;
  const head = new Promise<void>((r) => (onHead = r));
  const closed = new Promise<void>((r) => (onClosed = r));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', onClosed);
    socket.on('error', () => {});
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      heads++;
      onHead();
      if (answer === 'unread') socket.pause();
      else if (answer) socket.write(answer);
      if (answer === 'unread') socket.off('data', onData);
    };
    socket.on('data', onData);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/router/rest`,
    head,
    closed,
    heads: () => heads,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

// 16 MiB: more than the loopback socket buffers hold, so the body is still going out when the exchange stops.
const big = new Uint8Array(16 << 20);

for (const [moment, answer] of Object.entries(moments)) {
  for (const how of ['timeout', 'signal'] as const) {
    test(`fetch transport stopped by the ${how === 'timeout' ? 'timeout' : "caller's signal"} during ${moment}: the typed error, the connection closed, sent once`, async () => {
      const gateway = await stallingGateway(answer);
      const transport = fetchTransport();
      const controller = new AbortController();
      if (how === 'signal') void gateway.head.then(() => setTimeout(() => controller.abort(new Error('user cancelled')), 50));
      try {
        const out = await within(
          transport.send({
            method: 'm.pay',
            url: gateway.url,
            headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
            body: answer === 'unread' ? big : new Uint8Array(10),
            timeoutMs: how === 'timeout' ? 400 : 30_000,
            signal: controller.signal,
            maxResponseBytes: 1 << 20,
          }),
          5_000,
        );
        assert.notEqual(out, 'still waiting', 'the call ended');
        const e = (out as { settled: unknown }).settled;
        assert.ok(how === 'timeout' ? e instanceof TopTimeoutError : e instanceof TopAbortError, `${String(e)} (cause: ${String((e as Error).cause)})`);
        assert.notEqual(await within(gateway.closed, 5_000), 'still waiting', 'the connection was closed by the client');
        assert.equal(gateway.heads(), 1, 'the request went out once');
      } finally {
        transport.close?.();
        await gateway.stop();
      }
    });
  }
}
