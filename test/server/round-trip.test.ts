// The generated client against the generated gateway (mock handlers), for
// every API × sign method, and the XML answers against the seeds' XML examples.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type OperationId, operations, TopClient } from '../../generated/client/src/node.ts';
import { createGateway, mockHandlers } from '../../generated/server/src/index.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import { encodeParams } from '../../runtime/common/params.ts';
import { reviveInt64 } from '../../runtime/common/shape.ts';
import { APP_KEY, post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const model = buildModel((await loadSpec('spec/openapi.yaml')).document);
let gateway: Awaited<ReturnType<typeof listen>>;
before(async () => {
  gateway = await listen(createGateway({ apps: (key) => (key === APP_KEY ? SECRET : undefined), verifySession: (s) => (s === 'user-1' ? { id: 1 } : null), handlers: mockHandlers }));
});
after(() => gateway.close());

function example(operationId: OperationId): Record<string, unknown> {
  const op = model.operations.find((o) => o.operationId === operationId)!;
  const value = structuredClone(op.requestExample) as Record<string, unknown>;
  for (const [name, spec] of Object.entries(operations[operationId].params)) if (name in value) value[name] = reviveInt64(value[name], spec.shape);
  return value;
}

/** The seed's XML example as the gateway writes it: no indentation; an empty element stays (the mock answers it as null, which XML writes empty). */
function normalizeSeedXml(xml: string): string {
  return xml.replace(/>\s+</g, '><').trim();
}

for (const op of model.operations) {
  const operationId = op.operationId as OperationId;
  for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) {
    test(`${op.method} × ${signMethod} × json: client → gateway → client`, async () => {
      const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: gateway.url, signMethod, validateResponses: true });
      const params = example(operationId);
      const answer = (await client.call(op.method as never, params as never, op.session ? { session: 'user-1' } : {})) as Record<string, unknown>;
      client.close();
      const expected = reviveInt64(structuredClone((op.jsonExamples.find((e) => e.name === 'success')!.value as Record<string, unknown>)[op.responseRoot]), operations[operationId].response) as Record<
        string,
        unknown
      >;
      const { request_id, ...rest } = answer;
      assert.match(String(request_id), /^[0-9a-z]+$/);
      // The spec's example values, except fields echoed from this request (the same values here) and app_key.
      // biome-ignore lint/suspicious/noExplicitAny: an example answer, adjusted in place
      if (operationId === 'alibabaIdleTenderPrePayAction') (expected.result as any).data.app_key = APP_KEY;
      // biome-ignore lint/suspicious/noExplicitAny: an example answer, adjusted in place
      if (operationId === 'alibabaIdleTenderPrePayAction') Object.assign((expected.result as any).data, { order_id: '1234', pre_pay_no: 'xxx' });
      assert.deepEqual(rest, expected);
    });
    test(`${op.method} × ${signMethod} × xml: shaped like the seed's XML example`, async () => {
      const fields = encodeParams(example(operationId), operations[operationId].params).fields;
      const answer = await post(gateway.url, signedParams(op.method, fields, { signMethod, extra: { format: 'xml', ...(op.session ? { session: 'user-1' } : {}) } }));
      assert.equal(answer.status, 200);
      assert.equal(answer.contentType, 'text/xml;charset=UTF-8');
      const seed = op.xmlExamples.find((e) => e.name === 'success')!.value as string;
      const got = answer.body.replace('<?xml version="1.0" encoding="utf-8" ?>', '').replace(/<request_id>[0-9a-z]+<\/request_id>(<\/\w+>)$/, '$1');
      let want = normalizeSeedXml(seed);
      if (operationId === 'alibabaIdleTenderPrePayAction') {
        // Echoed from the request: order_id (the same 1234) and pre_pay_no; app_key is the caller's.
        want = want.replace('<pre_pay_no>1234</pre_pay_no>', '<pre_pay_no>xxx</pre_pay_no>').replace('<app_key>123</app_key>', `<app_key>${APP_KEY}</app_key>`);
      }
      assert.equal(got, want);
    });
  }
}

test("the error_response XML is shaped like the seeds' error example", async () => {
  const answer = await post(gateway.url, signedParams('alibaba.alisports.lianbei.xpos.pay', { param0: '{"nego_price":1}' }, { extra: { format: 'xml' } }));
  const seedShape = normalizeSeedXml(model.operations[0]!.xmlExamples.find((e) => e.name === 'error')!.value as string).replace(/>[^<]+</g, '><');
  const gotShape = answer.body
    .replace('<?xml version="1.0" encoding="utf-8" ?>', '')
    .replace(/<request_id>[0-9a-z]+<\/request_id>/, '')
    .replace(/>[^<]+</g, '><');
  assert.equal(gotShape, seedShape, 'code, msg, sub_code, sub_msg in that order');
});

test('int64 above 2^53 goes through client, gateway and back without loss', async () => {
  const seen: bigint[] = [];
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      handlers: {
        alibabaAlisportsLianbeiXposPay: (params) => {
          seen.push(params.param0.item_id!);
          return { result: { model: { biz_order_id: params.param0.item_id! + 1n, buyer_id: -9223372036854775808n } } };
        },
      },
    }),
  );
  const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: g.url });
  const answer = await client.alibabaAlisportsLianbeiXposPay({
    param0: { nego_price: '1', qr_code: 'q', request_id: 'big', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 9007199254740993n },
  });
  client.close();
  await g.close();
  assert.deepEqual(seen, [9007199254740993n]);
  assert.equal(answer.result?.model?.biz_order_id, 9007199254740994n);
  assert.equal(answer.result?.model?.buyer_id, -9223372036854775808n);
});
