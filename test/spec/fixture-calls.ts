// The nine fixture APIs (test/fixtures/top-apis), each with a call that
// passes only its required parameters (so every documented default is the
// gateway's to apply) and one that passes more of them, and a check of the
// mock's answer. Shared by top-apis.test.ts and add-one-api.test.ts.

import assert from 'node:assert/strict';
import { alwaysReceived } from '../../generator/model/runtime-shapes.ts';
import type { FieldModel, OperationModel, ShapeModel } from '../../generator/model/types.ts';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d]);

export interface FixtureCall {
  method: string;
  operationId: string;
  /** Required parameters only. */
  minimal: Record<string, unknown>;
  /** More parameters, of every type the API takes. */
  full: Record<string, unknown>;
  /** What the mock's answer must hold (its example, the caller's ids echoed). */
  check: (answer: any) => void;
}

export const FIXTURE_CALLS: FixtureCall[] = [
  {
    method: 'taobao.trades.sold.get',
    operationId: 'taobaoTradesSoldGet',
    minimal: { fields: ['tid', 'orders'] },
    full: {
      fields: ['tid', 'status'],
      start_created: new Date('1999-12-31T16:00:00Z'),
      end_created: '2000-01-02 00:00:00',
      status: 'WAIT_SELLER_SEND_GOODS',
      page_no: 2n,
      page_size: 10n,
      use_has_next: true,
    },
    check: (a) => {
      assert.equal(a.trades[0].tid, 9007199254740993n);
      assert.equal(a.trades[0].orders.length, 1);
    },
  },
  {
    method: 'taobao.refunds.receive.get',
    operationId: 'taobaoRefundsReceiveGet',
    minimal: { fields: ['refund_id'] },
    full: { fields: ['refund_id', 'tid'], start_modified: new Date(0), end_modified: '2000-01-01 00:00:00', page_no: 3n, use_has_next: false },
    check: (a) => assert.equal(a.refunds[0].refund_id, 9223372036854775807n),
  },
  {
    method: 'taobao.simba.insight.catsinfo.get',
    operationId: 'taobaoSimbaInsightCatsinfoGet',
    minimal: { type: 0n },
    full: { type: 0n, category_id_list: ['50014579', '1'] },
    check: (a) => assert.equal(a.category_info_list[0].cat_id, 50014566n),
  },
  {
    method: 'taobao.tmc.messages.consume',
    operationId: 'taobaoTmcMessagesConsume',
    minimal: {},
    full: { group_name: 'default', quantity: 10n },
    check: (a) => assert.equal(a.messages[0].id, 7091800003790954036n),
  },
  {
    method: 'taobao.item.sku.price.update',
    operationId: 'taobaoItemSkuPriceUpdate',
    minimal: { num_iid: 123456n, properties: '1627207:28326' },
    full: { num_iid: 123456n, properties: '1627207:28326', quantity: 3n, price: '207.02', item_price: '204', lang: 'zh_HK' },
    check: (a) => assert.equal(a.sku.num_iid, 123456n, 'the caller’s num_iid echoed'),
  },
  {
    method: 'taobao.trade.memo.add',
    operationId: 'taobaoTradeMemoAdd',
    minimal: { tid: 9007199254740997n, memo: 'call before shipping' },
    full: { tid: 9007199254740999n, memo: '发货前联系', flag: 2n, tag: 'x' },
    check: (a) => assert.equal(typeof a.trade.created, 'string'),
  },
  {
    method: 'taobao.product.img.upload.tmall',
    operationId: 'taobaoProductImgUploadTmall',
    minimal: { product_id: 35694332n, image: JPEG },
    full: { product_id: 35694332n, image: new Blob([JPEG], { type: 'image/jpeg' }), id: 5n, position: 2n, is_major: true },
    check: (a) => assert.equal(typeof a.product_img.id, 'bigint'),
  },
  {
    method: 'tmall.traceplatform.ticket.picture.upload',
    operationId: 'tmallTraceplatformTicketPictureUpload',
    minimal: { biz_order_id: 1100384769230375419n, file: JPEG },
    full: { biz_order_id: 1100384769230375420n, file: { filename: 'ticket.jpg', contentType: 'image/jpeg', data: JPEG } },
    check: (a) => assert.equal(a.result.success, false),
  },
  {
    method: 'aliexpress.offer.product.skuprices.edit',
    operationId: 'aliexpressOfferProductSkupricesEdit',
    minimal: { product_id: 1005001234567890n, sku_id_price_map: '{"<none>":"0.6"}' },
    full: { product_id: 1005001234567890n, sku_id_price_map: '{"14:193":"1.00"}' },
    check: (a) => assert.equal(a.result.success, true),
  },
];

const GMT8_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const GMT8_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Problems of one received value against its TOP type, by path (empty when the value is exactly what the server's types say). */
function valueProblems(value: unknown, shape: ShapeModel, path: string): string[] {
  const wrong = (want: string) => [`${path}: ${want}, got ${value === null ? 'null' : typeof value} ${String(value)}`];
  switch (shape.kind) {
    case 'int64':
      return typeof value === 'bigint' ? [] : wrong('a bigint');
    case 'int32':
    case 'number':
      return typeof value === 'number' ? [] : wrong('a number');
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean');
    case 'date-time':
      return typeof value === 'string' && GMT8_DATE_TIME.test(value) ? [] : wrong('GMT+8 text yyyy-MM-dd HH:mm:ss');
    case 'date':
      return typeof value === 'string' && GMT8_DATE.test(value) ? [] : wrong('GMT+8 text yyyy-MM-dd');
    case 'string':
    case 'price':
    case 'json':
      return typeof value === 'string' ? [] : wrong('a string');
    case 'file': {
      const file = value as Record<string, unknown>;
      const ok =
        typeof file === 'object' &&
        file !== null &&
        Object.keys(file).sort().join() === 'contentType,data,filename' &&
        typeof file.filename === 'string' &&
        typeof file.contentType === 'string' &&
        file.data instanceof Uint8Array;
      return ok ? [] : wrong('exactly { filename, contentType, data: Uint8Array }');
    }
    case 'array':
      return Array.isArray(value) ? value.flatMap((item, i) => valueProblems(item, shape.items, `${path}[${i}]`)) : wrong('an array');
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong('an object');
      return fieldsProblems(value as Record<string, unknown>, shape.fields, path, false);
  }
}

function fieldsProblems(value: Record<string, unknown>, fields: FieldModel[], prefix: string, topLevel: boolean): string[] {
  const problems: string[] = [];
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  for (const key of Object.keys(value)) if (!fields.some((f) => f.name === key)) problems.push(`${at(key)}: not a field of the spec`);
  for (const field of fields) {
    if (!Object.hasOwn(value, field.name) || value[field.name] === undefined) {
      if (topLevel ? alwaysReceived(field) : field.required) problems.push(`${at(field.name)}: missing, though the server's types say it is always there`);
      continue;
    }
    problems.push(...valueProblems(value[field.name], field.shape, at(field.name)));
  }
  return problems;
}

/** What is wrong with the business parameters a handler received, against what the server's types promise. */
export function receivedProblems(op: OperationModel, params: Record<string, unknown>): string[] {
  return fieldsProblems(params, op.params, '', true);
}
