// The transport seam: node:http and fetch against a gateway that drops the
// connection after reading the request (sent once, never resent), what each
// transport can prove, and that the core retries only on a transport's proof.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { after, before, test } from 'node:test';
import {
  type AlibabaCloudgameTradeplatformPayorderRequest,
  fetchTransport,
  isNodeItself,
  nodeHttpTransport,
  TopAbortError,
  TopClient,
  TopDecodeError,
  TopNetworkError,
  TopTimeoutError,
  type Transport,
  type TransportRequest,
} from '../../generated/client/src/node.ts';
import { json, startTestGateway, TEST_APP_KEY, TEST_SECRET, type TestGateway } from '../support/test-gateway.ts';
import { type DropServer, startDropServer } from './drop-server.ts';

let gateway: TestGateway;
before(async () => {
  gateway = await startTestGateway();
});
after(() => gateway.close());

const payorder = (key = 'idem-1'): AlibabaCloudgameTradeplatformPayorderRequest => ({
  request_param: {
    charge_item_code: '1',
    order_id: '1',
    category_code: '1',
    user_country: 'CHINA',
    balance_pay_amount: 1n,
    tenant_id: 1n,
    commodity_code: '1',
    pay_start_time: 1n,
    currency: 'CNY',
    pay_idempotent_code: key,
    pay_serial_id: '1',
  },
});

