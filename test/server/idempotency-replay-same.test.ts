// A replay is the same answer as the first: byte for byte but the request_id,
// in every format, whatever the handler put in it. An answer field a handler
// set to null (TOP's empty field: left out of JSON, an empty element in XML)
// must stay an empty element when the answer is replayed from the store.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway, type Handlers, mockHandlers } from '../../generated/server/src/index.ts';
import { PAY, payParam } from '../support/pay-order.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const XPOS = 'alibaba.alisports.lianbei.xpos.pay';

const xposParam = (key: string) => ({
  param0: JSON.stringify({ nego_price: '1.00', qr_code: 'q', request_id: key, out_biz_id: 'b', cashier_name: 'c', cashier_id: 'i', store_id: 's' }),
});

/** The answer without its request_id (the one part a replay changes). */
const withoutRequestId = (body: string) => body.replace(/<request_id>[0-9a-z]+<\/request_id>/, '').replace(/,?"request_id":"[0-9a-z]+"/, '');

const FORMATS: Record<string, string>[] = [{ format: 'xml' }, { format: 'json' }, { format: 'json', simplify: 'true' }];

const answer = { result_success: true, error: null, value: { pay_url: 'https://pay/1', pay_status: null } };
const handlers: Record<string, Handlers> = {
  'answers at once': { alibabaCloudgameTradeplatformPayorder: () => structuredClone(answer) as never },
  'answers with a promise': { alibabaCloudgameTradeplatformPayorder: async () => structuredClone(answer) as never },
};

for (const [name, h] of Object.entries(handlers)) {
  test(`a handler that ${name} with null fields: the replay is the first answer, in XML and JSON`, async () => {
    const g = await listen(createGateway({ apps: () => SECRET, handlers: h }));
    try {
      for (const [i, format] of FORMATS.entries()) {
        const params = signedParams(PAY, payParam(`null-${i}`), { extra: format });
        const first = (await post(g.url, params)).body;
        const again = (await post(g.url, params)).body;
        assert.doesNotMatch(first, /error_response/);
        assert.equal(withoutRequestId(again), withoutRequestId(first), JSON.stringify(format));
      }
      // The XML answer shows each null field as an empty element, first and replayed.
      const xml = (await post(g.url, signedParams(PAY, payParam('null-0'), { extra: { format: 'xml' } }))).body;
      assert.match(xml, /<error><\/error>/);
      assert.match(xml, /<pay_status><\/pay_status>/);
    } finally {
      await g.close();
    }
  });
}

test("the mock gateway's XML answer of xpos.pay (its empty <buyer_id></buyer_id>) is replayed as it was first written", async () => {
  const g = await listen(createGateway({ apps: () => SECRET, handlers: mockHandlers }));
  try {
    const params = signedParams(XPOS, xposParam('mock-1'), { extra: { format: 'xml' } });
    const first = (await post(g.url, params)).body;
    assert.match(first, /<buyer_id><\/buyer_id>/);
    assert.equal(withoutRequestId((await post(g.url, params)).body), withoutRequestId(first));
  } finally {
    await g.close();
  }
});
