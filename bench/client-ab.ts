// npm run bench:client-ab -- REV [TRANSPORT] [PAIRS]: whole client calls of
// the working tree's generated client against REV's (or, with REV `minimal`,
// against the minimal signer, issue 16's peer; with `minimal-timed`, against
// the minimal signer with a 30 s timeout a call, ours' default), over TRANSPORT (`node:http`,
// the default, or `fetch`) to the bare node:http server in its own process,
// 16 in flight. Blocks of 400 ms alternate AB then BA; the figures are the
// medians of the client process's CPU µs a call and of the per-pair ratios of
// calls/s and of CPU (the other's over the working tree's: above 1, the working
// tree costs less). The bench's full run takes about 10 min; this resolves a few
// percent in one. (Run `npm run generate` first: it loads generated/client.)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { inFlight, startBareServer } from './client.ts';
import { median, ROOT, removeWithBench } from './lib.ts';
import { minimalFetch, minimalNodeHttp, TYPED } from './minimal-signer.ts';

const [rev = 'HEAD', transport = 'node:http', blocksArg = '30'] = process.argv.slice(2);
// Every argument is checked before the server starts: a failure after it would leave it running.
function usage(message: string): never {
  console.error(`bench:client-ab: ${message}\nusage: npm run bench:client-ab -- REV|minimal|minimal-timed [node:http|fetch] [PAIRS]`);
  process.exit(2);
}
if (transport !== 'node:http' && transport !== 'fetch') usage(`TRANSPORT is node:http or fetch, not ${transport}`);
// Number('abc') would run no pair and print NaN figures.
const blocks = /^[1-9]\d*$/.test(blocksArg) ? Number(blocksArg) : usage(`PAIRS must be a whole number from 1; got ${blocksArg}`);
// A commit, resolved without a shell (a REV of `$(…)` is not run) and never read as a git option.
const minimal = rev === 'minimal' || rev === 'minimal-timed';
// The minimal signer's timeout, when timed: ours' default, so neither ever fires.
const minimalTimeoutMs = rev === 'minimal-timed' ? 30_000 : undefined;
let commit = '';
if (!minimal) {
  try {
    commit = rev.startsWith('-') ? '' : execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    commit = '';
  }
  if (!commit) usage(`REV must be a commit of this repository, \`minimal\` or \`minimal-timed\`; got ${rev}`);
}

interface ClientModule {
  TopClient: new (o: object) => { alibabaAlisportsLianbeiXposPay(p: object): Promise<unknown>; close(): void };
  fetchTransport(): object;
}
// The builds are loaded before the server starts: a REV without generated/client/dist fails here, leaving nothing running.
let otherModule: ClientModule | undefined;
let dir: string | undefined;
if (!minimal) {
  // Inside the repository (git-ignored), so the old build resolves the same node_modules; removed at the end.
  dir = path.join(ROOT, '.artifacts/client-ab', rev.replace(/[^\w.-]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(removeWithBench(dir), { recursive: true });
  execFileSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', commit, 'generated/client'], { cwd: ROOT, maxBuffer: 1 << 30 }) });
  otherModule = (await import(path.join(dir, 'generated/client/dist/node.js'))) as ClientModule;
}
const oursModule = (await import(path.join(ROOT, 'generated/client/dist/node.js'))) as ClientModule;

const { server, port } = await startBareServer();
const url = `http://127.0.0.1:${port}/router/rest`;
const clientOf = (m: ClientModule) =>
  new m.TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: url, signMethod: 'md5', ...(transport === 'fetch' ? { transport: m.fetchTransport() } : {}) });

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const otherClient = otherModule ? clientOf(otherModule) : undefined;
const other: () => Promise<unknown> = otherClient
  ? () => otherClient.alibabaAlisportsLianbeiXposPay(TYPED)
  : transport === 'fetch'
    ? () => minimalFetch(url, minimalTimeoutMs)
    : () => minimalNodeHttp(url, agent, minimalTimeoutMs);
const oursClient = clientOf(oursModule);
const ours = () => oursClient.alibabaAlisportsLianbeiXposPay(TYPED);

try {
  for (let i = 0; i < 2; i++) {
    await inFlight(other, 500);
    await inFlight(ours, 500);
  }
  const cpu: [number[], number[]] = [[], []];
  const rates: number[] = [];
  const cpuRatios: number[] = [];
  for (let b = 0; b < blocks; b++) {
    const [first, second] = b % 2 ? [ours, other] : [other, ours];
    const x = await inFlight(first, 400);
    const y = await inFlight(second, 400);
    const [o, w] = b % 2 ? [y, x] : [x, y];
    cpu[0].push(o.cpuUs);
    cpu[1].push(w.cpuUs);
    rates.push(w.rate / o.rate);
    cpuRatios.push(o.cpuUs / w.cpuUs);
  }
  console.log(
    `${transport}, ${rev}: ${median(cpu[0]).toFixed(1)} µs a call; working tree: ${median(cpu[1]).toFixed(1)} µs a call; working tree / ${rev}: calls/s ${median(rates).toFixed(3)}, CPU ${median(cpuRatios).toFixed(3)} (medians of ${blocks} pairs of 400 ms blocks)`,
  );
} finally {
  oursClient.close();
  otherClient?.close();
  agent.destroy();
  server.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
}