async function rejects<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof type, `expected ${type.name}, got ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
  return error as E;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const transports: { name: string; make: () => Transport }[] = [
  { name: 'node:http', make: () => nodeHttpTransport() },
  { name: 'fetch', make: () => fetchTransport() },
];

test('what each transport can prove: node:http on Node yes, fetch never', () => {
  assert.equal(isNodeItself(), true);
  assert.equal(nodeHttpTransport().provesUnsent, true);
  assert.equal(fetchTransport().provesUnsent, false);
  assert.equal(nodeHttpTransport().name, 'node:http');
  assert.equal(fetchTransport().name, 'fetch');
});

test('default transport: node:http from the Node entry, fetch from the portable one', async () => {
  gateway.respond((_r, res) => json(res, '{"alibaba_cloudgame_tradeplatform_payorder_response":{"result_success":true}}'));
  // The Node entry sets a process-wide default, so the portable entry's own
  // default is seen in a process that never loaded the Node entry.
  const script = (entry: string) => `
    const { TopClient } = await import(${JSON.stringify(new URL(`../../generated/client/dist/${entry}`, import.meta.url).href)});
    let name;
    const top = new TopClient({ appKey: '${TEST_APP_KEY}', appSecret: '${TEST_SECRET}', gateway: process.argv[1], hooks: { beforeSend: (e) => { name = e.transport; } } });
    await top.call('alibaba.cloudgame.tradeplatform.payorder', { request_param: { charge_item_code: '1', order_id: '1', category_code: '1', user_country: 'CHINA', balance_pay_amount: 1n, tenant_id: 1n, commodity_code: '1', pay_start_time: 1n, currency: 'CNY', pay_idempotent_code: 'd', pay_serial_id: '1' } });
    top.close();
    console.log(name);`;
  const run = (entry: string) =>
    new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['--input-type=module', '-e', script(entry), gateway.url], (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout.trim())));
    });
  assert.equal(await run('index.js'), 'fetch');
  assert.equal(await run('node.js'), 'node:http');
});

for (const t of transports) {
  for (const mode of ['end', 'reset'] as const) {
    test(`${t.name}: a gateway that reads the request and drops the connection (${mode === 'end' ? 'FIN' : 'RST'}) saw it exactly once; reported as possibly sent`, async () => {
      const server: DropServer = await startDropServer(mode);
      const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: server.url, transport: t.make(), retries: 5, retryDelayMs: 1 });
      try {
        const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder('drop-1')), TopNetworkError);
        assert.equal(e.reachedGateway, true, 'the gateway may have acted');
        // Give a (wrong) retry time to arrive before counting.
        await new Promise((r) => setTimeout(r, 50));
        assert.equal(server.seen.length, 1, `the server saw the request exactly once (saw ${server.seen.length})`);
        assert.match(server.seen[0]!, /^POST \/router\/rest\?.*method=alibaba\.cloudgame\.tradeplatform\.payorder/);
        assert.match(server.seen[0]!, /pay_idempotent_code%22%3A%22drop-1/);
      } finally {
        client.close();
        await server.close();
      }
    });
  }

  test(`${t.name}: a keep-alive connection dropped after the request on its second use: sent once`, async () => {
    // First call answered on a keep-alive connection; the server then reads the
    // second request on the same connection and drops it.
    let n = 0;
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(body);
        if (n++ === 0) json(res, '{"alibaba_cloudgame_tradeplatform_payorder_response":{"result_success":true}}');
        else req.socket.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/router/rest`;
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: url, transport: t.make(), retries: 5, retryDelayMs: 1 });
    try {
      await client.alibabaCloudgameTradeplatformPayorder(payorder('ka-1'));
      const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder('ka-2')), TopNetworkError);
      assert.equal(e.reachedGateway, true);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(seen.filter((b) => b.includes('ka-2')).length, 1, 'the second call was seen exactly once');
    } finally {
      client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test(`${t.name}: a silent gateway is a TopTimeoutError, sent once`, async () => {
    const attempts: number[] = [];
    const client = new TopClient({
      appKey: TEST_APP_KEY,
      appSecret: TEST_SECRET,
      gateway: gateway.url,
      transport: t.make(),
      timeoutMs: 1000,
      retries: 3,
      hooks: { beforeSend: (event) => void attempts.push(event.attempt) },
    });
    // The gateway must get the request before the client gives up, or there is nothing to
    // count there. With 100 ms a loaded machine ran the timer before the bytes went out (the
    // gateway saw none: 0 !== 1; alone, a cold first call took longer than that too). So a
    // first, answered call leaves a pooled connection to send on, and the timeout is 1 s:
    // what this test proves is the error and that nothing is sent again, not how soon.
    gateway.respond((_r, res) => json(res, '{"alibaba_cloudgame_tradeplatform_payorder_response":{"result_success":true}}'));
    await client.alibabaCloudgameTradeplatformPayorder(payorder(), { timeoutMs: 30_000 });
    gateway.requests.length = 0;
    attempts.length = 0;
    gateway.respond(() => {});
    const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopTimeoutError);
    client.close();
    assert.equal(e.timeoutMs, 1000);
    assert.deepEqual(attempts, [1], 'a timeout is never retried');
    // The gateway records a request once it has read and checked it, which on
    // a busy machine may come after the client gave up: wait for it, then
    // give a (wrong) retry time to arrive.
    for (let i = 0; i < 200 && gateway.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(gateway.requests.length, 1);
  });

  test(`${t.name}: an AbortSignal stops the call`, async () => {
    gateway.respond(() => {});
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: t.make() });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder(), { signal: controller.signal }), TopAbortError);
    assert.match(String((e.reason as Error).message), /user cancelled/);
    await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder(), { signal: AbortSignal.abort() }), TopAbortError);
    client.close();
  });

  test(`${t.name}: an answer over maxResponseBytes is a TopDecodeError`, async () => {
    gateway.respond((_r, res) => json(res, `{"alibaba_cloudgame_tradeplatform_payorder_response":{"x":"${'a'.repeat(100_000)}"}}`));
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: t.make(), maxResponseBytes: 1000 });
    const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopDecodeError);
    client.close();
    assert.match(e.message, /larger than 1000 bytes/);
  });

  test(`${t.name}: an answer of declared length is read whole within maxResponseBytes and refused past it`, async () => {
    const answer = `{"alibaba_cloudgame_tradeplatform_payorder_response":{"x":"${'a'.repeat(900)}"}}`;
    gateway.respond((_r, res) => {
      res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
    const fits = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: t.make(), maxResponseBytes: Buffer.byteLength(answer) });
    assert.equal(((await fits.alibabaCloudgameTradeplatformPayorder(payorder())) as unknown as { x: string }).x.length, 900);
    fits.close();
    const tooSmall = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: t.make(), maxResponseBytes: Buffer.byteLength(answer) - 1 });
    const e = await rejects(tooSmall.alibabaCloudgameTradeplatformPayorder(payorder()), TopDecodeError);
    tooSmall.close();
    assert.match(e.message, new RegExp(`larger than ${Buffer.byteLength(answer) - 1} bytes`));
  });

  test(`${t.name}: a redirect is not followed (a POST is never turned into a GET or sent elsewhere)`, async () => {
    gateway.requests.length = 0;
    gateway.respond((_r, res) => {
      res.writeHead(302, { location: '/elsewhere' });
      res.end();
    });
    const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, transport: t.make() });
    const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopDecodeError);
    client.close();
    assert.equal(e.status, 302);
    assert.equal(gateway.requests.length, 1);
  });

  test(`${t.name}: sends bytes with their own content type unchanged (the seam a multipart upload uses)`, async () => {
    const transport = t.make();
    gateway.requests.length = 0;
    gateway.respond((_r, res) => json(res, '{"ok":true}'));
    const bytes = new Uint8Array([0, 1, 2, 255, 0x0d, 0x0a, 0xe4, 0xb8, 0xad]);
    const framed = new Uint8Array(20);
    framed.set(bytes, 5);
    const request: TransportRequest = {
      method: 'x.y',
      url: `${gateway.url}?a=1`,
      body: framed.subarray(5, 5 + bytes.length),
      timeoutMs: 5000,
      maxResponseBytes: 1000,
      headers: { 'content-type': 'multipart/form-data; boundary=XyZ', accept: 'application/json' },
    };
    const answer = await transport.send(request);
    transport.close?.();
    assert.deepEqual(answer, { status: 200, contentType: 'application/json;charset=UTF-8', body: '{"ok":true}' });
    const seen = gateway.requests[0]!;
    assert.equal(seen.headers['content-type'], 'multipart/form-data; boundary=XyZ');
    assert.equal(seen.headers['content-length'], String(bytes.length));
    assert.deepEqual([...Buffer.from(seen.rawBody, 'latin1')].length > 0, true);
  });
}

