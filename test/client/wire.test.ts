// The generated client against a loopback gateway: the exact wire of every
// API under every sign method, and the typed answer it decodes.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type OperationId, operations, TopClient } from '../../generated/client/src/node.ts';
import { reviveInt64 } from '../../generated/client/src/runtime/common/shape.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import type { FieldModel } from '../../generator/model/types.ts';
import { json, startTestGateway, TEST_APP_KEY, TEST_SECRET, type TestGateway } from '../support/test-gateway.ts';

const model = buildModel((await loadSpec('spec/openapi.yaml')).document);
const FIXED_NOW = Date.parse('2026-11-24T04:00:00Z'); // 2026-11-24 12:00:00 in GMT+8
let gateway: TestGateway;
before(async () => {
  gateway = await startTestGateway();
});
after(() => gateway.close());

/** The spec's example, typed as the client takes it (int64 as bigint). */
function typedRequestExample(operationId: OperationId): Record<string, unknown> {
  const op = model.operations.find((o) => o.operationId === operationId)!;
  const example = structuredClone(op.requestExample) as Record<string, unknown>;
  for (const [name, spec] of Object.entries(operations[operationId].params)) {
    if (name in example) example[name] = reviveInt64(example[name], spec.shape);
  }
  return example;
}

/** The spec's example with int64 fields as bigint, by the model's fields (not the runtime's decoder). */
function withBigints(value: Record<string, unknown>, fields: FieldModel[]): Record<string, unknown> {
  for (const f of fields) {
    const v = value[f.name];
    if (v === undefined) continue;
    if (f.shape.kind === 'int64') value[f.name] = BigInt(v as number);
    else if (f.shape.kind === 'object') withBigints(v as Record<string, unknown>, f.shape.fields);
  }
  return value;
}

for (const op of model.operations) {
  for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) {
    test(`${op.method} × ${signMethod}: exact wire and typed answer`, async () => {
      const operationId = op.operationId as OperationId;
      const successExample = op.jsonExamples.find((e) => e.name === 'success')!.value as Record<string, Record<string, unknown>>;
      gateway.requests.length = 0;
      gateway.respond((_req, res) => json(res, JSON.stringify({ [op.responseRoot]: { ...successExample[op.responseRoot], request_id: 'rid-1' } })));
      const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, signMethod, now: () => FIXED_NOW, partnerId: 'top-payments-test' });
      const params = typedRequestExample(operationId);
      const answer = await client.call(op.method as never, params as never, op.session ? { session: 'user-session-1' } : {});
      client.close();

      assert.equal(gateway.requests.length, 1);
      const seen = gateway.requests[0]!;
      assert.equal(seen.httpMethod, 'POST');
      assert.equal(seen.path, '/router/rest');
      assert.equal(seen.headers['content-type'], 'application/x-www-form-urlencoded;charset=UTF-8');
      const expectedSystem: Record<string, string> = {
        method: op.method,
        app_key: TEST_APP_KEY,
        timestamp: '2026-11-24 12:00:00',
        v: '2.0',
        sign_method: signMethod,
        format: 'json',
        partner_id: 'top-payments-test',
      };
      if (op.session) expectedSystem.session = 'user-session-1';
      const { sign, ...system } = seen.query;
      assert.deepEqual(system, expectedSystem, 'system parameters in the query string');
      assert.match(sign!, signMethod === 'hmac-sha256' ? /^[0-9A-F]{64}$/ : /^[0-9A-F]{32}$/);
      assert.ok(seen.signatureValid, 'signature verified by the independent signer');

      // Business parameters: one form field each. Checked against the spec's own
      // example (plain JSON numbers there), not against the runtime's encoder.
      const example = op.requestExample as Record<string, unknown>;
      assert.deepEqual(Object.keys(seen.body).sort(), Object.keys(example).sort());
      for (const param of op.params) {
        const sent = seen.body[param.name]!;
        if (param.shape.kind === 'object' || param.shape.kind === 'array') {
          assert.deepEqual(JSON.parse(sent), example[param.name], `${param.name} carries the example's values`);
          assert.equal(sent, JSON.stringify(JSON.parse(sent)), `${param.name} is compact JSON`);
          // Keys in the schema's order, as the seeds' Java example sets them.
          const order = param.shape.kind === 'object' ? param.shape.fields.map((f) => f.name) : [];
          const keys = Object.keys(JSON.parse(sent) as object);
          assert.deepEqual(
            keys,
            order.filter((k) => keys.includes(k)),
            `${param.name} fields in schema order`,
          );
        } else {
          assert.equal(sent, String(example[param.name]));
        }
      }
      if (operationId === 'alibabaCloudgameTradeplatformPayorder') {
        assert.ok(seen.body.request_param!.startsWith('{"charge_item_code":"1","order_id":"1","category_code":"1","refund_subscribe_list":[{"subscribe_id":"1","refund_amount":1}]'));
      }

      // The answer: unwrapped, request_id kept, int64 fields as bigint.
      const expectedAnswer = { ...withBigints(structuredClone(successExample[op.responseRoot]), op.response), request_id: 'rid-1' };
      assert.deepEqual(answer, expectedAnswer);
    });
  }
}

test('int64 above 2^53 survives both ways', async () => {
  gateway.requests.length = 0;
  gateway.respond((_req, res) =>
    json(
      res,
      '{"alibaba_alisports_lianbei_xpos_pay_response":{"result":{"model":{"biz_order_id":9007199254740993,"current_pay_fee":9223372036854775807,"buyer_id":-9223372036854775808},"success":true},"request_id":"r"}}',
    ),
  );
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url });
  const answer = await client.alibabaAlisportsLianbeiXposPay({
    param0: { nego_price: '1', qr_code: '1', request_id: 'idem-1', out_biz_id: '1', cashier_name: 'n', cashier_id: '1', store_id: '1', item_id: 9007199254740993n },
  });
  client.close();
  assert.equal(answer.result?.model?.biz_order_id, 9007199254740993n);
  assert.equal(answer.result?.model?.current_pay_fee, 9223372036854775807n);
  assert.equal(answer.result?.model?.buyer_id, -9223372036854775808n);
  assert.match(gateway.requests[0]!.body.param0!, /"item_id":9007199254740993[,}]/);
});

test('the worked example B of the protocol notes is what the client sends and signs', async () => {
  gateway.requests.length = 0;
  gateway.respond((_req, res) => json(res, '{"alibaba_cloudgame_tradeplatform_payorder_response":{"result_success":true}}'));
  for (const [signMethod, want] of [
    ['md5', '0B0F26C9D5E3CEE0061D5262FF597B8F'],
    ['hmac', 'E137B5219AD617A9B307AADC58A71272'],
    ['hmac-sha256', '452F3A320965575AE110F5E3A5DE6FFFEADB4EB20FE506AA871AAEA23FC9E7A2'],
  ] as const) {
    const client = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: gateway.url, signMethod, now: () => FIXED_NOW });
    await client.alibabaCloudgameTradeplatformPayorder({
      request_param: {
        charge_item_code: '1',
        order_id: '1',
        category_code: '1',
        user_country: 'CHINA',
        balance_pay_amount: 1n,
        tenant_id: 9007199254740993n,
        commodity_code: '1',
        pay_start_time: 1n,
        currency: 'CNY',
        pay_idempotent_code: '1',
        pay_serial_id: '1',
      },
    });
    client.close();
    assert.equal(gateway.requests.at(-1)!.query.sign, want, signMethod);
  }
});
