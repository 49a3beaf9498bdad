// npm run bench:core-ab -- REV [BLOCKS] [CALLS]: the gateway core of the
// working tree against the one committed at REV, in one process, without HTTP.
// Blocks of CALLS signed xpos.pay calls (50 in flight, each a new key) alternate
// between the two builds, AB then BA; the figure is the median CPU µs a call of
// each and the median of the per-pair ratios. Neighbouring blocks see the same
// machine, so this resolves a few percent where separate runs cannot.
// (Run `npm run generate` first: it compares generated/server, not runtime/.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { median, ROOT, removeWithBench } from './lib.ts';
import { signedRequest } from './server.ts';
import { benchGatewayOptions } from './servers/common.ts';

const [rev = 'HEAD', blocksArg = '20', callsArg = '3000'] = process.argv.slice(2);
// Every argument is checked before anything is built, as bench:client-ab does.
function usage(message: string): never {
  console.error(`bench:core-ab: ${message}\nusage: npm run bench:core-ab -- REV [BLOCKS] [CALLS]`);
  process.exit(2);
}
// Number('abc') would run no block and crash on the median of nothing.
const whole = (name: string, arg: string) => (/^[1-9]\d*$/.test(arg) ? Number(arg) : usage(`${name} must be a whole number from 1; got ${arg}`));
const blocks = whole('BLOCKS', blocksArg);
const calls = whole('CALLS', callsArg);
// A commit, resolved without a shell (a REV of `$(…)` was run by bash here) and never read as a git option.
let commit = '';
try {
  commit = rev.startsWith('-') ? '' : execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
} catch {
  commit = '';
}
if (!commit) usage(`REV must be a commit of this repository; got ${rev}`);
// Inside the repository (git-ignored), so the old build resolves the same node_modules; removed at the end.
const dir = path.join(ROOT, '.artifacts/core-ab', rev.replace(/[^\w.-]/g, '_'));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
removeWithBench(dir);
execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', commit, 'generated/server'], { cwd: ROOT, maxBuffer: 1 << 30 }) });

interface Core {
  handle(request: object): Promise<unknown>;
}
async function coreFrom(distIndex: string): Promise<Core> {
  const m = (await import(distIndex)) as { GatewayCore: new (o: object) => Core; MemoryIdempotencyStore: new (o: object) => object; operations: object };
  return new m.GatewayCore({ operations: m.operations, ...benchGatewayOptions(m.MemoryIdempotencyStore) });
}
const cores = [await coreFrom(path.join(dir, 'generated/server/dist/index.js')), await coreFrom(path.join(ROOT, 'generated/server/dist/index.js'))];

let n = 0;
const fresh = () => {
  const r = signedRequest(++n);
  return { httpMethod: 'POST', url: r.path, contentType: 'application/x-www-form-urlencoded;charset=UTF-8', body: Buffer.from(r.body) };
};
async function block(core: Core): Promise<number> {
  const requests = Array.from({ length: calls }, fresh); // signed before the clock starts
  let next = 0;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < calls) await core.handle(requests[next++]!);
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}
// Each build must answer the call, or its blocks time refusals (an error envelope is cheaper than a payment).
for (const core of cores) {
  const answer = (await core.handle(fresh())) as { body?: string };
  if (!String(answer.body).includes('9007199254740993')) throw new Error(`bench:core-ab: a build refused the benchmark call: ${answer.body}`);
}
for (const core of cores) for (let i = 0; i < 2; i++) await block(core); // warm up
const cpu: [number[], number[]] = [[], []];
const ratios: number[] = [];
for (let b = 0; b < blocks; b++) {
  const order = b % 2 ? [1, 0] : [0, 1];
  const pair: number[] = [];
  for (const k of order) pair[k] = await block(cores[k]!);
  cpu[0].push(pair[0]!);
  cpu[1].push(pair[1]!);
  ratios.push(pair[1]! / pair[0]!);
}
console.log(
  `${rev}: ${median(cpu[0]).toFixed(1)} µs a call; working tree: ${median(cpu[1]).toFixed(1)} µs a call; working tree / ${rev}: ${median(ratios).toFixed(3)} (median of ${blocks} pairs of ${calls} calls)`,
);