test('fetch: a refused connection is not retried (fetch cannot prove it never left)', async () => {
  const port = await closedPort();
  let calls = 0;
  const transport = fetchTransport({
    fetch: (input, init) => {
      calls++;
      return globalThis.fetch(input, init);
    },
  });
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: `http://127.0.0.1:${port}/router/rest`, transport, retries: 3, retryDelayMs: 1 });
  const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopNetworkError);
  assert.equal(e.reachedGateway, true);
  assert.equal(calls, 1);
});

test('node:http: a refused connection is provably unsent: retried, then reported as never reached', async () => {
  const port = await closedPort();
  let sends = 0;
  const inner = nodeHttpTransport();
  const transport: Transport = {
    name: inner.name,
    provesUnsent: inner.provesUnsent,
    send: (r) => {
      sends++;
      return inner.send(r);
    },
    close: () => inner.close?.(),
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: `http://127.0.0.1:${port}/router/rest`, transport, retries: 2, retryDelayMs: 1 });
  const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopNetworkError);
  client.close();
  assert.equal(e.reachedGateway, false);
  assert.equal(sends, 3);
});

test('a transport that cannot prove a request unsent never gets it retried, even when it says "never reached"', async () => {
  const bodies: string[] = [];
  const liar: Transport = {
    name: 'liar',
    provesUnsent: false,
    send: async (r) => {
      bodies.push(String(r.body));
      throw new TopNetworkError(r.method, false, 'ECONNREFUSED');
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: liar, retries: 3, retryDelayMs: 1 });
  const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopNetworkError);
  assert.equal(e.reachedGateway, true, 'reported as possibly sent');
  assert.equal(bodies.length, 1);
});

test('a transport that proves a request unsent gets it retried with the very same bytes', async () => {
  const sent: TransportRequest[] = [];
  const flaky: Transport = {
    name: 'flaky',
    provesUnsent: true,
    send: async (r) => {
      sent.push(r);
      if (sent.length < 3) throw new TopNetworkError(r.method, false, 'ECONNREFUSED');
      return { status: 200, contentType: 'application/json', body: '{"alibaba_cloudgame_tradeplatform_payorder_response":{"result_success":true}}' };
    },
  };
  let clock = Date.parse('2026-11-24T04:00:00Z');
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: flaky, retries: 3, retryDelayMs: 1, now: () => (clock += 1000) });
  const answer = await client.alibabaCloudgameTradeplatformPayorder(payorder());
  assert.equal(answer.result_success, true);
  assert.equal(sent.length, 3);
  assert.equal(new Set(sent.map((r) => `${r.url}|${String(r.body)}`)).size, 1, 'identical url (timestamp, sign) and body');
  assert.match(sent[0]!.url, /timestamp=2026-11-24%2012%3A00%3A01/);
});

test("a retry that times out reports the call's timeout, not what was left of it for the attempt", async () => {
  const sent: TransportRequest[] = [];
  const unsentThenSilent: Transport = {
    name: 'unsent-then-silent',
    provesUnsent: true,
    send: async (r) => {
      sent.push(r);
      // As node:http and fetch do: the attempt's timer names the time it was given.
      throw sent.length === 1 ? new TopNetworkError(r.method, false, 'ECONNREFUSED') : new TopTimeoutError(r.method, r.timeoutMs);
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: unsentThenSilent, timeoutMs: 1000, retryDelayMs: 20 });
  const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopTimeoutError);
  assert.equal(sent.length, 2);
  assert.equal(sent[0]!.timeoutMs, 1000, 'the first attempt gets the whole timeout');
  assert.ok(sent[1]!.timeoutMs < 1000, `the retry gets what is left (${sent[1]!.timeoutMs} ms)`);
  assert.equal(e.timeoutMs, 1000);
  assert.match(e.message, /no answer within 1000 ms/);
  assert.equal(e.reachedGateway, true);
});

test('a transport that throws something else is a TopNetworkError (possibly sent), not retried', async () => {
  let calls = 0;
  const broken: Transport = {
    name: 'broken',
    provesUnsent: true,
    send: async () => {
      calls++;
      throw new RangeError('bug');
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: broken, retries: 3, retryDelayMs: 1 });
  const e = await rejects(client.alibabaCloudgameTradeplatformPayorder(payorder()), TopNetworkError);
  assert.equal(e.reachedGateway, true);
  assert.ok(e.cause instanceof RangeError);
  assert.equal(calls, 1);
});

test('a transport without send() is refused by name', () => {
  assert.throws(() => new TopClient({ appKey: 'k', appSecret: 's', transport: {} as Transport }), /options.transport must have a send\(request\) method/);
});
