// npm run bench [-- --quick]: every benchmark of BENCHMARKS.md, side by side
// in one run, medians of at least five runs; prints each target as met or
// missed and rewrites the measured part of BENCHMARKS.md (between the
// results markers; the analysis around it is written by hand).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchClientInOwnProcess, type ClientResults } from './client.ts';
import { benchGeneration, type Target } from './generation.ts';
import { BOOTSTRAP_SEED, fmt, GNU_TIME, machine, ROOT } from './lib.ts';
import { benchMemory, type MemoryResults } from './memory.ts';
import { benchServer, type ServerResults } from './server.ts';

const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 5;
const log = (s: string) => console.log(s);
const started = new Date();
const loadAtStart = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(', ');

// --only generation,client,server,memory: those parts, printed; BENCHMARKS.md is written only by a whole run.
// A misspelt part or flag ran nothing and printed an empty target list (or, for a
// flag, a whole run rewriting BENCHMARKS.md): every argument is checked first.
const PARTS = ['generation', 'client', 'server', 'memory'];
function usage(message: string): never {
  console.error(`bench: ${message}\nusage: npm run bench [-- [--quick] [--only ${PARTS.join(',')}]]`);
  process.exit(2);
}
const onlyArg = process.argv.indexOf('--only');
const onlyValue = onlyArg === -1 ? undefined : process.argv[onlyArg + 1];
if (onlyArg !== -1 && (onlyValue === undefined || onlyValue.startsWith('--'))) usage('--only needs a comma-separated list of parts');
const only = onlyValue === undefined ? undefined : new Set(onlyValue.split(','));
for (const name of only ?? []) if (!PARTS.includes(name)) usage(`--only takes ${PARTS.join(', ')}; got ${name || '(empty)'}`);
for (const [i, arg] of process.argv.slice(2).entries()) if (arg !== '--quick' && arg !== '--only' && !(i > 0 && process.argv[i + 1] === '--only')) usage(`unknown argument ${arg}`);
// The code measured, taken at the start: the results block named no commit, so a
// figure could not be traced to the code it measured (BENCHMARKS.md's own text is not counted).
const measuredCode = (() => {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!BENCHMARKS.md') ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
})();
// Generation is timed under GNU time for its peak RSS; a fresh Debian has no
// /usr/bin/time (the spawn failed with a bare ENOENT). The tests' installer adds it.
if ((!only || only.has('generation')) && !existsSync(GNU_TIME)) {
  log(`bench: ${GNU_TIME} (GNU time) is missing; installing the Debian packages the tests and the bench need`);
  try {
    execFileSync('bash', [path.join(ROOT, 'scripts/ensure-system-deps.sh')], { stdio: 'inherit' });
  } catch {
    // said below
  }
  if (!existsSync(GNU_TIME)) {
    console.error(`bench: generation needs ${GNU_TIME} (GNU time, the Debian package \`time\`) for peak RSS; install it, or run --only client,server,memory`);
    process.exit(1);
  }
}
log(`benchmarks: ${runs} runs each${quick ? ' (--quick: not for BENCHMARKS.md)' : ''}`);
const part = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
  if (only && !only.has(name)) return undefined;
  log(`${name}…`);
  return run();
};
const g = await part('generation', () => benchGeneration(runs, log));
// In a process of its own: bench/client-process.ts says why.
const c = await part('client', () => benchClientInOwnProcess(runs, log));
// Three times the rounds, each shorter: more neighbouring pairs for the per-round
// ratios (their spread on this shared machine is wide: 0.6-1.7 a round).
const s = await part('server', () => benchServer(runs * 3, quick ? 2 : 3, log));
const mem = await part('memory', () => benchMemory(log));

const ratio = (x: number) => `${x.toFixed(2)}×`;
/** A ratio with the 95% bootstrap interval of its median: the run's own measure of how far noise could move it. */
const ratioIn = (x: number, [lo, hi]: [number, number]) => `${ratio(x)} (95% interval ${lo.toFixed(2)}–${hi.toFixed(2)})`;
const targets: Target[] = [...(g ? g.targets : []), ...(c ? clientTargets(c) : []), ...(s ? serverTargets(s) : []), ...(mem ? memoryTargets(mem) : [])];

