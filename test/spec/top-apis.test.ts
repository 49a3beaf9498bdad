// The second spec (test/fixtures/top-apis): nine real TOP APIs that together
// show every shape of top-protocol.md §7. Generated into a temporary folder,
// compiled under strict tsc, and round-tripped client → gateway → client:
// wrapped lists (JSON, simplify=true, XML), int64 above 2^53, Dates, Prices,
// field lists, top-level scalar lists, defaults applied by the gateway,
// constraints (before sending, and 41 from the gateway), a Json parameter and
// uploads (multipart, files unsigned).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/generate.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { writeOutput } from '../../generator/write/output.ts';
import { listen } from '../support/servers.ts';
import { typeCheck } from '../support/strict-tsc.ts';
import { FIXTURE_CALLS, receivedProblems } from './fixture-calls.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPEC = path.join(ROOT, 'test/fixtures/top-apis/openapi.yaml');
const KEY = '12345678';
const SECRET = 'helloworld';

let dir: string;
let model: ApiModel;
// The generated modules, loaded from the temporary folder (their types are checked by tsc below).
let client: any;
let server: any;
let seen: Record<string, unknown>[] = [];
let gateway: { url: string; close: () => Promise<void> };

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-apis-'));
  // The server package's one dependency (the multipart parser) resolves from the repository's node_modules.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const out = path.join(dir, 'generated');
  const result = await generate(SPEC, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: out });
  model = result.model;
  writeOutput(out, result.files);
  client = await import(pathToFileURL(path.join(out, 'client/src/index.ts')).href);
  server = await import(pathToFileURL(path.join(out, 'server/src/index.ts')).href);
  // The mock's answers, recording what each handler was given.
  const handlers = Object.fromEntries(
    Object.entries(server.mockHandlers as Record<string, (p: unknown, c: unknown) => unknown>).map(([id, handler]) => [
      id,
      (params: Record<string, unknown>, context: unknown) => {
        seen.push(params);
        return handler(params, context);
      },
    ]),
  );
  const gw = server.createGateway({ apps: (k: string) => (k === KEY ? SECRET : undefined), verifySession: (s: string) => s, handlers });
  gateway = await listen(gw);
});
after(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

const newClient = (options: Record<string, unknown> = {}) => new client.TopClient({ appKey: KEY, appSecret: SECRET, gateway: gateway.url, session: 'user-1', ...options });

test('nine APIs of every §7 shape generate from the second spec', () => {
  assert.equal(model.operations.length, 9);
  const kinds = new Set<string>();
  const visit = (fields: ApiModel['operations'][number]['params']) =>
    fields.forEach((f) => {
      kinds.add(f.shape.kind === 'array' ? `list of ${f.shape.items.kind}` : f.shape.kind);
      if (f.encoding) kinds.add(`encoding ${f.encoding}`);
      if (f.hasDefault) kinds.add('default');
      if (Object.keys(f.constraints).length) kinds.add('constraint');
      if (f.shape.kind === 'object') visit(f.shape.fields);
      if (f.shape.kind === 'array' && f.shape.items.kind === 'object') visit(f.shape.items.fields);
    });
  for (const op of model.operations) {
    visit(op.params);
    visit(op.response);
  }
  for (const shape of ['date-time', 'date', 'price', 'json', 'file', 'boolean', 'int64', 'list of string', 'list of object', 'encoding comma', 'encoding file', 'default', 'constraint'])
    assert.ok(kinds.has(shape), shape);
  assert.ok(model.operations.some((op) => op.query) && model.operations.some((op) => !op.query), 'queries and writes');
});

/**
 * Handlers written against the server's types, each asserting the exact type
 * of what it receives: int64 bigint, a Date its GMT+8 text, a Price and Json
 * text, a field list or scalar list an array, a file the multipart parser's
 * UploadedFile, and a defaulted parameter present (the gateway applied it).
 */
const HANDLERS_TS = `import type { Handlers, UploadedFile } from './generated/server/src/index.ts';
import { mockHandlers } from './generated/server/src/index.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function exactly<T extends true>(_: T): void {}

export const handlers: Handlers = {
  taobaoTradesSoldGet(params, context) {
    exactly<Equal<typeof params.fields, string[]>>(true);
    exactly<Equal<typeof params.start_created, string | undefined>>(true);
    exactly<Equal<typeof params.page_no, bigint>>(true);
    exactly<Equal<typeof params.page_size, bigint>>(true);
    exactly<Equal<typeof params.use_has_next, boolean>>(true);
    exactly<Equal<typeof params.status, string | undefined>>(true);
    return mockHandlers.taobaoTradesSoldGet(params, context);
  },
  taobaoRefundsReceiveGet(params, context) {
    exactly<Equal<typeof params.page_size, bigint>>(true);
    exactly<Equal<typeof params.use_has_next, boolean | undefined>>(true);
    exactly<Equal<typeof params.start_modified, string | undefined>>(true);
    return mockHandlers.taobaoRefundsReceiveGet(params, context);
  },
  taobaoSimbaInsightCatsinfoGet(params, context) {
    exactly<Equal<typeof params.type, bigint>>(true);
    exactly<Equal<typeof params.category_id_list, string[] | undefined>>(true);
    return mockHandlers.taobaoSimbaInsightCatsinfoGet(params, context);
  },
  taobaoTmcMessagesConsume(params, context) {
    exactly<Equal<typeof params.quantity, bigint>>(true);
    return mockHandlers.taobaoTmcMessagesConsume(params, context);
  },
  taobaoItemSkuPriceUpdate(params, context) {
    exactly<Equal<typeof params.price, string | undefined>>(true);
    exactly<Equal<typeof params.lang, 'zh_HK' | 'zh_CN'>>(true);
    return mockHandlers.taobaoItemSkuPriceUpdate(params, context);
  },
  taobaoTradeMemoAdd(params, context) {
    exactly<Equal<typeof params.tid, bigint>>(true);
    exactly<Equal<typeof params.flag, bigint>>(true);
    return mockHandlers.taobaoTradeMemoAdd(params, context);
  },
  taobaoProductImgUploadTmall(params, context) {
    exactly<Equal<typeof params.image, UploadedFile>>(true);
    exactly<Equal<UploadedFile, { readonly filename: string; readonly contentType: string; readonly data: Uint8Array }>>(true);
    exactly<Equal<typeof params.position, bigint>>(true);
    exactly<Equal<typeof params.is_major, boolean>>(true);
    exactly<Equal<typeof params.id, bigint | undefined>>(true);
    return mockHandlers.taobaoProductImgUploadTmall(params, context);
  },
  tmallTraceplatformTicketPictureUpload(params, context) {
    exactly<Equal<typeof params.file, UploadedFile>>(true);
    const bytes: Uint8Array = params.file.data;
    return { ...mockHandlers.tmallTraceplatformTicketPictureUpload(params, context), request_id: String(bytes.length) };
  },
  aliexpressOfferProductSkupricesEdit(params, context) {
    exactly<Equal<typeof params.sku_id_price_map, string>>(true);
    return mockHandlers.aliexpressOfferProductSkupricesEdit(params, context);
  },
};
`;

test('the generated client and server, and handlers using every received field, compile under strict tsc', () => {
  writeFileSync(path.join(dir, 'handlers.ts'), HANDLERS_TS);
  typeCheck(dir, {
    compilerOptions: {
      lib: ['ES2022', 'DOM'],
      noUnusedLocals: true,
      noUnusedParameters: true,
      allowImportingTsExtensions: true,
      noEmit: true,
      skipLibCheck: true,
      declaration: true,
      isolatedDeclarations: true,
    },
    include: ['generated/client/src/**/*.ts', 'generated/server/src/**/*.ts', 'handlers.ts'],
  });
});

test('a paged query: field list joined, Date written in GMT+8, defaults applied by the gateway; nested wrapped lists come back as typed arrays with exact int64', async () => {
  const top = newClient();
  seen = [];
  // 2000-01-01 00:00:00 in GMT+8 is 1999-12-31T16:00:00Z, whatever this host's zone.
  const answer = await top.taobaoTradesSoldGet({ fields: ['tid', 'status', 'orders'], start_created: new Date('1999-12-31T16:00:00Z'), end_created: '2000-01-01 23:59:59' });
  const params = seen[0]!;
  assert.deepEqual(params.fields, ['tid', 'status', 'orders']);
  assert.equal(params.start_created, '2000-01-01 00:00:00');
  assert.equal(params.page_no, 1n, 'default page_no applied by the gateway');
  assert.equal(params.page_size, 40n);
  assert.equal(params.use_has_next, false);
  assert.ok(Array.isArray(answer.trades));
  assert.equal(answer.trades[0].tid, 9007199254740993n);
  assert.equal(answer.trades[0].payment, '200.07', 'a Price stays text');
  assert.deepEqual(answer.trades[0].orders, [{ refund_status: 'SUCCESS' }]);
  assert.equal(answer.total_results, 100n);
  top.close();
});

/** A signed call as raw text, in the format asked for (the sign covers `format` and `simplify`). */
async function rawCall(method: string, params: Record<string, unknown>, system: Record<string, string>): Promise<string> {
  const { query, body } = newClient().prepare(method, params);
  const fields = Object.fromEntries(new URLSearchParams(query));
  delete fields.sign;
  Object.assign(fields, system);
  const all = { ...fields, ...Object.fromEntries(new URLSearchParams(body)) };
  const signed = new URLSearchParams({ ...fields, sign: client.sign(all, SECRET, fields.sign_method) }).toString();
  return (await fetch(`${gateway.url}?${signed}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).text();
}

test('the wire: lists wrapped in JSON ({"refunds":{"refund":[…]}}) and XML (<refunds><refund>), plain with simplify=true; the client reads all three as typed arrays', async () => {
  const core = await import(pathToFileURL(path.join(dir, 'generated/client/src/runtime/client/client-core.ts')).href);
  const reader = new core.ClientCore({ appKey: KEY, appSecret: SECRET });
  const op = client.operations.taobaoRefundsReceiveGet;
  const params = { fields: ['refund_id', 'tid'] };
  const json = await rawCall('taobao.refunds.receive.get', params, {});
  assert.match(json, /^\{"refunds_receive_get_response":\{"refunds":\{"refund":\[\{"refund_id":9223372036854775807,/);
  const xml = await rawCall('taobao.refunds.receive.get', params, { format: 'xml' });
  assert.match(xml, /<refunds_receive_get_response><refunds><refund><refund_id>9223372036854775807<\/refund_id>/);
  const simple = await rawCall('taobao.refunds.receive.get', params, { simplify: 'true' });
  assert.match(simple, /^\{"refunds":\[\{"refund_id":9223372036854775807,/);
  const expected = { refund_id: 9223372036854775807n, tid: 2231958349n, total_fee: '200.07', created: '2000-01-01 00:00:00' };
  for (const [text, simplified] of [
    [json, false],
    [xml, false],
    [simple, true],
  ] as const) {
    const answer = reader.decode(op, 200, text, simplified);
    assert.ok(Array.isArray(answer.refunds), text.slice(0, 40));
    assert.deepEqual({ refund_id: answer.refunds[0].refund_id, tid: answer.refunds[0].tid, total_fee: answer.refunds[0].total_fee, created: answer.refunds[0].created }, expected);
    assert.equal(answer.total_results, 1n);
    assert.equal(answer.has_next, false);
  }
  // An item element that repeats is a list of several in XML; an empty wrapper an empty list.
  const two = reader.decode(
    client.operations.taobaoTradesSoldGet,
    200,
    '<trades_sold_get_response><trades><trade><tid>1</tid><orders></orders></trade><trade><tid>2</tid></trade></trades></trades_sold_get_response>',
  );
  assert.deepEqual(two.trades, [{ tid: 1n, orders: [] }, { tid: 2n }]);
});

test('simplify=true answers unwrapped lists and the client reads them', async () => {
  const top = newClient({ simplify: true });
  const answer = await top.taobaoTmcMessagesConsume({});
  assert.equal(answer.messages[0].id, 7091800003790954036n);
  assert.equal(answer.messages[0].pub_time, '2000-01-01 00:00:00');
  assert.equal(seen.at(-1)!.quantity, 100n, 'default quantity');
  top.close();
});

test("the mock's XML has every element of the XML example, and a scalar list item is named as the spec says", async () => {
  const xml = await rawCall('taobao.simba.insight.catsinfo.get', { type: 0n, category_id_list: ['50014579', '1'] }, { format: 'xml' });
  assert.match(xml, /<category_info_list><insight_category_info_d_t_o><cat_id>50014566<\/cat_id>/);
  assert.deepEqual(seen.at(-1)!.category_id_list, ['50014579', '1']);
});

test('constraints are checked before sending (naming the field) and answered 41 by the gateway', async () => {
  const top = newClient();
  await assert.rejects(top.taobaoRefundsReceiveGet({ fields: ['refund_id'], page_size: 101n }), (e: any) => e.name === 'TopValidationError' && e.problems.some((p: any) => p.path === 'page_size'));
  await assert.rejects(top.taobaoSimbaInsightCatsinfoGet({ type: 0n, category_id_list: Array.from({ length: 21 }, (_, i) => String(i)) }), (e: any) =>
    e.problems.some((p: any) => p.path === 'category_id_list'),
  );
  await assert.rejects(top.taobaoTradeMemoAdd({ tid: 1n, memo: 'x'.repeat(1001) }), (e: any) => e.problems.some((p: any) => p.path === 'memo'));
  await assert.rejects(top.taobaoItemSkuPriceUpdate({ num_iid: 1n, properties: 'a', price: 207.02 }), (e: any) => e.problems.some((p: any) => p.path === 'price'), 'a Price is never a binary float');
  await assert.rejects(top.aliexpressOfferProductSkupricesEdit({ product_id: 1n, sku_id_price_map: '{not json' }), (e: any) => e.problems.some((p: any) => p.path === 'sku_id_price_map'));
  // Sent anyway (validation off): the gateway answers 41 naming the field.
  await assert.rejects(top.taobaoRefundsReceiveGet({ fields: ['refund_id'], page_size: 101n }, { validate: false }), (e: any) => e.code === 41 && e.subCode === 'isv.invalid-parameter:page_size');
  top.close();
});

test('a Price travels as its text, a Json parameter as JSON text, an enum default applied', async () => {
  const top = newClient();
  seen = [];
  await top.taobaoItemSkuPriceUpdate({ num_iid: 123456n, properties: '1627207:28326', price: '207.02', item_price: '204' });
  assert.equal(seen[0]!.price, '207.02');
  assert.equal(seen[0]!.lang, 'zh_CN');
  await top.aliexpressOfferProductSkupricesEdit({ product_id: 1005001234567890n, sku_id_price_map: '{"<none>":"0.6"}' });
  assert.equal(seen[1]!.sku_id_price_map, '{"<none>":"0.6"}');
  top.close();
});

test('uploads: a Uint8Array, a Blob and a stream with a file name go multipart; the file is not signed and arrives whole', async () => {
  const top = newClient();
  seen = [];
  const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0x2d]);
  const a = await top.taobaoProductImgUploadTmall({ product_id: 35694332n, image: bytes });
  assert.equal(a.product_img.id, 9684n);
  const got = seen[0]!.image as { filename: string; data: Uint8Array };
  assert.deepEqual([...got.data], [...bytes]);
  assert.equal(seen[0]!.is_major, false, 'default');
  await top.taobaoProductImgUploadTmall({ product_id: 1n, image: new Blob([bytes], { type: 'image/jpeg' }) });
  assert.deepEqual([...(seen[1]!.image as { data: Uint8Array }).data], [...bytes]);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(bytes.slice(0, 4));
      c.enqueue(bytes.slice(4));
      c.close();
    },
  });
  const b = await top.tmallTraceplatformTicketPictureUpload({ biz_order_id: 1100384769230375417n, file: { filename: 'ticket.jpg', contentType: 'image/jpeg', data: stream } });
  assert.equal(b.result.success, false);
  const file = seen[2]!.file as { filename: string; contentType: string; data: Uint8Array };
  assert.equal(file.filename, 'ticket.jpg');
  assert.equal(file.contentType, 'image/jpeg');
  assert.equal(seen[2]!.biz_order_id, 1100384769230375417n);
  await assert.rejects(top.taobaoProductImgUploadTmall({ product_id: 1n, image: new Uint8Array(1048577) }), (e: any) => e.problems.some((p: any) => p.path === 'image'));
  await assert.rejects(top.taobaoProductImgUploadTmall({ product_id: 1n, image: 'not a file' }), (e: any) => e.problems.some((p: any) => p.path === 'image'));
  top.close();
});

test('what each handler receives is exactly what the server types say: decoded, validated, defaults applied, files as { filename, contentType, data }', async () => {
  const top = newClient();
  for (const call of FIXTURE_CALLS) {
    const op = model.operations.find((o) => o.method === call.method)!;
    for (const [variant, params] of Object.entries({ minimal: call.minimal, full: call.full })) {
      seen = [];
      call.check(await top[call.operationId](params));
      assert.equal(seen.length, 1, `${call.method} ${variant}: the handler ran once`);
      assert.deepEqual(receivedProblems(op, seen[0]!), [], `${call.method} ${variant}`);
      if (variant === 'minimal') {
        // Every default the spec documents is what the handler got.
        for (const p of op.params.filter((f) => f.hasDefault)) assert.equal(String(seen[0]![p.name]), String(p.default), `${call.method}: ${p.name} defaults to ${String(p.default)}`);
      }
    }
  }
  top.close();
});

/** The JSDoc block above a handler in the generated server.ts. */
function handlerJsdoc(serverTs: string, operationId: string): string {
  const at = serverTs.indexOf(`  ${operationId}?: (params: `);
  assert.ok(at > 0, operationId);
  return serverTs.slice(serverTs.lastIndexOf('/**', at), at);
}

test("the server's JSDoc is written for implementers: what a handler receives and returns, what the gateway answers alone, what the handler decides, idempotency", () => {
  const serverTs = readFileSync(path.join(dir, 'generated/server/src/server.ts'), 'utf8');
  const upload = handlerJsdoc(serverTs, 'taobaoProductImgUploadTmall');
  assert.match(upload, /`image` \(byte\[\]\): `UploadedFile`: `\{ filename, contentType, data: Uint8Array \}`; always present\./);
  assert.match(upload, /`is_major` \(Boolean\): boolean; always present: the gateway applies the default `false` when the caller leaves it out\./);
  assert.match(upload, /`id` \(Number\): bigint; undefined when the caller leaves it out\./);
  assert.match(upload, /Returns `TaobaoProductImgUploadTmallResponse`, the answer inside `product_img_upload_tmall_response`/);
  assert.match(upload, /Answered by the gateway without calling this handler: .*40 `isv\.missing-parameter:<path>`.*41 `isv\.invalid-parameter:<path>`/);
  assert.match(upload, /Decided by this handler: to refuse the call, throw `GatewayError\(code, subCode, subMsg\)`/);
  // An upload TOP gives no key (x-top-idempotency-key: []): a write, not a query, and said so everywhere.
  assert.match(upload, /Changes state without an idempotency key \(TOP gives this API none\): the gateway calls this handler for every request/);
  assert.doesNotMatch(upload, /A query/);
  const clientTs = readFileSync(path.join(dir, 'generated/client/src/client.ts'), 'utf8');
  const uploadClientDoc = clientTs.slice(clientTs.lastIndexOf('/**', clientTs.indexOf('taobaoProductImgUploadTmall(')), clientTs.indexOf('taobaoProductImgUploadTmall('));
  assert.match(uploadClientDoc, /Changes state and has no idempotency key: after a failure that may have reached the gateway, find out what it did before calling again/);
  const soldClientDoc = clientTs.slice(clientTs.lastIndexOf('/**', clientTs.indexOf('taobaoTradesSoldGet(')), clientTs.indexOf('taobaoTradesSoldGet('));
  assert.match(soldClientDoc, /A query: it changes nothing and has no idempotency key, so resending it is always safe/);
  const uploadPage = readFileSync(path.join(dir, 'generated/docs/api/taobao.product.img.upload.tmall.html'), 'utf8');
  assert.match(uploadPage, /<dt>Idempotency key<\/dt><dd>None: this API changes state but has no key;/);
  const soldPage = readFileSync(path.join(dir, 'generated/docs/api/taobao.trades.sold.get.html'), 'utf8');
  assert.match(soldPage, /<dt>Idempotency key<\/dt><dd>None: a query changes nothing, so resending it is safe\.<\/dd>/);
  const sold = handlerJsdoc(serverTs, 'taobaoTradesSoldGet');
  assert.match(sold, /`start_created` \(Date\): string, GMT\+8 `yyyy-MM-dd HH:mm:ss` as sent; undefined when/);
  assert.match(sold, /`fields` \(String \[\]\): string\[\]; always present\./);
  assert.match(sold, /`page_size` \(Number\): bigint; always present: the gateway applies the default `40`/);
  assert.match(sold, /`context\.user` is what `verifySession` returned/);
  const memo = handlerJsdoc(serverTs, 'taobaoTradeMemoAdd');
  assert.match(memo, /Idempotency key: `tid` \(`context\.idempotencyKey`\)\. The gateway runs this handler once per app key and key value/);
  assert.match(memo, /Throw `NothingChangedError` only when nothing was done/);
  const price = handlerJsdoc(serverTs, 'taobaoItemSkuPriceUpdate');
  assert.match(price, /`price` \(Price\): string, the decimal amount as sent \(never a float\)/);
  // Nothing addressed to a caller: those words are the client's.
  for (const callerWords of [/@throws \{TopValidationError\}/, /pass `options\.session`/, /call again with the same value/, /TopFileInput/, /a JS `?Date`?/])
    assert.doesNotMatch(serverTs, callerWords);
});
