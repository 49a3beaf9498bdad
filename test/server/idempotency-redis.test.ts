// The Redis store with both clients (ioredis and the official `redis`)
// against a real redis-server on loopback: replay, conflict and duplicates
// across two gateways; Redis crashed and restarted with and without AOF
// while a handler runs; Redis down answers in bounded time; the start-up
// persistence warning; and two gateway processes, one killed mid-handler.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { createGateway, type Handlers, RedisIdempotencyStore } from '../../generated/server/src/index.ts';
import { PAY, payParam } from '../support/pay-order.ts';
import { startUntil } from '../support/processes.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { type ClientKind, connectClient, type RestartableRedis, startRestartableRedis } from '../support/redis-server.ts';
import { listen } from '../support/servers.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const outcomeOf = (a: { error_response?: { code: number; sub_code?: string }; alibaba_cloudgame_tradeplatform_payorder_response?: { value?: { pay_url?: string } } }) =>
  a.error_response ? `${a.error_response.code} ${a.error_response.sub_code}` : a.alibaba_cloudgame_tradeplatform_payorder_response?.value?.pay_url;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Calls as a client retrying a retryable isp. answer would (a client reconnecting after a restart may answer one), up to 5 s; every answer must be that or the outcome. */
async function retried(call: () => Promise<string | undefined>): Promise<string | undefined> {
  for (let i = 0; ; i++) {
    const answer = await call();
    if (!answer?.startsWith('15 isp.') || i >= 50) return answer;
    await sleep(100);
  }
}

let plain: RestartableRedis;
let aof: RestartableRedis;
before(async () => {
  [plain, aof] = await Promise.all([startRestartableRedis({ aof: false }), startRestartableRedis({ aof: true })]);
});
after(async () => {
  await Promise.all([plain?.dispose(), aof?.dispose()]);
});

/** Two gateways (as two processes) on one Redis, each with its own client of `kind`, and a counting handler. */
async function pair(kind: ClientKind, redis: RestartableRedis, handlerMs: number, options: { leaseMs?: number; waitMs?: number } = {}) {
  let runs = 0;
  const handlers: Handlers = {
    alibabaCloudgameTradeplatformPayorder: async () => {
      const n = ++runs;
      await sleep(handlerMs);
      return { result_success: true, value: { pay_url: `https://pay/${n}` } };
    },
  };
  const prefix = `t:${Math.random().toString(36).slice(2)}:`;
  const clients = await Promise.all([connectClient(kind, redis.port), connectClient(kind, redis.port)]);
  const warnings: string[] = [];
  const gateways = await Promise.all(
    clients.map((c) =>
      listen(
        createGateway({
          apps: () => SECRET,
          handlers,
          idempotencyStore: new RedisIdempotencyStore(c.client, { prefix, commandTimeoutMs: 500, onWarning: (w) => warnings.push(w) }),
          idempotencyLeaseMs: options.leaseMs ?? 30_000,
          idempotencyWaitMs: options.waitMs ?? 5_000,
          idempotencyStoreTimeoutMs: 1_000,
        }),
      ),
    ),
  );
  const call = async (i: number, key: string, amount = 1) => outcomeOf((await post(gateways[i]!.url, signedParams(PAY, payParam(key, amount)))).json);
  return {
    call,
    runs: () => runs,
    /** Resolves once the handler has run `n` times in all (so its call holds the key's claim). */
    untilRuns: async (n: number) => {
      for (let i = 0; i < 3000 && runs < n; i++) await sleep(5);
      assert.equal(runs, n, 'the handler started');
    },
    warnings,
    /** Resolves once Redis holds a key of this pair (a claim was written again). */
    untilStored: async () => {
      const probe = await connectClient('ioredis', redis.port);
      try {
        for (let i = 0; i < 500; i++) {
          const keys = (await (probe.client as { call(c: string, a: string[]): Promise<unknown> }).call('KEYS', [`${prefix}*`]).catch(() => [])) as string[];
          if (keys.length > 0) return;
          await sleep(10);
        }
        throw new Error('no claim was written again');
      } finally {
        await probe.close();
      }
    },
    close: async () => {
      await Promise.all(gateways.map((g) => g.close()));
      await Promise.all(clients.map((c) => c.close()));
    },
  };
}

