// Load on loopback: 1,000 concurrent connections with no failed request and no
// lost or doubled idempotent call; then a sustained run whose resident memory
// must stay flat. Bounded in count and time, loopback only.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { startUntil } from '../support/processes.ts';
import http from 'node:http';
import path from 'node:path';
import { TopClient } from '../../generated/client/src/index.ts';

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

async function stats(): Promise<{ rss: number; heap: number; keys: number; doubled: number; connections: number }> {
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

test('sustained load: 50 rounds × 1,000 calls on 200 connections; the bounded store (20,000 keys, answers kept 1 s, none evicted) keeps RSS growing less than 16 MiB from round 25 to round 50', async () => {
  const { client, agent } = clientWith(200);
  let warm = 0;
  let warmHeap = 0;
  for (let round = 1; round <= 50; round++) {
    const results = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => call(client, `r${round}-${i}`)));
    assert.equal(results.filter((r) => r.status === 'rejected').length, 0, `round ${round} had failures`);
    if (round === 25) ({ rss: warm, heap: warmHeap } = await stats());
  }
  const end = await stats();
  assert.equal(end.doubled, 0);
  const growth = (end.rss - warm) / 2 ** 20;
  console.log(`# gateway RSS after round 25: ${(warm / 2 ** 20).toFixed(1)} MiB, after round 50: ${(end.rss / 2 ** 20).toFixed(1)} MiB (growth ${growth.toFixed(1)} MiB); heap used ${(warmHeap / 2 ** 20).toFixed(1)} → ${(end.heap / 2 ** 20).toFixed(1)} MiB`);
  assert.ok(growth < 16, `RSS grew ${growth.toFixed(1)} MiB`);
  client.close();
  agent.destroy();
});
