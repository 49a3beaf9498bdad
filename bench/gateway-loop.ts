// npm run bench:loop [-- CALLS [IN_FLIGHT]]: the gateway core without HTTP,
// in one process: CALLS signed xpos.pay calls, each with a new idempotency
// key, IN_FLIGHT at a time (the interleaving an HTTP load gives), through
// GatewayCore.handle of the published package (generated/server/dist: run
// `npm run generate` after changing runtime/). Prints CPU µs
// per call; with --profile DIR it writes the profile to read for the core's own cost.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { GatewayCore, MemoryIdempotencyStore, operations } from '../generated/server/dist/index.js';
import { signedRequest } from './server.ts';
import { benchGatewayOptions } from './servers/common.ts';

// Checked as bench:core-ab checks its own: Number('abc') ran no call and printed NaN µs.
function usage(message: string): never {
  console.error(`bench:loop: ${message}\nusage: npm run bench:loop -- [CALLS [IN_FLIGHT]] [--profile DIR]`);
  process.exit(2);
}
// Every argument is one this script knows: a misspelt flag or a third number was ignored (`--profle out` ran unprofiled).
const positional: string[] = [];
let profileDir: string | undefined;
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i]!;
  if (arg === '--profile') {
    const dir = process.argv[++i];
    // A flag is not a folder: `--profile --x` wrote a folder named "--x".
    if (dir === undefined || dir.startsWith('-')) usage(`--profile needs a folder; got ${dir ?? 'nothing'}`);
    profileDir = dir;
  } else if (arg.startsWith('-')) usage(`unknown argument ${arg}`);
  else positional.push(arg);
}
const [callsArg, inFlightArg, ...extra] = positional;
if (extra.length) usage(`unexpected ${extra.join(' ')}`);
const whole = (name: string, arg: string | undefined, fallback: number) =>
  arg === undefined ? fallback : /^[1-9]\d*$/.test(arg) ? Number(arg) : usage(`${name} must be a whole number from 1; got ${arg}`);
const calls = whole('CALLS', callsArg, 100_000);
const inFlight = whole('IN_FLIGHT', inFlightArg, 50);
if (calls < 2) usage('CALLS must be 2 or more (the first call is the check, not measured)');
const core = new GatewayCore({ operations, ...benchGatewayOptions(MemoryIdempotencyStore) });
const requests = Array.from({ length: calls }, (_, i) => {
  const r = signedRequest(i + 1);
  return { httpMethod: 'POST', url: r.path, contentType: 'application/x-www-form-urlencoded;charset=UTF-8', body: Buffer.from(r.body) };
});
const first = await core.handle(requests[0]!);
if (!first.body.includes('9007199254740993')) throw new Error(`refused: ${first.body}`);
// A warm-up of 5,000 calls with keys of their own, not measured: without it a
// short run timed the JIT (2,000 calls read 161 µs a call where 60,000 read 33).
const WARM_UP = 5_000;
const warmUp = Array.from({ length: WARM_UP }, (_, i) => {
  const r = signedRequest(calls + 1 + i);
  return { httpMethod: 'POST', url: r.path, contentType: 'application/x-www-form-urlencoded;charset=UTF-8', body: Buffer.from(r.body) };
});
let warmed = 0;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (warmed < WARM_UP) await core.handle(warmUp[warmed++]!);
  }),
);
let next = 1;
// --profile DIR: a CPU profile of the measured calls only (not the set-up's signing).
const session = profileDir ? new Session() : undefined;
const post = (method: string, params?: object) => new Promise<unknown>((resolve, reject) => session!.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
}
const cpu = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < calls) await core.handle(requests[next++]!);
  }),
);
const used = process.cpuUsage(cpu);
const ms = performance.now() - t0;
if (session) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  mkdirSync(profileDir!, { recursive: true });
  writeFileSync(path.join(profileDir!, 'gateway-loop.cpuprofile'), JSON.stringify(profile));
}
console.log(`${calls - 1} calls, ${inFlight} in flight: ${((used.user + used.system) / (calls - 1)).toFixed(1)} µs CPU a call, ${(((calls - 1) / ms) * 1000).toFixed(0)} calls/s`);
