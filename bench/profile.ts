// npm run bench:profile [-- SECONDS]: a CPU profile of the gateway under HTTP
// load (autocannon, 50 connections, the same signed xpos.pay call as the
// server bench). Writes the V8 .cpuprofile under bench/profiles/ (git-ignored;
// open it in Chrome DevTools or speedscope for the flame graph) and prints the
// top frames by self time and by total time.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.ts';
import { loadServer, start } from './server.ts';

const seconds = Number(process.argv[2] ?? 10);
const name = process.argv[3] ?? 'gateway';
const dir = path.join(ROOT, 'bench/profiles');
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith('.cpuprofile')) rmSync(path.join(dir, f));

const server = await start(name, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200']);
await loadServer(server.port, 2, name);
const r = await loadServer(server.port, seconds, name);
console.log(`${name} under profile: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms`);
server.child.kill('SIGTERM');
await server.rss;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!;
const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { nodes: Node[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|generated|runtime)\//, '$1/').replace(/^node:/, 'node:')}:${n.callFrame.lineNumber + 1}`;
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
console.log(`\nprofile: ${path.relative(ROOT, path.join(dir, file))} (${all} samples)\n\ntop frames by self time:\n${top(self, 30)}\n\ntop frames by total time:\n${top(total, 40)}`);
