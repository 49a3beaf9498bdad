// npm run bench:profile [-- SECONDS]: a CPU profile of the gateway under HTTP
// load (autocannon, 50 connections, the same signed xpos.pay call as the
// server bench). Writes the V8 .cpuprofile under bench/profiles/ (git-ignored;
// Chrome DevTools and speedscope open it) and its flame graph beside it as an
// SVG (bench/flamegraph.ts; any browser opens it), and prints the top frames
// by self time and by total time.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CpuProfile, type CpuProfileNode, flameGraphSvg, frameLabel } from './flamegraph.ts';
import { ROOT } from './lib.ts';
import { loadServer, start } from './server.ts';

const [secondsArg = '10', name = 'gateway'] = process.argv.slice(2);
// Checked before the last run's profiles are deleted or a server starts: `abc`
// seconds loaded for NaN (1 ms) and a misspelt server failed after the deletion.
function usage(message: string): never {
  console.error(`bench:profile: ${message}\nusage: npm run bench:profile -- [SECONDS] [gateway|fastify|bare]`);
  process.exit(2);
}
const seconds = /^[1-9]\d*$/.test(secondsArg) ? Number(secondsArg) : usage(`SECONDS must be a whole number from 1; got ${secondsArg}`);
if (!['gateway', 'fastify', 'bare'].includes(name)) usage(`the server is gateway, fastify or bare, not ${name}`);
const dir = path.join(ROOT, 'bench/profiles');
mkdirSync(dir, { recursive: true });
// The last run's profiles go (they are not named by server); another server's flame graph stays.
for (const f of readdirSync(dir)) if (f.endsWith('.cpuprofile') || f === `${name}-flamegraph.svg`) rmSync(path.join(dir, f));

const server = await start(name, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200']);
// A failed load (a refused call) must not leave the server running.
let r: Awaited<ReturnType<typeof loadServer>>;
try {
  await loadServer(server.port, 2, name);
  r = await loadServer(server.port, seconds, name);
} finally {
  server.child.kill('SIGTERM');
  await server.rss;
}
console.log(`${name} under profile: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms`);

// CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile: thread 0 is the server's main
// thread (tsx's loader thread writes its own).
const file = readdirSync(dir).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f))!;
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
const svg = path.join(dir, `${name}-flamegraph.svg`);
writeFileSync(svg, flameGraphSvg(profile, { title: `${name} under load: ${r.requests.average.toFixed(0)} req/s, 50 connections, ${seconds} s (${file})` }));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: CpuProfileNode) => frameLabel(n.callFrame);
const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (!hits) continue;
  all += hits;
  self.set(label(n), (self.get(label(n)) ?? 0) + hits);
  // Count each frame once per sample, however often it recurs on the stack.
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const l = label(byId.get(id)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + hits);
  }
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([l, h]) => `  ${((100 * h) / all).toFixed(1).padStart(5)}%  ${l}`)
    .join('\n');
console.log(
  `\nprofile: ${path.relative(ROOT, path.join(dir, file))} (${all} samples)\nflame graph: ${path.relative(ROOT, svg)}\n\ntop frames by self time:\n${top(self, 30)}\n\ntop frames by total time:\n${top(total, 40)}`,
);