log('\ntargets:');
for (const t of targets) log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.measured} (target ${t.target})`);
if (c) {
  log('\nfor context (not targets):');
  for (const line of clientContext(c)) log(`  ${line}`);
}
if (!g || !c || !s || !mem) process.exit(0);

function clientTargets(c: ClientResults): Target[] {
  return [
    { name: 'client preparation (validate, encode, sign, decode) vs minimal md5 signer', measured: ratio(c.cpuRatio), target: '≥ 0.8×', met: c.cpuRatio >= 0.8 },
    ...c.transports.map((t) => ({ name: `whole calls over ${t.name} vs the minimal signer over ${t.name}`, measured: ratioIn(t.ratio, t.ratioInterval), target: '≥ 0.95×', met: t.ratio >= 0.95 })),
  ];
}
/** Not issue 16's targets: what a timeout per call costs any client, and ours against a minimal signer that has one. */
function clientContext(c: ClientResults): string[] {
  return c.transports.flatMap((t) => [
    `whole calls over ${t.name} vs the minimal signer, by the client's CPU per call (the minimal's over ours): ${ratio(t.cpuRatio)}`,
    `whole calls over ${t.name} vs the minimal signer with a timeout per call: ${ratio(t.vsTimedRatio)}`,
    `the timeout's own price over ${t.name} (minimal signer with it vs without): ${ratio(t.timeoutPriceRatio)}`,
  ]);
}
function serverTargets(s: ServerResults): Target[] {
  return [
    { name: 'gateway vs the fastify app a user would write (same checks, validator, Map idempotency)', measured: ratioIn(s.vsFastify, s.vsFastifyInterval), target: '≥ 1.0×', met: s.vsFastify >= 1 },
    { name: 'gateway vs bare node:http', measured: ratio(s.vsBare), target: '≥ 0.5×', met: s.vsBare >= 0.5 },
    { name: "gateway p99 vs bare node:http's p99", measured: ratio(s.p99.gateway! / s.p99.bare!), target: '≤ 2×', met: s.p99.gateway! / s.p99.bare! <= 2 },
  ];
}
function memoryTargets(mem: MemoryResults): Target[] {
  return [
    {
      name: `gateway heap after GC, growth over calls ${fmt(mem.keys + 1)}-${fmt(mem.calls)} (replays of ${fmt(mem.keys)} stored keys)`,
      measured: `${mem.secondHalfGrowthMiB.toFixed(2)} MiB`,
      target: '≤ 1 MiB',
      met: mem.secondHalfGrowthMiB <= 1,
    },
  ];
}

const m = machine();
const results = `<!-- results:start (written by npm run bench; do not edit by hand) -->
Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`${quick ? ' --quick' : ''} on commit ${measuredCode}: generation and client preparation are medians of ${runs} runs, whole client calls of 20-40 pairs of blocks, the servers of ${runs * 3} rounds; every ratio from runs interleaved in the same invocation. A 95% interval is a bootstrap interval of a median of per-round or per-pair ratios (2,000 resamples, seed ${BOOTSTRAP_SEED}); a target inside it is within this run's noise. Load average when it started: ${loadAtStart}.

**Machine**: ${m.cpu}, ${m.cores} cores, ${m.memory}, ${m.os}; Node ${m.node}. **Versions**: ${Object.entries(m)
  .filter(([k]) => !['cpu', 'cores', 'memory', 'os', 'node'].includes(k))
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}.

### Targets (issue 16)

| target | measured | wanted | |
|---|---|---|---|
${targets.map((t) => `| ${t.name} | ${t.measured} | ${t.target} | ${t.met ? 'met' : '**missed**'} |`).join('\n')}

### Generation (wall time of a whole process, fresh output folder)