for (const kind of ['ioredis', 'redis'] as ClientKind[]) {
  test(`${kind}: replay, conflict and 20 concurrent duplicates across two gateways run the handler once`, async () => {
    const t = await pair(kind, plain, 50);
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.call(i % 2, 'd1')));
      assert.deepEqual(new Set(answers), new Set(['https://pay/1']));
      assert.equal(await t.call(1, 'd1'), 'https://pay/1');
      assert.equal(await t.call(0, 'd1', 2), '41 isv.idempotency-conflict:request_param.pay_idempotent_code');
      assert.equal(t.runs(), 1);
    } finally {
      await t.close();
    }
  });

  test(`${kind}: Redis restarted EMPTY (no AOF) while a handler runs: the renewed claim holds off a duplicate, the outcome is still stored, the handler ran once`, async () => {
    // The lease (renewed every 400 ms) is not what this test is about: with 300 ms, a process
    // stalled for 200 ms let the rewritten claim lapse. The kill waits for the handler to run
    // (so its claim was written): after a fixed 300 ms, a late first call claimed nothing
    // before the restart and the test waited for a claim that never came ('no claim was written again').
    const t = await pair(kind, plain, 1500, { leaseMs: 1200, waitMs: 5000 });
    try {
      const first = t.call(0, 'e1');
      await t.untilRuns(1);
      await plain.kill();
      await plain.start();
      await t.untilStored(); // the clients reconnect; a renewal (every 400 ms) writes the claim again
      const second = await retried(() => t.call(1, 'e1'));
      assert.match((await first)!, /^(https:\/\/pay\/1|15 isp\..*)$/, 'the first caller gets its outcome or a retryable isp.');
      assert.equal(second, 'https://pay/1');
      assert.equal(await retried(() => t.call(1, 'e1')), 'https://pay/1', 'the retry replays');
      assert.equal(t.runs(), 1);
    } finally {
      await t.close();
    }
  });

  test(`${kind}: Redis crashed and restarted WITH AOF (appendfsync always) keeps claims and answers`, async () => {
    const t = await pair(kind, aof, 800, { leaseMs: 30_000, waitMs: 5000 });
    try {
      assert.equal(await t.call(0, 'a0'), 'https://pay/1');
      const first = t.call(0, 'a1');
      await t.untilRuns(2); // its claim is written (fsync'd) before the crash
      await aof.kill();
      await aof.start();
      await sleep(300);
      assert.equal(await retried(() => t.call(1, 'a0')), 'https://pay/1', 'a stored answer survives the crash');
      assert.equal(await retried(() => t.call(1, 'a1')), 'https://pay/2', 'a claim survives the crash: the duplicate waits for its outcome');
      assert.match((await first)!, /^(https:\/\/pay\/2|15 isp\..*)$/);
      assert.equal(t.runs(), 2);
    } finally {
      await t.close();
    }
  });

  test(`${kind}: with Redis down, even with the client's default options, a call answers a retryable isp. in bounded time and runs nothing`, async () => {
    const redis = await startRestartableRedis({ aof: false });
    const c = await connectClient(kind, redis.port, false);
    let runs = 0;
    const g = await listen(
      createGateway({
        apps: () => SECRET,
        handlers: { alibabaCloudgameTradeplatformPayorder: () => ({ result_success: ++runs > 0 }) },
        idempotencyStore: new RedisIdempotencyStore(c.client, { commandTimeoutMs: 300, onWarning: () => {} }),
      }),
    );
    try {
      await redis.kill();
      const started = Date.now();
      const answer = outcomeOf((await post(g.url, signedParams(PAY, payParam('down1')))).json);
      const took = Date.now() - started;
      assert.equal(answer, '15 isp.idempotency-store-unavailable');
      assert.equal(runs, 0);
      assert.ok(took < 10_000, `answered after ${took} ms (was 73 s with ioredis defaults)`);
    } finally {
      await g.close();
      await c.close();
      await redis.dispose();
    }
  });

  test(`${kind}: a gateway that listens while its Redis client still connects: the first call waits for the connection and runs once (the README's set-up)`, async () => {
    const c = await connectClient(kind, plain.port, true, false);
    let runs = 0;
    const g = await listen(
      createGateway({
        apps: () => SECRET,
        idempotencyStore: new RedisIdempotencyStore(c.client, { prefix: `ready:${Math.random()}:`, onWarning: () => {} }),
        handlers: { alibabaCloudgameTradeplatformPayorder: async () => ({ result_success: true, value: { pay_url: `https://pay/${++runs}` } }) },
      }),
    );
    try {
      assert.equal(outcomeOf((await post(g.url, signedParams(PAY, payParam('first')))).json), 'https://pay/1');
      assert.equal(outcomeOf((await post(g.url, signedParams(PAY, payParam('first')))).json), 'https://pay/1');
      assert.equal(runs, 1);
    } finally {
      await g.close();
      await c.close();
    }
  });

  test(`${kind}: the store warns at its first command when Redis may evict keys (maxmemory-policy other than noeviction)`, async () => {
    const admin = await connectClient(kind, plain.port);
    const config = (policy: string) =>
      'call' in admin.client ? admin.client.call('CONFIG', ['SET', 'maxmemory-policy', policy]) : admin.client.sendCommand(['CONFIG', 'SET', 'maxmemory-policy', policy]);
    try {
      for (const [policy, expectWarning] of [
        ['volatile-lru', true],
        ['allkeys-lru', true],
        ['noeviction', false],
      ] as const) {
        await config(policy);
        const warnings: string[] = [];
        const store = new RedisIdempotencyStore(admin.client, { prefix: `ev:${Math.random()}:`, onWarning: (w) => warnings.push(w) });
        assert.deepEqual(await store.checkEviction(), { policy });
        await store.get('x');
        for (let i = 0; i < 50 && warnings.filter((w) => /maxmemory-policy/.test(w)).length === 0 && expectWarning; i++) await sleep(10);
        await sleep(20);
        const evictionWarnings = warnings.filter((w) => /maxmemory-policy/.test(w));
        assert.equal(evictionWarnings.length, expectWarning ? 1 : 0, `${policy}: ${warnings.join()}`);
        if (expectWarning) assert.match(evictionWarnings[0]!, new RegExp(`maxmemory-policy ${policy}.*noeviction`));
      }
    } finally {
      await config('noeviction');
      await admin.close();
    }
  });

  test(`${kind}: the store checks persistence at its first command and warns that exactly-once across a restart needs AOF`, async () => {
    for (const [redis, expectWarning] of [
      [plain, true],
      [aof, false],
    ] as const) {
      const c = await connectClient(kind, redis.port);
      const warnings: string[] = [];
      const store = new RedisIdempotencyStore(c.client, { prefix: `w:${Math.random()}:`, onWarning: (w) => warnings.push(w) });
      assert.deepEqual(await store.checkPersistence(), { aof: !expectWarning });
      await store.get('x');
      for (let i = 0; i < 50 && expectWarning && warnings.length === 0; i++) await sleep(10);
      await sleep(20);
      await c.close();
      const aofWarnings = warnings.filter((w) => /appendonly/.test(w));
      assert.equal(aofWarnings.length, expectWarning ? 1 : 0, warnings.join());
      if (expectWarning) assert.match(aofWarnings[0]!, /appendonly yes/);
    }
  });
}

