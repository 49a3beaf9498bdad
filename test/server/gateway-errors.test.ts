// Every failure the gateway answers, with TOP's code: HTTP 200, a request_id
// on every answer, in the format asked for, and never a stack trace.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createGateway, type Handlers, mockHandlers } from '../../generated/server/src/index.ts';
import { formatTimestamp } from '../../runtime/common/timestamp.ts';
import { APP_KEY, form, post, type RawAnswer, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const XPOS = 'alibaba.alisports.lianbei.xpos.pay';
const IDLE = 'alibaba.idle.tender.pre.pay.action';
// Written as text: a JS number cannot hold 9007199254740993.
const param0 = '{"nego_price":"1","qr_code":"q","request_id":"idem","out_biz_id":"o","cashier_name":"c","cashier_id":"ci","store_id":"s","item_id":9007199254740993}';
let nextKey = 0;
/** A valid xpos.pay param0 with its own idempotency key, so calls do not replay each other. */
const freshParam0 = () => param0.replace('"idem"', `"idem-${nextKey++}"`);

const handlers: Handlers = {
  ...mockHandlers,
  alibabaIdleTenderPrePayAction: (params) => {
    if (params.param0.order_id === 'throw') throw new Error('database down at /srv/app.js:12');
    if (params.param0.order_id === 'bad-answer') return { result: { success: 'yes' } } as never;
    return mockHandlers.alibabaIdleTenderPrePayAction(params, {} as never);
  },
};
const handlerErrors: unknown[] = [];
let gateway: Awaited<ReturnType<typeof listen>>;
before(async () => {
  gateway = await listen(
    createGateway({
      apps: async (key) => (key === APP_KEY ? SECRET : undefined),
      verifySession: (session) => (session === 'good-session' ? { userId: 1 } : null),
      handlers,
      limits: { maxBodyBytes: 4096, maxParams: 32, maxUrlLength: 1024 },
      onHandlerError: (error) => handlerErrors.push(error),
    }),
  );
});
after(() => gateway.close());

/** error_response from a JSON or an XML answer. */
// biome-ignore lint/suspicious/noExplicitAny: error answers of any shape, read field by field
function errorOf(answer: RawAnswer): Record<string, any> | undefined {
  if (answer.json) return answer.json.error_response;
  const xml = /^<\?xml version="1.0" encoding="utf-8" \?><error_response>(.*)<\/error_response>$/.exec(answer.body);
  if (!xml) return undefined;
  // biome-ignore lint/suspicious/noExplicitAny: error answers of any shape, read field by field
  const fields: Record<string, any> = {};
  for (const [, name, value] of xml[1]!.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) fields[name!] = name === 'code' ? Number(value) : value;
  return fields;
}

function assertTopError(answer: RawAnswer, code: number, subCode?: string | RegExp) {
  assert.equal(answer.status, 200, 'TOP answers errors with HTTP 200');
  const e = errorOf(answer);
  assert.ok(e, `expected error_response, got ${answer.body}`);
  assert.equal(e.code, code, answer.body);
  if (subCode instanceof RegExp) assert.match(e.sub_code, subCode);
  else if (subCode !== undefined) assert.equal(e.sub_code, subCode);
  assert.match(e.request_id, /^[0-9a-z]+$/);
  assert.doesNotMatch(answer.body, /\bat .*\.(ts|js):\d+/, 'no stack trace');
}

const now = Date.now();
const cases: { name: string; send: () => Promise<RawAnswer>; code: number; subCode?: string | RegExp }[] = [
  { name: 'a PUT', send: () => rawRequest(gateway.url, { method: 'PUT', path: `/router/rest?format=json`, body: '' }), code: 9 },
  { name: 'no method', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['method'] })), code: 21 },
  { name: 'an unknown method', send: () => post(gateway.url, signedParams('taobao.nope.get', {})), code: 22 },
  { name: 'no app_key', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['app_key'] })), code: 28 },
  { name: 'an unknown app_key', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { app_key: 'nobody' } })), code: 29 },
  { name: 'no timestamp', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['timestamp'] })), code: 30 },
  { name: 'a malformed timestamp', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { timestamp: '2026/11/24 12:00:00' } })), code: 31 },
  { name: 'an impossible date', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { timestamp: '2026-02-30 12:00:00' } })), code: 31 },
  { name: 'a timestamp 11 minutes old', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { now: now - 11 * 60 * 1000 })), code: 31 },
  { name: 'a timestamp 11 minutes ahead', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { timestamp: formatTimestamp(now + 11 * 60 * 1000) } })), code: 31 },
  { name: 'no v', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['v'] })), code: 32 },
  { name: 'a v that is not a version', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { v: 'two' } })), code: 33 },
  { name: 'v=1.0', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { v: '1.0' } })), code: 34 },
  { name: 'format=yaml', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { format: 'yaml' } })), code: 23 },
  { name: 'an unknown sign_method', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { sign_method: 'sha1', sign: '66987CB115214E59E6EC978214934FB8' } })), code: 25 },
  { name: 'no sign', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['sign'] })), code: 24 },
  { name: 'a wrong md5 sign', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { signMethod: 'md5', secret: 'wrong' })), code: 25 },
  { name: 'a wrong hmac sign', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { signMethod: 'hmac', secret: 'wrong' })), code: 25 },
  { name: 'a wrong hmac-sha256 sign', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { signMethod: 'hmac-sha256', secret: 'wrong' })), code: 25 },
  { name: 'a sign of the wrong length', send: () => post(gateway.url, signedParams(XPOS, { param0 }, { extra: { sign: 'ABC' } })), code: 25 },
  {
    name: 'a parameter changed after signing',
    send: () => {
      const p = signedParams(XPOS, { param0 });
      return post(gateway.url, { ...p, param0: p.param0!.replace('"q"', '"r"') });
    },
    code: 25,
  },
  { name: 'no session where the API needs one', send: () => post(gateway.url, signedParams(IDLE, { param0: '{"order_id":"1","pre_pay_no":"p","pre_pay_action":2}' })), code: 26 },
  {
    name: 'a session verifySession refuses',
    send: () => post(gateway.url, signedParams(IDLE, { param0: '{"order_id":"1","pre_pay_no":"p","pre_pay_action":2}' }, { extra: { session: 'expired' } })),
    code: 27,
  },
  { name: 'a missing DTO', send: () => post(gateway.url, signedParams(XPOS, {})), code: 40, subCode: 'isv.missing-parameter:param0' },
  {
    name: 'a missing DTO field',
    send: () => post(gateway.url, signedParams(XPOS, { param0: JSON.stringify({ ...JSON.parse(param0), store_id: undefined }) })),
    code: 40,
    subCode: 'isv.missing-parameter:param0.store_id',
  },
  {
    name: 'a wrongly typed DTO field',
    send: () => post(gateway.url, signedParams(XPOS, { param0: JSON.stringify({ ...JSON.parse(param0), item_id: 'x' }) })),
    code: 41,
    subCode: 'isv.invalid-parameter:param0.item_id',
  },
  { name: 'a fractional int64', send: () => post(gateway.url, signedParams(XPOS, { param0: param0.replace('9007199254740993', '1.5') })), code: 41, subCode: 'isv.invalid-parameter:param0.item_id' },
  {
    name: 'an int64 past 2^63',
    send: () => post(gateway.url, signedParams(XPOS, { param0: param0.replace('9007199254740993', '9223372036854775808') })),
    code: 41,
    subCode: 'isv.invalid-parameter:param0.item_id',
  },
  {
    name: 'an unknown DTO field',
    send: () => post(gateway.url, signedParams(XPOS, { param0: JSON.stringify({ ...JSON.parse(param0), extra: 1 }) })),
    code: 41,
    subCode: 'isv.invalid-parameter:param0.extra',
  },
  { name: 'DTO JSON that does not parse', send: () => post(gateway.url, signedParams(XPOS, { param0: '{"nego_price":' })), code: 41, subCode: 'isv.invalid-parameter:param0' },
  { name: 'a DTO that is JSON but not an object', send: () => post(gateway.url, signedParams(XPOS, { param0: '[1,2]' })), code: 41, subCode: 'isv.invalid-parameter:param0' },
  {
    name: 'a top-level int64 that is not digits',
    send: () =>
      post(
        gateway.url,
        signedParams(
          'taobao.game.virtual.order.create',
          { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: '5.00', account: 'a', seller_id: '1', out_order_id: 'o' },
          { extra: { session: 'good-session' } },
        ),
      ),
    code: 41,
    subCode: 'isv.invalid-parameter:pay_price',
  },
  { name: 'malformed percent-encoding', send: () => rawRequest(gateway.url, { body: `${form(signedParams(XPOS, { param0 }))}&x=%E4%B8` }), code: 47 },
  { name: 'a body that is not UTF-8', send: () => rawRequest(gateway.url, { body: Buffer.concat([Buffer.from(`${form(signedParams(XPOS, { param0 }))}&x=`), Buffer.from([0xff, 0xfe])]) }), code: 47 },
  {
    name: 'a parameter given twice',
    send: () => {
      const p = signedParams(XPOS, { param0 });
      return rawRequest(gateway.url, { path: `/router/rest?method=${XPOS}`, body: form(p) });
    },
    code: 43,
    subCode: 'isv.parameter-duplicated:method',
  },
  {
    name: 'too many parameters',
    send: () => rawRequest(gateway.url, { body: `${form(signedParams(XPOS, { param0 }))}${'&p'.repeat(0)}${Array.from({ length: 40 }, (_, i) => `&x${i}=1`).join('')}` }),
    code: 43,
    subCode: 'isv.too-many-parameters',
  },
  { name: 'a body over the limit', send: () => rawRequest(gateway.url, { body: `${form(signedParams(XPOS, { param0 }))}&pad=${'x'.repeat(5000)}` }), code: 43, subCode: 'isv.body-too-large' },
  {
    name: 'a URL over the limit',
    send: () => rawRequest(gateway.url, { path: `/router/rest?format=json&pad=${'x'.repeat(2000)}`, body: form(signedParams(XPOS, { param0 })) }),
    code: 43,
    subCode: 'isv.url-too-long',
  },
  {
    name: 'a handler that throws',
    send: () => post(gateway.url, signedParams(IDLE, { param0: '{"order_id":"throw","pre_pay_no":"t1","pre_pay_action":2}' }, { extra: { session: 'good-session' } })),
    code: 15,
    subCode: /^isp\./,
  },
  {
    name: 'a handler answer that does not fit the spec',
    send: () => post(gateway.url, signedParams(IDLE, { param0: '{"order_id":"bad-answer","pre_pay_no":"t2","pre_pay_action":2}' }, { extra: { session: 'good-session' } })),
    code: 15,
    subCode: 'isp.invalid-response',
  },
];

