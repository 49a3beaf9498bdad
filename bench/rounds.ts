// npm run bench:rounds -- SERVER,SERVER[,…] [ROUNDS] [SECONDS]: the servers of
// bench/servers/ under the bench's HTTP load (autocannon, 50 connections, a
// new idempotency key a call), in rounds, each round in the other order. Per
// round: requests a second and the server's CPU µs a request; at the end the
// medians, the CPU by thirds of the run (does a server slow down as its store
// grows?), and the median per-round throughput ratio of the first server to
// each other. For questions the whole bench does not ask, e.g.
// `-- gateway,gateway-forgetful,fastify` (does the store's growth matter?).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { median, ROOT } from './lib.ts';
import { loadServer, type Running, start, thirds } from './server.ts';

function usage(message: string): never {
  console.error(`bench:rounds: ${message}\nusage: npm run bench:rounds -- SERVER,SERVER[,…] [ROUNDS] [SECONDS]  (servers: the files of bench/servers/)`);
  process.exit(2);
}
const [namesArg, roundsArg = '15', secondsArg = '3', ...rest] = process.argv.slice(2);
if (rest.length) usage(`unexpected ${rest.join(' ')}`);
if (!namesArg) usage('name two or more servers');
const names = namesArg.split(',');
if (names.length < 2 || new Set(names).size !== names.length) usage(`name two or more different servers; got ${namesArg}`);
for (const n of names) {
  // A name is a file of bench/servers/, never a path (start() builds the path from it).
  const file = path.join(ROOT, 'bench/servers', `${n}.ts`);
  if (!/^[a-z][a-z0-9-]*$/.test(n) || !existsSync(file)) usage(`no server ${n || '(empty name)'} in bench/servers/; got ${namesArg}`);
  // app.ts and common.ts are shared parts, not servers: started, they would never say "listening".
  if (!/^serve\(/m.test(readFileSync(file, 'utf8'))) usage(`bench/servers/${n}.ts is not a server (it never calls serve())`);
}
const whole = (name: string, arg: string) => (/^[1-9]\d*$/.test(arg) ? Number(arg) : usage(`${name} must be a whole number from 1; got ${arg}`));
const rounds = whole('ROUNDS', roundsArg);
const seconds = whole('SECONDS', secondsArg);

const servers = new Map<string, Running>();
try {
  // --expose-gc: gateway-heap (bench:memory's gateway) refuses to start without it; the others ignore it.
  for (const n of names) servers.set(n, await start(n, ['--expose-gc']));
  const run = async (n: string, duration: number) => {
    const server = servers.get(n)!;
    const before = await server.cpuUs();
    const r = await loadServer(server.port, duration, n);
    return { rps: r.requests.average, cpu: ((await server.cpuUs()) - before) / r.requests.total };
  };
  for (const n of names) await run(n, 2); // warm up
  const seen = new Map<string, { rps: number; cpu: number }[]>(names.map((n) => [n, []]));
  for (let i = 0; i < rounds; i++) {
    for (const n of i % 2 ? [...names].reverse() : names) seen.get(n)!.push(await run(n, seconds));
    console.log(`round ${i + 1}: ${names.map((n) => `${n} ${seen.get(n)!.at(-1)!.rps.toFixed(0)} req/s ${seen.get(n)!.at(-1)!.cpu.toFixed(0)} µs CPU/req`).join(', ')}`);
  }
  for (const n of names) {
    const s = seen.get(n)!;
    const cpu = s.map((r) => r.cpu);
    console.log(
      `${n}: median ${median(s.map((r) => r.rps)).toFixed(0)} req/s, ${median(cpu).toFixed(0)} µs CPU/req${
        rounds >= 3
          ? `; by thirds of the run ${thirds(cpu)
              .map((x) => x.toFixed(0))
              .join(' / ')} µs`
          : ''
      }`,
    );
  }
  const [first, ...others] = names as [string, ...string[]];
  for (const n of others) {
    const ratios = seen.get(first)!.map((r, i) => r.rps / seen.get(n)![i]!.rps);
    console.log(`${first} / ${n}: median per-round ratio ${median(ratios).toFixed(3)} (rounds ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  }
} finally {
  for (const s of servers.values()) if (s.child.exitCode === null) s.child.kill('SIGTERM');
}
