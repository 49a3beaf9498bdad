// A call leaves nothing on the caller's AbortSignal once it has settled, retries
// included. An app passes one long-lived signal (its shutdown) to every call;
// while the gateway refuses connections every call retries, and each delay
// between attempts left its 'abort' listener behind: 5 calls, 10 listeners,
// Node's MaxListenersExceededWarning, and every delay's closure kept alive
// until the app shuts down. Written by the review rv3 (2026-11-26).
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { TopClient, TopNetworkError, type Transport } from '../../generated/client/src/node.ts';

test('calls retried through delays leave no abort listener on a shared signal', async () => {
  let sends = 0;
  // Proves every attempt unsent, so the client retries each call twice, after a delay.
  const refusing: Transport = {
    name: 'refusing',
    provesUnsent: true,
    send: async (r) => {
      sends++;
      throw new TopNetworkError(r.method, false, 'ECONNREFUSED');
    },
  };
  const shutdown = new AbortController();
  const client = new TopClient({ appKey: 'k', appSecret: 's', transport: refusing, retries: 2, retryDelayMs: 1 });
  for (let i = 0; i < 5; i++) {
    await assert.rejects(
      client.alibabaAlisportsLianbeiXposPay(
        { param0: { nego_price: '1', qr_code: 'q', request_id: `r${i}`, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n } },
        { signal: shutdown.signal },
      ),
      TopNetworkError,
    );
  }
  assert.equal(sends, 15, 'each call was tried three times');
  assert.equal(getEventListeners(shutdown.signal, 'abort').length, 0);
});