test('two gateway processes on one Redis: one SIGKILLed mid-handler; the other does not run the key while the lease lives, and runs it once after (not 24 h later)', async () => {
  const env = { ...process.env, REDIS_PORT: String(aof.port), LEASE_MS: '1500', PREFIX: `kill:${Math.random()}:` };
  const script = path.join(ROOT, 'test/support/redis-gateway.ts');
  const start = (handlerMs: number) => startUntil(process.execPath, ['--import', import.meta.resolve('tsx'), script], /listening (\d+)/, { env: { ...env, HANDLER_MS: String(handlerMs) } });
  const [a, b] = await Promise.all([start(60_000), start(10)]);
  const url = (s: typeof a) => `http://127.0.0.1:${s.match[1]}/router/rest`;
  try {
    void post(url(a), signedParams(PAY, payParam('k1'))).catch(() => {});
    while (!/RUN k1/.test(a.output())) await sleep(20);
    a.child.kill('SIGKILL');
    assert.equal(outcomeOf((await post(url(b), signedParams(PAY, payParam('k1')))).json), '15 isp.idempotent-request-pending');
    assert.doesNotMatch(b.output(), /RUN k1/);
    await sleep(1600); // the dead process's lease ends
    const answer = outcomeOf((await post(url(b), signedParams(PAY, payParam('k1')))).json);
    assert.equal(answer, `https://pay/${b.child.pid}`);
    assert.equal(b.output().match(/RUN k1/g)?.length, 1);
  } finally {
    a.child.kill('SIGKILL');
    b.child.kill('SIGTERM');
  }
});
