// The fastify plugin as a user registers it on fastify 5: under a prefix,
// beside the user's own JSON route, with no warning printed, and carrying the
// metadata fastify-plugin would give it while keeping its own context.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { TopClient } from '../../generated/client/src/index.ts';
import { createGateway, type GatewayCore, type GatewayRequest, mockHandlers, TOP_GATEWAY_PLUGIN_NAME, topGatewayPlugin } from '../../generated/server/src/index.ts';
import { APP_KEY, form, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';

// Every process warning from here on: fastify prints FSTSEC001 and its other
// warnings through process.emitWarning.
const warnings: Error[] = [];
process.on('warning', (w) => warnings.push(w));

/** A core that records what the plugin hands it and answers a fixed body. */
function recordingCore(maxBodyBytes = 4096): { core: GatewayCore; seen: GatewayRequest[] } {
  const seen: GatewayRequest[] = [];
  const core = {
    limits: { maxBodyBytes },
    handle: async (request: GatewayRequest) => {
      seen.push(request);
      return { status: 200, headers: { 'content-type': 'application/json;charset=utf-8' }, body: '{"seen":true}' };
    },
  } as unknown as GatewayCore;
  return { core, seen };
}

let app: FastifyInstance;
let base: string;
const recorded = recordingCore();
before(async () => {
  app = Fastify();
  // The user's own routes: JSON in, JSON out, and one that fails.
  app.post('/api/echo', async (request) => ({ got: request.body }));
  app.get('/api/boom', async () => {
    throw new Error('boom');
  });
  await app.register(createGateway({ apps: () => SECRET, handlers: mockHandlers }).fastifyPlugin, { prefix: '/top' });
  await app.register(topGatewayPlugin(recorded.core, { path: '/raw' }), { prefix: '/rec' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
after(() => app.close());

test('registering the plugin prints no warning (no FSTSEC001: no /.*/ content-type parser)', () => {
  assert.deepEqual(
    warnings.map((w) => `${w.name} ${(w as { code?: string }).code ?? ''}: ${w.message}`),
    [],
  );
});

test('it carries fastify-plugin metadata that fastify reads: name, fastify 5.x, encapsulated', async () => {
  const plugin = topGatewayPlugin(recorded.core) as unknown as Record<symbol, unknown>;
  assert.deepEqual(plugin[Symbol.for('plugin-meta')], { name: 'top-gateway', fastify: '5.x', encapsulate: true });
  assert.equal(plugin[Symbol.for('fastify.display-name')], 'top-gateway');
  assert.equal(plugin[Symbol.for('skip-override')], false);
  assert.equal(TOP_GATEWAY_PLUGIN_NAME, 'top-gateway');
  // fastify took the name from plugin-meta (hasPlugin reads only that) ...
  assert.equal(app.hasPlugin('top-gateway'), true);
  assert.match(app.printPlugins(), /top-gateway/);
  // ... and checks its version range: the same plugin claiming fastify 4 is refused.
  const other = Fastify();
  const forFastify4 = Object.assign(async () => {}, { [Symbol.for('plugin-meta')]: { ...(plugin[Symbol.for('plugin-meta')] as object), fastify: '4.x' } });
  await assert.rejects(
    async () => {
      await other.register(forFastify4).ready();
    },
    { code: 'FST_ERR_PLUGIN_VERSION_MISMATCH' },
  );
  await other.close();
});

test('under a prefix, the gateway answers a real client; its routes stay inside the plugin', async () => {
  const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: `${base}/top/router/rest` });
  try {
    const answer = await client.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: 'fp-1', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } });
    assert.equal(answer.result?.success, true);
  } finally {
    client.close();
  }
  // The prefix applied (encapsulated): nothing answers at the bare path.
  assert.equal((await rawRequest(base, { path: '/router/rest', body: 'method=x' })).status, 404);
});

test("the user's JSON route beside it still gets JSON parsing, and its errors fastify's answer", async () => {
  const echo = await rawRequest(base, { path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '{"amount":1,"note":"x"}' });
  assert.equal(echo.status, 200);
  assert.deepEqual(echo.json, { got: { amount: 1, note: 'x' } });
  const badJson = await rawRequest(base, { path: '/api/echo', headers: { 'content-type': 'application/json' }, body: '{not json' });
  assert.equal(badJson.status, 400, 'fastify answers the user route, not the TOP error handler');
  assert.equal(badJson.json.code, 'FST_ERR_CTP_INVALID_JSON_BODY');
  const boom = await rawRequest(base, { method: 'GET', path: '/api/boom' });
  assert.equal(boom.status, 500);
  assert.equal(boom.json.message, 'boom');
});

test('form, multipart, JSON and untyped bodies reach the core as the raw bytes sent', async () => {
  const multipart = Buffer.concat([
    Buffer.from(
      '--b0undary\r\nContent-Disposition: form-data; name="method"\r\n\r\nalibaba.x\r\n--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from([0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x80]),
    Buffer.from('\r\n--b0undary--\r\n'),
  ]);
  const formBody = form(signedParams('alibaba.alisports.lianbei.xpos.pay', { param0: '{"a":"中文 & ="}' }));
  const sends: { type?: string; body: Buffer }[] = [
    { type: 'application/x-www-form-urlencoded;charset=UTF-8', body: Buffer.from(formBody) },
    { type: 'multipart/form-data; boundary=b0undary', body: multipart },
    { type: 'application/json', body: Buffer.from('{not json') },
    { type: 'text/xml', body: Buffer.from('<a/>') },
    { body: Buffer.from('no type at all') },
  ];
  recorded.seen.length = 0;
  for (const s of sends) {
    const headers: Record<string, string> = s.type ? { 'content-type': s.type } : {};
    const r = await rawRequest(base, { path: '/rec/raw?format=json', headers, body: s.body });
    assert.deepEqual(r.json, { seen: true });
  }
  assert.equal(recorded.seen.length, sends.length);
  sends.forEach((s, i) => {
    const got = recorded.seen[i]!;
    assert.equal(got.httpMethod, 'POST');
    assert.equal(got.url, '/rec/raw?format=json');
    assert.equal(got.bodyTooLarge, false);
    assert.ok(Buffer.from(got.body).equals(s.body), `body ${i} (${s.type}) arrived byte for byte`);
    if (s.type) assert.equal(got.contentType, s.type);
  });
});

test('a body over the core limit is handed over as too large, not refused by fastify', async () => {
  const small = recordingCore(16);
  const local = Fastify();
  await local.register(topGatewayPlugin(small.core));
  const r = await local.inject({ method: 'POST', url: '/router/rest', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: 'x'.repeat(64) });
  assert.equal(r.statusCode, 200);
  assert.equal(small.seen[0]?.bodyTooLarge, true);
  await local.close();
});

test('a multipart call (how TOP SDKs send uploads) is answered through fastify by the real gateway', async () => {
  const params = signedParams('alibaba.alisports.lianbei.xpos.pay', {
    param0: '{"nego_price":"1","qr_code":"q","request_id":"fp-multipart","out_biz_id":"o","cashier_name":"c","cashier_id":"ci","store_id":"s"}',
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(params)) form.append(name, value);
  const answer = await fetch(`${base}/top/router/rest`, { method: 'POST', body: form });
  const text = await answer.text();
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
  assert.match(text, /^\{"alibaba_alisports_lianbei_xpos_pay_response":\{"result":\{/, text);
});
