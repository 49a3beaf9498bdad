// A gateway in its own process for the load test: counts handler runs per
// idempotency key and reports its heap after a full GC on /__stats (run with
// --expose-gc). Its own bookkeeping is bounded too, so the heap it reports
// grows only if the gateway does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, MemoryIdempotencyStore } from '../../generated/server/src/index.ts';

const STORE_KEYS = Number(process.env.LOAD_STORE_KEYS ?? 5_000);
let requestsSeen = 0;
// Keys seen lately (duplicates are sent together, so a window finds them all).
const recent = new Set<string>();
const RECENT_KEYS = 10_000;
let keys = 0;
let doubled = 0;
const gateway = createGateway({
  apps: () => 'helloworld',
  // The memory store never drops an unexpired answer (issue 11), so it stays bounded by answers expiring.
  // Its clock counts requests, not ms: an answer lives for the next STORE_KEYS - 1000 requests, which
  // bounds the store whatever the machine's speed, and outlives every duplicate the tests send together.
  idempotencyStore: new MemoryIdempotencyStore({ maxEntries: STORE_KEYS, now: () => requestsSeen }),
  idempotencyTtlMs: STORE_KEYS - 1000,
  handlers: {
    alibabaAlisportsLianbeiXposPay: async (params) => {
      const key = params.param0.request_id;
      if (recent.has(key)) doubled++;
      else {
        keys++;
        recent.add(key);
        if (recent.size > RECENT_KEYS) recent.delete(recent.values().next().value!);
      }
      await new Promise((r) => setTimeout(r, 2)); // a little work, so duplicates overlap
      return { result: { success: true, msg_info: `paid ${key}`, model: { biz_order_id: 9007199254740993n } } };
    },
  },
});
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/__stats') {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('load-gateway needs node --expose-gc');
    // Twice: the first collection can leave garbage that finalizers freed.
    gc();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    res.end(JSON.stringify({ heap: heapUsed, rss, keys, doubled, connections, storeKeys: STORE_KEYS }));
    return;
  }
  requestsSeen++;
  gateway(req, res);
});
server.on('connection', () => connections++);
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', 4096, () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
