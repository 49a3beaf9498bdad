// npm run bench refuses a misspelt part or flag by name, before measuring
// anything: it used to run no part, print an empty target list and exit 0
// (`--only clinet`), crash on `--only` alone, or take `--quik` for a whole
// run that rewrites BENCHMARKS.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from '../support/processes.ts';

const bench = (...args: string[]) => runScript('bench/run.ts', args);

for (const [args, message] of [
  [['--only', 'clinet', '--quick'], /--only takes generation, client, server, memory; got clinet/],
  [['--quick', '--only', 'client,'], /--only takes generation, client, server, memory; got \(empty\)/],
  [['--only'], /--only needs a comma-separated list of parts/],
  [['--only', '--quick'], /--only needs a comma-separated list of parts/],
  [['--quik'], /unknown argument --quik/],
] as const) {
  test(`bench ${args.join(' ')} is refused by name before it measures anything`, async () => {
    const r = await bench(...args);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, message);
    assert.doesNotMatch(r.out, /benchmarks:|targets:|TypeError/);
  });
}
