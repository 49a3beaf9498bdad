// A transport that cannot prove a request unsent never gets to say it was:
// the core rewrites its "never reached" to "possibly sent" (ARCHITECTURE.md,
// the transport seam). That holds for its timeouts as it does for its network
// errors: a caller reading `reachedGateway: false` on a timed-out payment
// would take it as never sent and pay again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient, TopTimeoutError, type Transport } from '../../generated/client/src/node.ts';
import { TEST_APP_KEY, TEST_SECRET } from '../support/test-gateway.ts';

const notify = { tripartite_pay_notify_dto: { source: 's', outer_order_id: 'o-1' } };

test('a timeout from a transport that cannot prove a request unsent is possibly sent, whatever the transport says', async () => {
  const errors: unknown[] = [];
  const unproven: Transport = {
    name: 'unproven',
    provesUnsent: false,
    send: async (r) => {
      throw new TopTimeoutError(r.method, r.timeoutMs, false);
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: unproven, timeoutMs: 70, hooks: { onError: (e) => void errors.push(e.error) } });
  const e = await client.alibabaDiantaoTripartiteRightPayNotify(notify, { timeoutMs: 40 }).then(
    () => assert.fail('expected a timeout'),
    (x: unknown) => x,
  );
  assert.ok(e instanceof TopTimeoutError, String(e));
  assert.equal(e.timeoutMs, 40, 'the per-call timeout the caller set');
  assert.equal(e.reachedGateway, true);
  assert.match(e.message, /may have reached the gateway/);
  assert.equal((errors[0] as TopTimeoutError).reachedGateway, true, 'the onError hook sees the same');
});

test('a timeout from a transport that proves requests unsent keeps its word', async () => {
  const proving: Transport = {
    name: 'proving',
    provesUnsent: true,
    send: async (r) => {
      throw new TopTimeoutError(r.method, r.timeoutMs, false);
    },
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport: proving, timeoutMs: 70 });
  const e = await client.alibabaDiantaoTripartiteRightPayNotify(notify).then(
    () => assert.fail('expected a timeout'),
    (x: unknown) => x,
  );
  assert.ok(e instanceof TopTimeoutError, String(e));
  assert.equal(e.timeoutMs, 70);
  assert.equal(e.reachedGateway, false);
  // One attempt, no retry: the message says what happened, not that retries ran out.
  assert.match(e.message, /no answer within 70 ms \(the request never reached the gateway\)$/);
});
