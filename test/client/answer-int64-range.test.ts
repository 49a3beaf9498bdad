// An answer's int64 is a Java Long: -2^63 to 2^63-1. The edges arrive exact,
// as bigint; one past either edge, written as a JSON number, a digit string or
// XML text, is not an int64 a TOP gateway can send, and is a TopDecodeError
// naming the field (as a request's is a TopValidationError), even with
// validateResponses off: it would otherwise reach the caller typed as an int64
// it is not, and fail later in whatever stores it. Written by the review rv3
// (2026-11-26), which found such values accepted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopDecodeError } from '../../generated/client/src/node.ts';
import { operations } from '../../generated/client/src/operations.ts';
import { ClientCore } from '../../generated/client/src/runtime/client/client-core.ts';

const op = operations.alibabaAlisportsLianbeiXposPay;
const core = new ClientCore({ appKey: 'k', appSecret: 's' });
const json = (id: string) => `{"${op.responseRoot}":{"result":{"model":{"biz_order_id":${id},"success":true},"success":true},"request_id":"r"}}`;
const xml = (id: string) => `<?xml version="1.0" encoding="utf-8"?><${op.responseRoot}><result><model><biz_order_id>${id}</biz_order_id></model></result></${op.responseRoot}>`;
const orderId = (answer: unknown) => (answer as { result: { model: { biz_order_id: unknown } } }).result.model.biz_order_id;

const EDGES: [string, bigint][] = [
  ['9223372036854775807', 2n ** 63n - 1n],
  ['-9223372036854775808', -(2n ** 63n)],
  ['9007199254740993', 2n ** 53n + 1n],
  ['-0', 0n],
];
for (const [written, want] of EDGES) {
  test(`an answer's int64 ${written} arrives exact, as a JSON number, a digit string and XML`, () => {
    assert.equal(orderId(core.decode(op, 200, json(written))), want);
    assert.equal(orderId(core.decode(op, 200, json(`"${written}"`))), want);
    assert.equal(orderId(core.decode(op, 200, xml(written))), want);
  });
}

for (const written of ['9223372036854775808', '-9223372036854775809', '99999999999999999999999']) {
  for (const [form, text] of [
    ['a JSON number', json(written)],
    ['a digit string', json(`"${written}"`)],
    ['XML text', xml(written)],
  ] as const) {
    test(`an answer's int64 ${written}, past the Long range, as ${form}, is a TopDecodeError naming the field`, () => {
      assert.throws(
        () => core.decode(op, 200, text),
        (e: unknown) => e instanceof TopDecodeError && e.message.includes(`${op.responseRoot}.result.model.biz_order_id: int64 written as ${written} is not`),
      );
    });
  }
}
