// Our gateway (the published server package) with a handler answering a
// constant body. The idempotency store claims every call, so every request
// takes the whole path (checks, signature, validation, handler, response
// validation, envelope) instead of the cheaper replay.
import http from 'node:http';
import { createGateway } from '../../generated/server/dist/index.js';
import { ANSWER, serve } from './common.ts';

const gateway = createGateway({
  apps: (key: string) => (key === '12345678' ? 'helloworld' : undefined),
  handlers: { alibabaAlisportsLianbeiXposPay: () => ANSWER },
  idempotencyStore: { claim: async () => ({ claimed: true }), renew: async () => 'renewed', complete: async () => ({ stored: true }), release: async () => {}, get: async () => undefined },
  // A signed request is replayed by autocannon for the whole run.
  timestampToleranceMs: 60 * 60 * 1000,
});
serve(http.createServer(gateway));
