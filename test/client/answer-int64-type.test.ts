// An answer's int64 field is a bigint, or absent: never something else the
// caller would hold typed as a bigint. A digit string past the Long range or
// with letters was already a TopDecodeError naming the field (with
// validateResponses off, the default); `true`, a list or an object in the same
// field went through as they came. Written by the review rv7 (2026-11-26).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopDecodeError } from '../../generated/client/src/node.ts';
import { operations } from '../../generated/client/src/operations.ts';
import { ClientCore } from '../../generated/client/src/runtime/client/client-core.ts';

const op = operations.alibabaAlisportsLianbeiXposPay;
const core = new ClientCore({ appKey: 'k', appSecret: 's' });
const json = (id: string) => `{"${op.responseRoot}":{"result":{"model":{"biz_order_id":${id},"success":true},"success":true},"request_id":"r"}}`;
const xml = (inner: string) => `<?xml version="1.0" encoding="utf-8"?><${op.responseRoot}><result><model><biz_order_id>${inner}</biz_order_id></model></result></${op.responseRoot}>`;
const orderId = (answer: unknown) => (answer as { result: { model: { biz_order_id: unknown } } }).result.model.biz_order_id;

for (const [form, text, written] of [
  ['JSON true', json('true'), 'true'],
  ['JSON false', json('false'), 'false'],
  ['a JSON list of one id', json('[9007199254740993]'), 'a list'],
  ['a JSON list of long ids', json('[12345678901234567890,1]'), 'a list'],
  ['a JSON object', json('{"id":12345678901234567890}'), 'an object'],
  ['an empty JSON object', json('{}'), 'an object'],
  ['an XML element with children', xml('<id>1</id>'), 'an object'],
] as const) {
  test(`an answer's int64 written as ${form} is a TopDecodeError naming the field, not passed on as if it were a bigint`, () => {
    assert.throws(
      () => core.decode(op, 200, text),
      (e: unknown) => e instanceof TopDecodeError && e.message.includes(`${op.responseRoot}.result.model.biz_order_id: int64 written as ${written} is not`),
    );
  });
}

test("an answer's int64 that is absent or null stays so; a number or digits arrive as bigint", () => {
  assert.equal(orderId(core.decode(op, 200, json('null'))), null);
  assert.equal(orderId(core.decode(op, 200, `{"${op.responseRoot}":{"result":{"model":{}}}}`)), undefined);
  assert.equal(orderId(core.decode(op, 200, xml(''))), undefined);
  assert.equal(orderId(core.decode(op, 200, json('12345678901234567'))), 12345678901234567n);
  assert.equal(orderId(core.decode(op, 200, json('"7"'))), 7n);
});
