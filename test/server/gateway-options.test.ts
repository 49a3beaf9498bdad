// Options and errors a gateway refuses at once, naming what was wrong, instead
// of misbehaving later (found by an independent review of issue 11): timers of
// more than 2^31-1 ms fire at once in Node, a 0 ms handler timeout answers
// every call with a timeout, and a GatewayError code that is not a number
// reaches the wire as text or null.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway, GatewayError } from '../../generated/server/src/index.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const base = { apps: () => SECRET, handlers: {} };
const badOptions: { given: Record<string, unknown>; want: RegExp }[] = [
  { given: { handlerTimeoutMs: 2 ** 31 }, want: /handlerTimeoutMs must be a number of ms from 1 to 2147483647; got 2147483648/ },
  { given: { handlerTimeoutMs: Number.MAX_SAFE_INTEGER }, want: /handlerTimeoutMs must be/ },
  { given: { handlerTimeoutMs: 0 }, want: /handlerTimeoutMs must be a number of ms from 1/ },
  { given: { idempotencyTtlMs: 0 }, want: /idempotencyTtlMs must be a number of ms from 1/ },
  { given: { idempotencyStoreTimeoutMs: 0 }, want: /idempotencyStoreTimeoutMs must be/ },
  { given: { idempotencyLeaseMs: 2 ** 31 }, want: /idempotencyLeaseMs must be/ },
  { given: { idempotencyWaitMs: -1 }, want: /idempotencyWaitMs must be a number of ms from 0/ },
  { given: { idempotencyWaitMs: Number.NaN }, want: /idempotencyWaitMs must be/ },
  { given: { slowHandlerMs: 2 ** 31 }, want: /slowHandlerMs must be a number of ms from 1 to 2147483647/ },
];
for (const { given, want } of badOptions) {
  test(`createGateway refuses ${JSON.stringify(given)}`, () => assert.throws(() => createGateway({ ...base, ...given }), want));
}

test('a TTL longer than 24.8 days is fine (no timer waits on it)', () => {
  assert.doesNotThrow(() => createGateway({ ...base, idempotencyTtlMs: 90 * 24 * 3600 * 1000 }));
});

const badCodes: unknown[] = ['isv.out-of-stock', Number.NaN, 3.5, -1, 0, 1e21, '15'];
for (const code of badCodes) {
  test(`new GatewayError(${typeof code === 'string' ? JSON.stringify(code) : String(code)}) is refused: the code is TOP's number`, () => {
    assert.throws(() => new GatewayError(code as number), /GatewayError: code must be a positive integer/);
  });
}

test('a handler that throws a GatewayError with a sub-code as its code answers 15 isp.service-error, a numeric code on the wire, and tells onHandlerError why', async () => {
  const told: unknown[] = [];
  const g = await listen(
    createGateway({
      ...base,
      onHandlerError: (e) => told.push(e),
      handlers: {
        alibabaAlisportsLianbeiXposPay: () => {
          throw new GatewayError('isv.out-of-stock' as unknown as number);
        },
      },
    }),
  );
  try {
    const { json } = await post(
      g.url,
      signedParams('alibaba.alisports.lianbei.xpos.pay', {
        param0: JSON.stringify({
          nego_price: '10000',
          qr_code: '231023',
          request_id: 'r1',
          machine_id: '222',
          out_biz_id: '111111',
          item_id: 222,
          cashier_name: '张丽',
          cashier_id: '346753',
          store_id: '333333',
        }),
      }),
    );
    const error = (json as { error_response: { code: unknown; sub_code: string } }).error_response;
    assert.equal(error.code, 15, JSON.stringify(json));
    assert.equal(error.sub_code, 'isp.service-error');
    assert.match(String(told[0]), /code must be a positive integer/);
  } finally {
    await g.close();
  }
});
