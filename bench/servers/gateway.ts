// Our gateway (the published server package) with a handler answering a
// constant body, and the in-memory idempotency store (room for every key of a run): every benchmark
// call carries a new key (request_id), so every request takes the whole path
// (checks, signature, validation, claim, handler, response validation, record,
// envelope) instead of the cheaper replay.
import { createGateway, createGatewayServer, MemoryIdempotencyStore } from '../../generated/server/dist/index.js';
import { benchGatewayOptions, serve } from './common.ts';

const gateway = createGateway(benchGatewayOptions(MemoryIdempotencyStore));
// No per-socket request limit, like the other servers here: autocannon keeps
// sending on a connection the server asked to close after 1,000 requests (the
// default), and node answers those with 503.
serve(createGatewayServer(gateway, { maxRequestsPerSocket: 0 }));
