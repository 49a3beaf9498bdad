// HTTP hardening of the node:http entry point: createGatewayServer's
// timeouts cut off slow or idle clients; a charset other than UTF-8 answers
// 47; a path other than the gateway's answers a TOP error, never a handler's.

import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { test } from 'node:test';
import { createGateway, createGatewayServer, DEFAULT_SERVER_TIMEOUTS } from '../../generated/server/src/index.ts';
import { form, post, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const NOTIFY = 'alibaba.diantao.tripartite.right.pay.notify';

async function serve(timeouts: Parameters<typeof createGatewayServer>[1]) {
  let runs = 0;
  const server = createGatewayServer(createGateway({ apps: () => SECRET, handlers: { alibabaDiantaoTripartiteRightPayNotify: () => ({ succ: ++runs > 0 }) } }), timeouts);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    runs: () => runs,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Opens a socket, writes `chunks` (then stays silent), and resolves with what it read when the server closed it, or 'OPEN' after `giveUpMs`. */
function silentClient(port: number, chunks: string[], giveUpMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('OPEN');
    }, giveUpMs);
    socket.on('connect', () => chunks.forEach((c) => socket.write(c)));
    socket.on('data', (d) => (data += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data || 'CLOSED');
    });
  });
}

test('createGatewayServer has safe defaults (headers 10 s, request 30 s, keep-alive 5 s) and checks them often', () => {
  assert.deepEqual(DEFAULT_SERVER_TIMEOUTS, { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxRequestsPerSocket: 1000 });
  const server = createGatewayServer(createGateway({ apps: () => SECRET, handlers: {} }));
  assert.equal(server.headersTimeout, 10_000);
  assert.equal(server.requestTimeout, 30_000);
  assert.equal(server.keepAliveTimeout, 5_000);
  assert.throws(() => createGatewayServer(createGateway({ apps: () => SECRET, handlers: {} }), { headersTimeoutMs: 0 }), /timeouts must be positive/);
});

test('a client that never finishes its headers (slowloris) is cut off after headersTimeoutMs', async () => {
  const s = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  try {
    const read = await silentClient(s.port, ['POST /router/rest HTTP/1.1\r\nHost: x\r\n'], 8000);
    assert.notEqual(read, 'OPEN');
    assert.match(read, /408|CLOSED/);
  } finally {
    await s.close();
  }
});

test('a client that never finishes its body is cut off after requestTimeoutMs, and nothing runs', async () => {
  const s = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
  try {
    const read = await silentClient(s.port, ['POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nmethod='], 8000);
    assert.notEqual(read, 'OPEN');
    assert.equal(s.runs(), 0);
  } finally {
    await s.close();
  }
});

test('an idle keep-alive connection is closed after keepAliveTimeoutMs', async () => {
  const s = await serve({ keepAliveTimeoutMs: 200 });
  try {
    const body = form(signedParams(NOTIFY, {}));
    const read = await silentClient(s.port, [`POST /router/rest HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`], 2000);
    assert.match(read, /^HTTP\/1\.1 200/, 'answered, then closed well before 2 s');
    assert.equal(s.runs(), 1);
  } finally {
    await s.close();
  }
});

for (const charset of ['GBK', 'iso-8859-1', 'utf-16']) {
  test(`a body declared charset=${charset} answers 47 isv.invalid-encoding and runs nothing`, async () => {
    let runs = 0;
    const g = await listen(createGateway({ apps: () => SECRET, handlers: { alibabaDiantaoTripartiteRightPayNotify: () => ({ succ: ++runs > 0 }) } }));
    try {
      const answer = await rawRequest(g.url, { body: form(signedParams(NOTIFY, {})), headers: { 'content-type': `application/x-www-form-urlencoded; charset=${charset}` } });
      assert.equal(answer.json.error_response.code, 47);
      assert.equal(answer.json.error_response.sub_code, 'isv.invalid-encoding');
      assert.equal(runs, 0);
      const ok = await rawRequest(g.url, { body: form(signedParams(NOTIFY, {})), headers: { 'content-type': 'application/x-www-form-urlencoded; charset="UTF-8"' } });
      assert.equal(ok.json.error_response, undefined);
      assert.equal(runs, 1);
    } finally {
      await g.close();
    }
  });
}

for (const target of ['/', '/router/rest/x', '/other?method=x', '/ROUTER/REST']) {
  test(`a request to ${target} answers 404 with a TOP error (22 isv.invalid-path) naming the gateway's path, not a handler's answer`, async () => {
    let runs = 0;
    const g = await listen(createGateway({ apps: () => SECRET, handlers: { alibabaDiantaoTripartiteRightPayNotify: () => ({ succ: ++runs > 0 }) } }));
    try {
      const answer = await rawRequest(g.url, { path: target.includes('?') ? `${target}&format=json` : `${target}?format=json`, body: form(signedParams(NOTIFY, {})) });
      assert.equal(answer.status, 404);
      assert.equal(answer.json.error_response.code, 22);
      assert.equal(answer.json.error_response.sub_code, 'isv.invalid-path');
      assert.match(answer.json.error_response.sub_msg, /answers at \/router\/rest, not /);
      assert.equal(runs, 0);
      assert.equal((await post(g.url, signedParams(NOTIFY, {}))).json.error_response, undefined, 'the gateway path still answers');
    } finally {
      await g.close();
    }
  });
}