for (const c of cases) {
  test(`gateway answers ${c.code} for ${c.name}`, async () => {
    assertTopError(await c.send(), c.code, c.subCode);
  });
}

test('a handler failure is reported to onHandlerError, and never in the answer', () => {
  assert.ok(handlerErrors.some((e) => /database down/.test(String((e as Error).message))));
});

test('a JSON body (not a form) is not read: the call lacks its parameters', async () => {
  const answer = await rawRequest(gateway.url, { path: '/router/rest?format=json', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signedParams(XPOS, { param0 })) });
  assertTopError(answer, 21);
});

test("errors are answered in XML unless JSON was asked for (TOP's default format is xml)", async () => {
  const answer = await post(gateway.url, signedParams(XPOS, { param0 }, { drop: ['format'], extra: { app_key: 'nobody' } }));
  assert.equal(answer.status, 200);
  assert.match(answer.contentType!, /^text\/xml/);
  assert.match(answer.body, /^<\?xml version="1.0" encoding="utf-8" \?><error_response><code>29<\/code><msg>Invalid App Key<\/msg><request_id>[0-9a-z]+<\/request_id><\/error_response>$/);
});

test('GET with every parameter in the query string works', async () => {
  const answer = await rawRequest(`${gateway.url}`, { method: 'GET', path: `/router/rest?${form(signedParams(XPOS, { param0: freshParam0() }))}` });
  assert.ok(answer.json?.alibaba_alisports_lianbei_xpos_pay_response, answer.body);
});

