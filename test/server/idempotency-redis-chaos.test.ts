// Two gateways, each with its own ioredis client, reach one redis-server
// (AOF, appendfsync always) through a TCP proxy; while duplicate calls of
// many keys run, Redis is paused (SIGSTOP), crashed and restarted (SIGKILL),
// and the network is cut or stalled. Every outage is well inside the lease,
// so the guarantee of docs/decisions/0001 applies: each handler runs at most
// once per key, and every answer a client got that is not a retryable isp.
// is the one a later replay gives. The fault schedule comes from a seed,
// printed (rerun with CHAOS_SEED=<seed>); timing on a shared machine still varies.

import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { createGateway, GatewayError, type Handlers, RedisIdempotencyStore } from '../../generated/server/src/index.ts';
import { prng } from '../support/faulty-store.ts';
import { PAY, payParam } from '../support/pay-order.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { connectClient, type RestartableRedis, startRestartableRedis } from '../support/redis-server.ts';
import { listen } from '../support/servers.ts';

const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
const LEASE_MS = 6000; // well above an outage plus the clients' reconnect backoff, on a loaded machine too
const MAX_OUTAGE_MS = 400;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TCP proxy to Redis that can cut every connection (and refuse new ones) or stall traffic both ways. */
async function chaosProxy(redisPort: number) {
  let mode: 'pass' | 'drop' | 'stall' = 'pass';
  const sockets = new Set<net.Socket>();
  const stalled: (() => void)[] = [];
  const server = net.createServer((client) => {
    if (mode === 'drop') return void client.destroy();
    const upstream = net.connect(redisPort, '127.0.0.1');
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      from.on('data', (chunk) => {
        if (mode !== 'stall') return void to.write(chunk);
        from.pause();
        stalled.push(() => {
          to.write(chunk);
          from.resume();
        });
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        to.destroy();
        sockets.delete(from);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const pass = () => {
    mode = 'pass';
    for (const resume of stalled.splice(0)) resume();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    drop: () => {
      mode = 'drop';
      for (const s of sockets) s.destroy();
    },
    stall: () => {
      mode = 'stall';
    },
    pass,
    close: () => {
      pass();
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let redis: RestartableRedis;
before(async () => {
  redis = await startRestartableRedis({ aof: true });
});
after(() => redis?.dispose());

test(`Redis paused, crashed and cut off under duplicate calls from two gateways: at most one run per key, every final answer is the recorded one (seed ${SEED})`, async () => {
  console.log(`redis chaos: seed ${SEED} (rerun with CHAOS_SEED=${SEED})`);
  const random = prng(SEED);
  const proxy = await chaosProxy(redis.port);
  const clients = await Promise.all([connectClient('ioredis', proxy.port), connectClient('ioredis', proxy.port)]);
  const runs = new Map<string, number>();
  const handlers: Handlers = {
    alibabaCloudgameTradeplatformPayorder: (params) => {
      const key = params.request_param.pay_idempotent_code;
      const n = (runs.get(key) ?? 0) + 1;
      runs.set(key, n);
      const answer = { result_success: true, value: { pay_url: `https://pay/${key}/${n}` } };
      if (key.startsWith('sync')) return answer;
      if (key.startsWith('throw')) throw new GatewayError(15, 'isv.declined', `declined ${n}`);
      return sleep(Math.floor(random() * 300)).then(() => answer);
    },
  };
  const gateways = await Promise.all(
    clients.map((c) =>
      listen(
        createGateway({
          apps: () => SECRET,
          handlers,
          idempotencyStore: new RedisIdempotencyStore(c.client, { prefix: `chaos:${SEED}:`, commandTimeoutMs: 300, onWarning: () => {} }),
          idempotencyLeaseMs: LEASE_MS,
          idempotencyWaitMs: 300,
          idempotencyStoreTimeoutMs: 400,
          handlerTimeoutMs: 2000,
        }),
      ),
    ),
  );
  /** The answer without its request_id; `retry` when it is a retryable isp. answer. */
  const call = async (gateway: number, key: string) => {
    const answer = await post(gateways[gateway]!.url, signedParams(PAY, payParam(key)));
    const sub: string | undefined = answer.json?.error_response?.sub_code;
    return { retry: sub?.startsWith('isp.') === true, body: answer.body.replace(/,?"request_id":"[0-9a-z]+"/, '') };
  };
  const seen = new Map<string, Set<string>>();
  let stop = false;
  try {
    const faults = (async () => {
      while (!stop) {
        await sleep(100 + Math.floor(random() * 300));
        const outage = 50 + Math.floor(random() * (MAX_OUTAGE_MS - 50));
        const kind = Math.floor(random() * 4);
        if (kind === 0) {
          const pid = redis.pid();
          if (pid === undefined) continue;
          process.kill(pid, 'SIGSTOP');
          await sleep(outage);
          process.kill(pid, 'SIGCONT');
        } else if (kind === 1) {
          await redis.kill();
          await sleep(outage);
          await redis.start();
        } else {
          if (kind === 2) proxy.drop();
          else proxy.stall();
          await sleep(outage);
          proxy.pass();
        }
      }
    })();
    const keys = Array.from({ length: 18 }, (_, i) => `${['async', 'sync', 'throw'][i % 3]}-${i}`);
    const callers: Promise<void>[] = [];
    for (const key of keys) {
      await sleep(Math.floor(random() * 80));
      const duplicates = 1 + Math.floor(random() * 3);
      for (let d = 0; d < duplicates; d++) {
        callers.push(
          (async () => {
            for (let attempt = 0; attempt < 20; attempt++) {
              const answer = await call(Math.floor(random() * 2), key);
              if (!answer.retry) {
                if (!seen.has(key)) seen.set(key, new Set());
                seen.get(key)!.add(answer.body);
                return;
              }
              await sleep(50 + Math.floor(random() * 150));
            }
          })(),
        );
      }
    }
    await Promise.all(callers);
    stop = true;
    await faults;
    proxy.pass();
    // Every key ends with one recorded answer: the one every client that got a final answer got.
    for (const key of keys) {
      let final = await call(0, key);
      for (let i = 0; final.retry && i < 60; i++) {
        await sleep(200);
        final = await call(i % 2, key);
      }
      assert.equal(final.retry, false, `${key} still answers ${final.body}`);
      assert.ok((runs.get(key) ?? 0) <= 1, `${key} ran ${runs.get(key)} times (seed ${SEED})`);
      for (const body of seen.get(key) ?? []) assert.equal(body, final.body, `${key}: a client got an answer the replay does not give (seed ${SEED})`);
    }
  } finally {
    stop = true;
    await Promise.all(gateways.map((g) => g.close()));
    await Promise.all(clients.map((c) => c.close()));
    await proxy.close();
  }
});
