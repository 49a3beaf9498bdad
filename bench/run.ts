// npm run bench [-- --quick]: every benchmark of BENCHMARKS.md, side by side
// in one run, medians of at least five runs; prints each target as met or
// missed and rewrites the measured part of BENCHMARKS.md (between the
// results markers; the analysis around it is written by hand).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchClient } from './client.ts';
import { benchGeneration } from './generation.ts';
import { fmt, machine, ROOT } from './lib.ts';
import { benchServer } from './server.ts';

const quick = process.argv.includes('--quick');
const runs = quick ? 3 : 5;
const log = (s: string) => console.log(s);
const started = new Date();

log(`benchmarks: ${runs} runs each${quick ? ' (--quick: not for BENCHMARKS.md)' : ''}`);
log('generation…');
const g = await benchGeneration(runs, log);
log('client…');
const c = await benchClient(runs, log);
log('server…');
const s = await benchServer(runs, quick ? 3 : 5, log);

const targets: { name: string; measured: string; target: string; met: boolean }[] = [
  { name: 'generation vs @hey-api/openapi-ts (five APIs, fresh output)', measured: `${g.ratio.toFixed(2)}×`, target: '≤ 1.0×', met: g.ratio <= 1 },
  { name: 'generation growth t500/t50', measured: g.growth.toFixed(2), target: '≤ 12', met: g.growth <= 12 },
  { name: '--watch regeneration after one edit', measured: `${fmt(g.watchMs)} ms`, target: '≤ 300 ms', met: g.watchMs <= 300 },
  { name: 'client preparation vs minimal md5 signer (throughput)', measured: `${c.cpuRatio.toFixed(2)}×`, target: '≥ 0.7×', met: c.cpuRatio >= 0.7 },
  { name: 'whole calls vs node-taobao-topclient', measured: `${c.httpRatio.toFixed(2)}×`, target: '≥ 1.5×', met: c.httpRatio >= 1.5 },
  { name: 'gateway vs bare node:http', measured: `${s.vsBare.toFixed(2)}×`, target: '≥ 0.6×', met: s.vsBare >= 0.6 },
  { name: 'gateway vs fastify with the same ajv validator', measured: `${s.vsFastify.toFixed(2)}×`, target: '≥ 1.0×', met: s.vsFastify >= 1 },
];

log('\ntargets:');
for (const t of targets) log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.measured} (target ${t.target})`);

const m = machine();
const results = `<!-- results:start (written by npm run bench; do not edit by hand) -->
Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\`${quick ? ' --quick' : ''}: medians of ${runs} runs, every ratio from runs interleaved in the same invocation.

**Machine**: ${m.cpu}, ${m.cores} cores, ${m.memory}, ${m.os}; Node ${m.node}. **Versions**: ${Object.entries(m)
  .filter(([k]) => !['cpu', 'cores', 'memory', 'os', 'node'].includes(k))
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}.

### Targets

| target | measured | wanted | |
|---|---|---|---|
${targets.map((t) => `| ${t.name} | ${t.measured} | ${t.target} | ${t.met ? 'met' : '**missed**'} |`).join('\n')}

### Generation (wall time of a whole process, fresh output folder)

| what | median | peak RSS |
|---|---|---|
| ours, five APIs: types, validators, client, server, mock, docs site and reference, both packages | ${fmt(g.oursMs)} ms | ${fmt(g.oursRssMiB)} MiB |
| @hey-api/openapi-ts 0.95 fetch client, same bundled spec | ${fmt(g.heyMs)} ms | ${fmt(g.heyRssMiB)} MiB |
| \`npm run generate\` in the repository (committed output reused where current) | ${fmt(g.npmRunGenerateMs)} ms | |
| ours, synthetic 50 operations | ${fmt(g.t50Ms)} ms | |
| ours, synthetic 500 operations | ${fmt(g.t500Ms)} ms | |
| hey-api, synthetic 50 / 500 operations | ${fmt(g.hey50Ms)} / ${fmt(g.hey500Ms)} ms | |
| \`--watch\`: from saving a schema file to the "generated" line | ${fmt(g.watchMs)} ms (runs: ${g.watchAll.map((x) => fmt(x)).join(', ')}) | |

### Client (xpos.pay, md5 for both sides of (a))

| what | ours | other | ratio |
|---|---|---|---|
| (a) prepare + decode, calls/s on one core (minimal hand-written md5 signer) | ${fmt(c.oursCpu)} | ${fmt(c.minimalCpu)} | ${c.cpuRatio.toFixed(2)}× |
| (b) whole calls/s over loopback, 16 in flight (node-taobao-topclient) | ${fmt(c.oursHttp)} | ${fmt(c.nodeTopHttp)} | ${c.httpRatio.toFixed(2)}× |
| (b) for context: minimal signer over node:http with a keep-alive agent | | ${fmt(c.minimalHttp)} | ${(c.oursHttp / c.minimalHttp).toFixed(2)}× |

### Server (autocannon, ${s.connections} connections, ${s.seconds} s a run, one signed valid xpos.pay call)

| server | requests/s | p99 latency | peak RSS |
|---|---|---|---|
| our gateway (every check, signature, validation both ways, handler) | ${fmt(s.rps.gateway!)} | ${fmt(s.p99.gateway!)} ms | ${fmt(s.rssMiB.gateway!)} MiB |
| bare node:http, constant envelope | ${fmt(s.rps.bare!)} | ${fmt(s.p99.bare!)} ms | ${fmt(s.rssMiB.bare!)} MiB |
| fastify, form body schema + the same ajv validator | ${fmt(s.rps.fastify!)} | ${fmt(s.p99.fastify!)} ms | ${fmt(s.rssMiB.fastify!)} MiB |
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
