// A Redis connection cut after a command reached Redis but before its reply
// came back: ioredis (autoResendUnfulfilledCommands, its default) sends the
// command again once it has reconnected. A resent claim then finds the key
// held by its own owner token. That claim is this call's: the handler must run
// now, not wait a whole lease on itself and answer isp.idempotent-request-pending.
// Real redis-server on loopback, behind a TCP proxy the test controls.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { IdempotencyEngine, RedisIdempotencyStore } from '../../generated/server/src/index.ts';
import { connectClient, type RestartableRedis, startRestartableRedis } from '../support/redis-server.ts';

/** A proxy to Redis that, when armed, passes the next EVAL on but drops its reply and cuts the connection. */
async function replyDroppingProxy(redisPort: number) {
  let armed = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(redisPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let mute = false;
    client.on('data', (chunk) => {
      if (armed && chunk.includes('EVAL')) {
        armed = false;
        mute = true; // Redis runs the command; the client never hears back
        setTimeout(() => {
          client.destroy();
          upstream.destroy();
        }, 30);
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!mute && !client.destroyed) client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on('error', () => b.destroy());
      a.on('close', () => {
        b.destroy();
        sockets.delete(a);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    arm: () => {
      armed = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let redis: RestartableRedis;
before(async () => {
  redis = await startRestartableRedis({ aof: false });
});
after(() => redis?.dispose());

test('ioredis resends a claim whose reply was lost: the call holds its own claim, runs the handler once and answers (not isp.idempotent-request-pending for a lease)', async () => {
  const proxy = await replyDroppingProxy(redis.port);
  const { client, close } = await connectClient('ioredis', proxy.port);
  try {
    const store = new RedisIdempotencyStore(client, { prefix: `resend:${process.pid}:`, commandTimeoutMs: 2000, onWarning: () => {} });
    await store.get('warm-up'); // the first command's persistence check is not what this test is about
    const engine = new IdempotencyEngine({ store, ttlMs: 60_000, leaseMs: 60_000, waitMs: 300, handlerTimeoutMs: 5000, storeTimeoutMs: 3000 });
    let runs = 0;
    const invoke = async () => ({ text: `{"n":${++runs}}`, value: runs });
    const label = { path: 'request_param.pay_idempotent_code', value: 'k' };

    proxy.arm(); // the claim reaches Redis, its reply does not
    const first = await engine.run('k', 'f', label, invoke);
    assert.equal(first.outcome.kind === 'answer' ? first.outcome.text : `${first.outcome.error.code} ${first.outcome.error.subCode}`, '{"n":1}');
    const again = await engine.run('k', 'f', label, invoke);
    assert.equal(again.outcome.kind === 'answer' ? again.outcome.text : again.outcome.error.subCode, '{"n":1}');
    assert.equal(runs, 1);
  } finally {
    await close();
    await proxy.close();
  }
});
