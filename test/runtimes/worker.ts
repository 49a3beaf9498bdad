// The client suite inside Cloudflare workerd, without nodejs_compat: `workerd
// test` calls this Worker's test handler, which prints `RESULT <json>`. The
// client is the package's portable entry (what the `workerd` condition picks),
// loaded as plain ES modules: any node:* import would fail to load.
import * as pkg from '../../generated/client/dist/index.js';
import { runSuite } from './client-suite.ts';

export default {
  async test(_controller: unknown, env: { TARGETS: string }): Promise<void> {
    console.log(`RESULT ${JSON.stringify(await runSuite(pkg, JSON.parse(env.TARGETS), 'fetch'))}`);
  },
};
