// The fastify plugin inside an app whose own hooks refuse requests (a rate
// limiter's onRequest, an auth preHandler): a refused call must stay refused.
// The plugin's error handler answers only fastify's body errors the TOP way;
// any other error is the host app's to answer, and no handler runs.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { createGateway } from '../../generated/server/src/index.ts';
import { form, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';

const METHOD = 'alibaba.alisports.lianbei.xpos.pay';
const param0 = '{"nego_price":"1","qr_code":"q","request_id":"parent-hooks-1","out_biz_id":"o","cashier_name":"c","cashier_id":"ci","store_id":"s"}';

for (const hook of ['onRequest', 'preHandler'] as const) {
  test(`a host app's ${hook} hook that refuses a call: its answer stands and the handler never runs`, async () => {
    let ran = 0;
    const gateway = createGateway({
      apps: () => SECRET,
      handlers: {
        alibabaAlisportsLianbeiXposPay: () => {
          ran++;
          return { result: { success: true } };
        },
      },
    });
    const app = Fastify();
    app.addHook(hook, async (request) => {
      if (request.headers['x-allowed'] !== 'yes') throw Object.assign(new Error('too many requests'), { statusCode: 429 });
    });
    app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => reply.code(error.statusCode ?? 500).send({ refused: error.message }));
    await app.register(gateway.fastifyPlugin);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/router/rest`;
    try {
      // Every parameter in the query (a GET), so an empty body would not stop the call.
      const query = form(signedParams(METHOD, { param0 }));
      const refused = await rawRequest(url, { method: 'GET', path: `/router/rest?${query}` });
      assert.equal(refused.status, 429);
      assert.deepEqual(refused.json, { refused: 'too many requests' });
      const refusedPost = await rawRequest(url, { path: `/router/rest?${query}`, body: 'a=b' });
      assert.equal(refusedPost.status, 429);
      assert.equal(ran, 0, 'a call the host app refused ran its handler');
      const allowed = await rawRequest(url, { method: 'GET', path: `/router/rest?${query}`, headers: { 'x-allowed': 'yes' } });
      assert.equal(allowed.status, 200);
      assert.equal(allowed.json.alibaba_alisports_lianbei_xpos_pay_response.result.success, true);
      assert.equal(ran, 1);
    } finally {
      await app.close();
    }
  });
}
