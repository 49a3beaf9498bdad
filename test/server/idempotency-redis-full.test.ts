// A Redis that is full (maxmemory with noeviction, the set-up the README
// recommends) refuses the outcome's write (OOM) but still renews the claim
// (PEXPIRE is not refused). The engine used to retry the write for one lease,
// then stop renewing: the claim expired, and once Redis had room again a retry
// ran the handler a second time. While the claim is still ours, the outcome is
// retried and the claim kept, however long Redis stays full.
// Real redis-server on loopback.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { IdempotencyEngine, type Outcome, RedisIdempotencyStore } from '../../generated/server/src/index.ts';
import { connectClient, type RestartableRedis, startRestartableRedis } from '../support/redis-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (o: Outcome<unknown>) => (o.kind === 'answer' ? o.text : `${o.error.code} ${o.error.subCode}`);

let redis: RestartableRedis;
before(async () => {
  redis = await startRestartableRedis({ aof: false });
});
after(() => redis?.dispose());

test('Redis full while the outcome is recorded: the claim is kept and the outcome stored once Redis has room; the handler never runs twice', async () => {
  const { client, close } = await connectClient('ioredis', redis.port);
  const admin = client as unknown as { call(command: string, args: (string | number)[]): Promise<unknown> };
  // Renewed every 300 ms. With a 300 ms lease (renewed every 100 ms) a process stalled for
  // 200 ms let the claim lapse in Redis, and the retry (rightly) ran the handler again:
  // the lease's length is not what this test is about, that it is kept while Redis is full is.
  const LEASE = 900;
  try {
    const store = new RedisIdempotencyStore(client, { prefix: `full:${process.pid}:`, commandTimeoutMs: 1000, onWarning: () => {} });
    const engine = () => new IdempotencyEngine({ store, ttlMs: 60_000, leaseMs: LEASE, waitMs: 50, handlerTimeoutMs: 5000, storeTimeoutMs: 1000 });
    const a = engine();
    let runs = 0;
    const invoke = async () => {
      const n = ++runs;
      if (n === 1) await admin.call('CONFIG', ['SET', 'maxmemory', '1']); // Redis fills up while the first run runs
      return { text: `{"n":${n}}`, value: n };
    };
    const label = { path: 'request_param.pay_idempotent_code', value: 'k' };

    assert.equal(text((await a.run('k', 'f', label, invoke)).outcome), '15 isp.outcome-not-recorded');
    await sleep(LEASE * 3); // Redis stays full for several leases
    assert.match(text((await engine().run('k', 'f', label, invoke)).outcome), /^15 isp\./, 'a retry while Redis is full runs nothing');
    assert.equal(runs, 1);
    await admin.call('CONFIG', ['SET', 'maxmemory', '0']); // room again
    let answer = '';
    for (let i = 0; i < 50; i++) {
      answer = text((await engine().run('k', 'f', label, invoke)).outcome);
      if (!answer.startsWith('15 isp.')) break;
      await sleep(50);
    }
    assert.equal(answer, '{"n":1}');
    assert.equal(runs, 1);
  } finally {
    await admin.call('CONFIG', ['SET', 'maxmemory', '0']).catch(() => {});
    await close();
  }
});
