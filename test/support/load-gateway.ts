// A gateway in its own process for the load test: counts handler runs per
// idempotency key and reports its resident memory (after a GC) on /__stats.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, MemoryIdempotencyStore } from '../../generated/server/src/index.ts';

const runs = new Map<string, number>();
const gateway = createGateway({
  apps: () => 'helloworld',
  // The memory store never drops an unexpired answer (issue 11), so it stays bounded by answers expiring: kept 2 s here.
  idempotencyStore: new MemoryIdempotencyStore({ maxEntries: 20_000 }),
  idempotencyTtlMs: 1_000,
  handlers: {
    alibabaAlisportsLianbeiXposPay: async (params) => {
      const key = params.param0.request_id;
      runs.set(key, (runs.get(key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2)); // a little work, so duplicates overlap
      return { result: { success: true, msg_info: `paid ${key}`, model: { biz_order_id: 9007199254740993n } } };
    },
  },
});
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/__stats') {
    (globalThis as { gc?: () => void }).gc?.();
    let doubled = 0;
    for (const n of runs.values()) if (n > 1) doubled++;
    res.end(JSON.stringify({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, keys: runs.size, doubled, connections }));
    return;
  }
  gateway(req, res);
});
server.on('connection', () => connections++);
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', 4096, () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
