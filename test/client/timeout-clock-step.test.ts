// timeoutMs bounds the whole call on the machine's monotonic clock: a wall
// clock stepped back (NTP, a VM resumed) between attempts gave the retry the
// hour it was stepped by on top of what was left of the call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient, TopNetworkError, TopTimeoutError, type Transport, type TransportRequest } from '../../generated/client/src/node.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';

test('a wall clock stepped back an hour between attempts does not lengthen the call', async () => {
  const realNow = Date.now;
  const sent: TransportRequest[] = [];
  const steppedBack: Transport = {
    name: 'stepped-back',
    provesUnsent: true,
    send: async (r) => {
      sent.push(r);
      if (sent.length === 1) {
        // The wall clock steps back an hour while this attempt fails unsent.
        Date.now = () => realNow() - 3_600_000;
        throw new TopNetworkError(r.method, false, 'ECONNREFUSED');
      }
      throw new TopTimeoutError(r.method, r.timeoutMs);
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: steppedBack, timeoutMs: 1000, retryDelayMs: 1 });
  try {
    const e = await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } }).then(
      () => assert.fail('expected a timeout'),
      (x: unknown) => x,
    );
    assert.ok(e instanceof TopTimeoutError, String(e));
    assert.equal(e.timeoutMs, 1000);
  } finally {
    Date.now = realNow;
  }
  assert.equal(sent.length, 2);
  assert.ok(sent[1]!.timeoutMs <= 1000, `the retry is given what is left of the call's 1000 ms, not ${sent[1]!.timeoutMs} ms`);
});
