// What every benchmark server shares: the call they serve and how they start.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

import { APP_KEY, APP_SECRET } from './app.ts';

export { APP_KEY, APP_SECRET };

export const ROOT_NAME = 'alibaba_alisports_lianbei_xpos_pay_response';
export const ANSWER = {
  result: {
    model: { checkout_id: '0', biz_order_id: 9007199254740993n, success: true, current_pay_fee: 3n, payment_order_id: '3', result_status: 3n },
    http_status_code: 200n,
    msg_code: '0',
    msg_info: '访问成功',
    success: true,
  },
};
export const ENVELOPE = `{"${ROOT_NAME}":{"result":{"model":{"checkout_id":"0","biz_order_id":9007199254740993,"success":true,"current_pay_fee":3,"payment_order_id":"3","result_status":3},"http_status_code":200,"msg_code":"0","msg_info":"访问成功","success":true},"request_id":"bench"}}`;

/**
 * The gateway every gateway bench drives (the HTTP server, the in-process loop,
 * the core A/B): the bench's app, a handler answering ANSWER at once, and
 * `MemoryStore` (the package's MemoryIdempotencyStore, from whichever build is measured).
 */
export function benchGatewayOptions<Store>(MemoryStore: new (options: { maxEntries: number }) => Store) {
  return {
    apps: (key: string) => (key === APP_KEY ? APP_SECRET : undefined),
    handlers: { alibabaAlisportsLianbeiXposPay: () => ANSWER },
    // Room for every key of a whole benchmark run (the default is 100,000).
    idempotencyStore: new MemoryStore({ maxEntries: 5_000_000 }),
    // The signed calls are made before the run; allow them an hour.
    timestampToleranceMs: 60 * 60 * 1000,
  };
}

// Peak RSS, reported by the process itself on SIGTERM (resourceUsage's maxRSS is in KiB).
process.on('SIGTERM', () => console.log(`peak-rss-kib ${process.resourceUsage().maxRSS}`));

// "cpu" on stdin: the CPU time used so far (user + system, all threads, µs), so
// the parent can take the CPU of one run and divide it by the requests served.
process.stdin.on('data', (chunk) => {
  if (String(chunk).includes('cpu')) {
    const used = process.cpuUsage();
    console.log(`cpu-us ${used.user + used.system}`);
  }
});
process.stdin.unref?.();

/** Listens on 127.0.0.1, prints the port for the parent, and on SIGTERM reports its peak RSS and exits. */
export function serve(server: http.Server | { listen: (port: number, host: string) => Promise<unknown>; server: http.Server; close: () => Promise<unknown> }): void {
  const done = (port: number) => console.log(`listening ${port}`);
  if ('address' in server) {
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', 2048, () => done((server.address() as AddressInfo).port));
    process.on('SIGTERM', () => server.close(() => process.exit(0)));
  } else {
    server.server.keepAliveTimeout = 60_000;
    void server.listen(0, '127.0.0.1').then(() => done((server.server.address() as AddressInfo).port));
    process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
  }
  // Idle connections must not keep the process from exiting.
  process.on('SIGTERM', () => setTimeout(() => process.exit(0), 500).unref());
}
