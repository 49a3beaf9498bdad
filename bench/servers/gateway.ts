// Our gateway (the published server package) with a handler answering a
// constant body, and its default in-memory idempotency store: every benchmark
// call carries a new key (request_id), so every request takes the whole path
// (checks, signature, validation, claim, handler, response validation, record,
// envelope) instead of the cheaper replay.
import { createGateway, createGatewayServer, MemoryIdempotencyStore } from '../../generated/server/dist/index.js';
import { ANSWER, APP_KEY, APP_SECRET, serve } from './common.ts';

const gateway = createGateway({
  apps: (key: string) => (key === APP_KEY ? APP_SECRET : undefined),
  handlers: { alibabaAlisportsLianbeiXposPay: () => ANSWER },
  // Room for every key of a whole benchmark run (the default is 100,000).
  idempotencyStore: new MemoryIdempotencyStore({ maxEntries: 5_000_000 }),
  // The signed calls are made before the run; allow them an hour.
  timestampToleranceMs: 60 * 60 * 1000,
});
// No per-socket request limit, like the other servers here: autocannon keeps
// sending on a connection the server asked to close after 1,000 requests (the
// default), and node answers those with 503.
serve(createGatewayServer(gateway, { maxRequestsPerSocket: 0 }));