test('system parameters in the query and business parameters in the body are merged (the Java SDK layout)', async () => {
  const { param0: p0, ...system } = signedParams(XPOS, { param0: freshParam0() });
  const answer = await rawRequest(gateway.url, { path: `/router/rest?${form(system)}`, body: form({ param0: p0! }) });
  assert.ok(answer.json?.alibaba_alisports_lianbei_xpos_pay_response, answer.body);
});

test('a lower-case sign is accepted (hex compares without case)', async () => {
  const p = signedParams(XPOS, { param0: freshParam0() });
  const answer = await post(gateway.url, { ...p, sign: p.sign!.toLowerCase() });
  assert.ok(answer.json?.alibaba_alisports_lianbei_xpos_pay_response, answer.body);
});

test('simplify=true drops the root wrapper; errors stay wrapped', async () => {
  const ok = await post(gateway.url, signedParams(XPOS, { param0: freshParam0() }, { extra: { simplify: 'true' } }));
  assert.equal(ok.json.result.success, true);
  assert.match(ok.json.request_id, /^[0-9a-z]+$/);
  const bad = await post(gateway.url, signedParams(XPOS, {}, { extra: { simplify: 'true' } }));
  assert.equal(bad.json.error_response.code, 40);
});

test('an API without a handler answers 22', async () => {
  const partial = await listen(createGateway({ apps: () => SECRET, handlers: { alibabaAlisportsLianbeiXposPay: mockHandlers.alibabaAlisportsLianbeiXposPay } }));
  try {
    assertTopError(await post(partial.url, signedParams('alibaba.diantao.tripartite.right.pay.notify', {})), 22);
  } finally {
    await partial.close();
  }
});

test('createGateway refuses bad options by name', () => {
  assert.throws(() => createGateway({ apps: undefined as never, handlers: {} }), /options.apps must be a function/);
  assert.throws(() => createGateway({ apps: () => 's', handlers: { nope: () => ({}) } as never }), /options.handlers.nope is not an operation of this gateway/);
  assert.throws(() => createGateway({ apps: () => 's', handlers: { alibabaAlisportsLianbeiXposPay: 'x' } as never }), /must be a function/);
});
