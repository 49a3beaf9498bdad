// The gateway of bench/memory.ts: the published package with its default
// in-memory idempotency store, over node:http. Run with --expose-gc; on the
// parent's "heap" message it collects garbage and reports the heap in use.
import { createGateway, createGatewayServer } from '../../generated/server/dist/index.js';
import { ANSWER, APP_KEY, APP_SECRET, serve } from './common.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const gateway = createGateway({
  apps: (key: string) => (key === APP_KEY ? APP_SECRET : undefined),
  handlers: { alibabaAlisportsLianbeiXposPay: () => ANSWER },
  timestampToleranceMs: 60 * 60 * 1000,
});
process.on('message', (message) => {
  if (message !== 'heap') return;
  // Twice: the first pass may leave objects that finalizers freed for the second.
  gc();
  gc();
  process.send!({ heapUsed: process.memoryUsage().heapUsed });
});
serve(createGatewayServer(gateway));
