// The client part of `npm run bench`, in a process of its own. The generation
// part loads the spec bundler and builds 50- and 500-operation specs in the
// bench's process; measured after it in that process, whole calls over fetch
// came out 0.91 of the minimal signer (a whole run) and 0.95 (`--only
// generation,client`), where a process that had done nothing else gave 0.98
// (`--only client`); one run each, on bfa5212, 2026-11-26, so each within
// about ±3%. A likely reason, not taken apart further: our client allocates
// more per call than the minimal signer, and GC in a fuller process costs
// the side that allocates more the more. (Not borne out: the review rv15,
// 16-pair runs over fetch, three to eight each way, gave 0.93-0.97 in a fresh process (eight runs),
// 0.93-1.02 after build + loadSpec + the 50- and 500-operation specs in the same
// process, 0.94-0.99 with 150 MiB of objects held: no effect as large as the
// noise, so the 0.91 was more likely noise than a cost hidden here.) A user's
// service holds no bundled 500-operation spec: the client is measured in a
// process of its own, as each server is.
//
// Run by bench/run.ts: `node --import tsx bench/client-process.ts RUNS`. Log
// lines go to stdout as they come; the results are the last line, CLIENT_RESULTS_PREFIX and JSON.
import { benchClient, CLIENT_RESULTS_PREFIX } from './client.ts';

const runs = Number(process.argv[2]);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(`bench/client-process.ts: RUNS must be a whole number from 1; got ${process.argv[2]}`);
  process.exit(2);
}
const results = await benchClient(runs, (s) => console.log(s));
console.log(CLIENT_RESULTS_PREFIX + JSON.stringify(results));
