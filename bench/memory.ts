// Issue 16 item 5: the gateway's heap under load stays flat. 100,000 signed
// calls over HTTP (16 in flight, keep-alive) with 50,000 distinct idempotency
// keys: calls 1-50,000 each bring a new key (claimed, run, recorded), calls
// 50,001-100,000 repeat them (replayed from the store). The gateway runs in its
// own process with --expose-gc and reports its heap after GC at checkpoints.
// The store must hold 50,000 outcomes, so the heap grows over the first half
// (that growth per key is reported); over the second half it must not.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { portWhenListening, ROOT, stopWithBench } from './lib.ts';
import { signedRequest } from './server.ts';

export interface MemoryResults {
  calls: number;
  keys: number;
  /** Heap in use after GC, MiB, by calls made. */
  heapMiB: { calls: number; heapMiB: number }[];
  /** Heap growth per stored key over the first half, bytes. */
  bytesPerKey: number;
  /** Heap growth over the second half (replays only), MiB. */
  secondHalfGrowthMiB: number;
}

function heapOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve((m as { heapUsed: number }).heapUsed / 2 ** 20));
    child.send('heap');
  });
}

export async function benchMemory(log: (s: string) => void, calls = 100_000, keys = 50_000): Promise<MemoryResults> {
  const child = stopWithBench(
    spawn(process.execPath, ['--expose-gc', '--import', import.meta.resolve('tsx'), path.join(ROOT, 'bench/servers/gateway-heap.ts')], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] }),
  );
  const port = await portWhenListening(child, 'the gateway (bench/servers/gateway-heap.ts)');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const call = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const { path: target, body } = signedRequest(n);
      const req = http.request(
        { host: '127.0.0.1', port, path: target, method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (text += c));
          res.on('end', () => (text.includes('"alibaba_alisports_lianbei_xpos_pay_response"') ? resolve() : reject(new Error(`call ${n} was refused: ${text}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const checkpoints = [1_000, keys, keys + (calls - keys) / 2, calls];
  const heapMiB: MemoryResults['heapMiB'] = [];
  try {
    let made = 0;
    for (const checkpoint of checkpoints) {
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (made < checkpoint) await call(made++ % keys);
        }),
      );
      heapMiB.push({ calls: checkpoint, heapMiB: await heapOf(child) });
      log(`  memory: after ${checkpoint.toLocaleString('en-US')} calls, heap after GC ${heapMiB.at(-1)!.heapMiB.toFixed(2)} MiB`);
    }
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
  }
  const at = (n: number) => heapMiB.find((h) => h.calls === n)!.heapMiB;
  return {
    calls,
    keys,
    heapMiB,
    bytesPerKey: ((at(keys) - at(1_000)) * 2 ** 20) / (keys - 1_000),
    secondHalfGrowthMiB: at(calls) - at(keys),
  };
}
