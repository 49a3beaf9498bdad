// The bench gateway with a store that keeps no outcome past its call: each
// outcome expires at once and is swept when 1,000 entries are held. Not a
// gateway anyone should run (a retry would run the handler again); it is the
// control for the question "does the store's growth over a run cost the
// gateway throughput?" (`npm run bench:rounds -- gateway,gateway-forgetful`).
import { createGateway, createGatewayServer, MemoryIdempotencyStore } from '../../generated/server/dist/index.js';
import { benchGatewayOptions, serve } from './common.ts';

class ForgetfulStore extends MemoryIdempotencyStore {
  constructor() {
    super({ maxEntries: 1000 });
  }
  override completeSync(key: string, fingerprint: string, owner: string, outcome: string, _ttlMs: number) {
    return super.completeSync(key, fingerprint, owner, outcome, 0);
  }
}

const gateway = createGateway(benchGatewayOptions(ForgetfulStore));
serve(createGatewayServer(gateway, { maxRequestsPerSocket: 0 }));
