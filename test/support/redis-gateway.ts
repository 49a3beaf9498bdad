// A gateway process on a shared redis-server, for the tests that kill one
// (SIGKILL) mid-handler. Env: REDIS_PORT, LEASE_MS, HANDLER_MS, PREFIX.
// Prints `listening <port>` when ready and `RUN <key>` when its handler starts.
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { createGateway, createGatewayServer, RedisIdempotencyStore } from '../../generated/server/src/index.ts';

const redis = new Redis({ port: Number(process.env.REDIS_PORT), host: '127.0.0.1', enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
await redis.connect();
const handlerMs = Number(process.env.HANDLER_MS ?? 10);
const gateway = createGateway({
  apps: () => 'helloworld',
  idempotencyStore: new RedisIdempotencyStore(redis, { prefix: process.env.PREFIX ?? 'kill:', onWarning: () => {} }),
  idempotencyLeaseMs: Number(process.env.LEASE_MS ?? 30_000),
  idempotencyWaitMs: 100,
  handlerTimeoutMs: 60_000,
  handlers: {
    alibabaCloudgameTradeplatformPayorder: async (params) => {
      process.stdout.write(`RUN ${params.request_param.pay_idempotent_code}\n`);
      await new Promise((r) => setTimeout(r, handlerMs));
      return { result_success: true, value: { pay_url: `https://pay/${process.pid}` } };
    },
  },
});
const server = createGatewayServer(gateway);
server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => {
  server.close();
  redis.disconnect();
});
