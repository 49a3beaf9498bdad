// The node:http pool's idle sweep (issue 16, found in review): a socket the sweep
// destroys stays in agent.freeSockets until its 'close' event (the close phase
// of the loop). A call made before that, with the pool's tail destroyed and its
// head alive (a shorter limit from a server's Keep-Alive hint), is handed the
// destroyed socket by node's LIFO pop: it fails as "may have reached the
// gateway" though nothing was sent. Real server on loopback, port 0.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { test } from 'node:test';
import { nodeHttpTransport } from '../../generated/client/src/node.ts';

test('a call made just after the sweep closed a pooled socket is not given that socket', async () => {
  const s = http.createServer((req, res) => {
    req.resume();
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    req.on('end', () =>
      setTimeout(
        () => {
          // Only some answers carry the hint: that socket gets a shorter idle limit (2 s - 1.5 s).
          if (q.get('h')) res.setHeader('keep-alive', 'timeout=2');
          res.end('{}');
        },
        Number(q.get('d') ?? 0),
      ),
    );
  });
  s.keepAliveTimeout = 0; // no automatic Keep-Alive header; the server never closes idle connections itself
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/router/rest`;

  // Which socket carried which call (the transport calls http.request).
  const realRequest = http.request;
  const socketOf = new Map<string, Socket>();
  http.request = ((...args: Parameters<typeof http.request>) => {
    const req = realRequest(...args);
    const path = (args[0] as http.RequestOptions).path ?? '';
    req.on('socket', (socket) => socketOf.set(path, socket as Socket));
    return req;
  }) as typeof http.request;

  const transport = nodeHttpTransport({ idleSocketTimeoutMs: 5000 });
  const send = (query: string) => transport.send({ method: 'm', url: `${url}?${query}`, headers: {}, body: 'x=1', timeoutMs: 5000, maxResponseBytes: 1024 });
  try {
    // Two connections: the plain one is freed first (pool head), the hinted one second (pool tail).
    await Promise.all([send('d=0'), send('d=100&h=1')]);
    const hinted = socketOf.get('/router/rest?d=100&h=1')!;
    assert.notEqual(hinted, socketOf.get('/router/rest?d=0'), 'two connections');
    // When the sweep destroys the hinted socket, a call is made in the same turn of the loop
    // (as a call from another timer or an I/O callback would be), before its 'close'.
    const next = new Promise<unknown>((resolve) => {
      const destroy = hinted.destroy.bind(hinted);
      hinted.destroy = (error?: Error) => {
        const result = destroy(error);
        setImmediate(() => send('d=0&after=sweep').then(resolve, resolve));
        return result;
      };
    });
    const answer = await next;
    assert.ok(!(answer instanceof Error), `the call after the sweep failed: ${String(answer)}`);
  } finally {
    http.request = realRequest;
    transport.close?.();
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});