| what | median | peak RSS |
|---|---|---|
| ours, five APIs, full set: types, validators, client, server, mock, docs site and reference, both packages | ${fmt(g.oursMs)} ms | ${fmt(g.oursRssMiB)} MiB |
| ours, five APIs, \`--only client\`: types, validators, client package | ${fmt(g.clientMs)} ms | ${fmt(g.clientRssMiB)} MiB |
| @hey-api/openapi-ts 0.95 fetch client, same bundled spec | ${fmt(g.heyMs)} ms | ${fmt(g.heyRssMiB)} MiB |
| \`npm run generate\` in the repository (committed output reused where current) | ${fmt(g.npmRunGenerateMs)} ms | |
| ours, synthetic 50 operations | ${fmt(g.t50Ms)} ms | |
| ours, synthetic 500 operations | ${fmt(g.t500Ms)} ms | |
| hey-api, synthetic 50 / 500 operations | ${fmt(g.hey50Ms)} / ${fmt(g.hey500Ms)} ms | |
| \`--watch\`: from saving a schema file to the "generated" line | ${fmt(g.watchMs)} ms (runs: ${g.watchAll.map((x) => fmt(x)).join(', ')}) | |

### Client (xpos.pay, md5 for every signer)

| what | ours | other | ratio |
|---|---|---|---|
| (a) prepare + decode, calls/s on one core (minimal hand-written md5 signer) | ${fmt(c.oursCpu)} | ${fmt(c.minimalCpu)} | ${ratio(c.cpuRatio)} |
${c.transports.map((t) => `| (b) whole calls/s over loopback, 16 in flight, ${t.name} (the minimal signer over ${t.name}) | ${fmt(t.ours)} | ${fmt(t.minimal)} | ${ratio(t.ratio)} |`).join('\n')}
${c.transports.map((t) => `| (b) the same pairs, ${t.name}, by the client process's CPU per call (the minimal's over ours) | | | ${ratio(t.cpuRatio)} |`).join('\n')}
${c.transports.map((t) => `| (b) the same, ${t.name}, against the minimal signer with a timeout per call | | ${fmt(t.minimalTimed)} | ${ratio(t.vsTimedRatio)} |`).join('\n')}
${c.transports.map((t) => `| (b) the timeout's own price, ${t.name}: the minimal signer with a timeout per call against without | | | ${ratio(t.timeoutPriceRatio)} |`).join('\n')}
| (b) for context: ours over node:http against node-taobao-topclient 0.1.7 | ${fmt(c.transports.find((t) => t.name === 'node:http')!.ours)} | ${fmt(c.nodeTopHttp)} | ${ratio(c.nodeTopRatio)} |

### Server (autocannon, ${s.connections} connections, ${s.seconds} s a run, signed xpos.pay calls, each with a new idempotency key)

| server | requests/s | p99 latency | server CPU per request | peak RSS |
|---|---|---|---|---|
| our gateway (every check, signature, validation both ways, claim and record in the in-memory store, handler) | ${fmt(s.rps.gateway!)} | ${fmt(s.p99.gateway!)} ms | ${fmt(s.cpuUsPerRequest.gateway!)} µs | ${fmt(s.rssMiB.gateway!)} MiB |
| fastify, the app a user would write (form parse, HMAC-SHA256, timestamp window, the same validator, a Map) | ${fmt(s.rps.fastify!)} | ${fmt(s.p99.fastify!)} ms | ${fmt(s.cpuUsPerRequest.fastify!)} µs | ${fmt(s.rssMiB.fastify!)} MiB |
| bare node:http, constant envelope | ${fmt(s.rps.bare!)} | ${fmt(s.p99.bare!)} ms | ${fmt(s.cpuUsPerRequest.bare!)} µs | ${fmt(s.rssMiB.bare!)} MiB |

Gateway over fastify, each round's requests/s ratio in the order run: ${s.vsFastifyRounds.map((x) => x.toFixed(2)).join(', ')}. Server CPU µs a request by thirds of the rounds (first / middle / last): ${Object.entries(
  s.cpuThirds,
)
  .map(([name, t]) => `${name} ${t.map((x) => x.toFixed(0)).join(' / ')}`)
  .join('; ')}.

### Memory (the gateway in its own process, heap in use after GC)

| calls made | heap after GC |
|---|---|
${mem.heapMiB.map((h) => `| ${fmt(h.calls)} | ${h.heapMiB.toFixed(2)} MiB |`).join('\n')}

${fmt(mem.calls)} calls with ${fmt(mem.keys)} distinct keys: the first ${fmt(mem.keys)} store an outcome each (${fmt(mem.bytesPerKey)} bytes of heap a key), the rest are replays.
<!-- results:end -->`;

const file = path.join(ROOT, 'BENCHMARKS.md');
if (!quick) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n<!-- results:start -->\n<!-- results:end -->\n';
  const next = current.replace(/<!-- results:start[\s\S]*?<!-- results:end -->/, results);
  writeFileSync(file, next);
  log(`\nwrote ${path.relative(process.cwd(), file)}`);
} else {
  log(`\n${results}`);
}
