// Load on loopback: 1,000 concurrent connections with no failed request and no
// lost or doubled idempotent call; then a sustained run whose heap, measured
// after a full GC in the gateway's own process, must stay flat. Not RSS: the
// allocator keeps freed pages at will, so RSS moved on a busy machine while the
// heap did not. Bounded in count and time, loopback only.

import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { TopClient } from '../../generated/client/src/node.ts';
import { startUntil } from '../support/processes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess;
let base: string;

before(async () => {
  const started = await startUntil(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), path.join(ROOT, 'test/support/load-gateway.ts')], /listening (\d+)/);
  child = started.child;
  base = `http://127.0.0.1:${started.match[1]}`;
});
after(() => {
  child.kill('SIGTERM');
});

async function stats(): Promise<{ rss: number; heap: number; keys: number; doubled: number; connections: number; storeKeys: number }> {
  return (await fetch(`${base}/__stats`)).json() as never;
}

function clientWith(sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return { client: new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: `${base}/router/rest`, agent, timeoutMs: 60_000 }), agent };
}

const call = (client: TopClient, key: string) =>
  client.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: key, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's' } });

test('1,000 concurrent connections: every call answered, each of 500 keys sent twice at once runs once', async () => {
  const { client, agent } = clientWith(1000);
  const before = await stats();
  const keys = Array.from({ length: 500 }, (_, i) => `burst-${i}`);
  const results = await Promise.allSettled([...keys, ...keys].map((k) => call(client, k)));
  const failed = results.filter((r) => r.status === 'rejected');
  assert.deepEqual(failed.map((f) => String((f as PromiseRejectedResult).reason)).slice(0, 3), []);
  const answers = results.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof call>>>).value);
  for (let i = 0; i < 500; i++) {
    assert.equal(answers[i]!.result?.msg_info, `paid burst-${i}`);
    assert.equal(answers[i + 500]!.result?.msg_info, `paid burst-${i}`, 'the duplicate got the same answer');
    assert.equal(answers[i]!.result?.model?.biz_order_id, 9007199254740993n);
  }
  const after = await stats();
  assert.equal(after.keys - before.keys, 500, 'no call lost: every key reached the handler');
  assert.equal(after.doubled, 0, 'no key ran twice');
  assert.ok(after.connections - before.connections >= 1000, `only ${after.connections - before.connections} connections were opened`);
  client.close();
  agent.destroy();
});

const ROUNDS = 30;
const WARM_ROUND = 10;
const HEAP_BOUND_MIB = 2;
test(`sustained load: ${ROUNDS} rounds × 1,000 calls on 200 connections; once the bounded store is full, the heap after GC grows less than ${HEAP_BOUND_MIB} MiB from round ${WARM_ROUND} to round ${ROUNDS}`, async () => {
  const { client, agent } = clientWith(200);
  let warm: Awaited<ReturnType<typeof stats>> | undefined;
  for (let round = 1; round <= ROUNDS; round++) {
    const results = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => call(client, `r${round}-${i}`)));
    assert.equal(results.filter((r) => r.status === 'rejected').length, 0, `round ${round} had failures`);
    if (round === WARM_ROUND) warm = await stats();
  }
  const end = await stats();
  assert.ok(warm && warm.storeKeys <= (WARM_ROUND - 1) * 1000, 'the store was full before the first measure');
  assert.equal(end.doubled, 0);
  const mib = (n: number) => (n / 2 ** 20).toFixed(2);
  const growth = end.heap - warm.heap;
  console.log(
    `# gateway heap after GC, round ${WARM_ROUND}: ${mib(warm.heap)} MiB, round ${ROUNDS}: ${mib(end.heap)} MiB (growth ${mib(growth)} MiB over ${(ROUNDS - WARM_ROUND) * 1000} calls); RSS ${mib(warm.rss)} → ${mib(end.rss)} MiB, not checked`,
  );
  assert.ok(growth < HEAP_BOUND_MIB * 2 ** 20, `the heap grew ${mib(growth)} MiB`);
  client.close();
  agent.destroy();
});
