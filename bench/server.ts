// The server: requests per second and p99 latency on loopback (autocannon,
// 50 connections) for one signed, valid xpos.pay call through the whole
// gateway, against a bare node:http server answering a constant envelope and
// fastify with the same ajv validator; each server in its own process, which
// reports its own peak RSS (maxRSS) when stopped; rounds interleaved.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GATEWAY_PATH } from '../runtime/common/protocol.ts';
import { sign } from '../runtime/common/sign.ts';
import { formatTimestamp } from '../runtime/common/timestamp.ts';
import { median, medianInterval, ROOT, stopWithBench } from './lib.ts';
import { APP_KEY, APP_SECRET } from './servers/app.ts';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (
  opts: object,
) => Promise<{ requests: { average: number; total: number }; latency: { p99: number }; errors: number; non2xx: number; timeouts: number; mismatches: number }>;

export interface Running {
  child: ChildProcess;
  port: number;
  /** Peak RSS (MiB), reported when the process ends. */
  rss: Promise<number>;
  /** The CPU time the server has used so far, µs. */
  cpuUs: () => Promise<number>;
}

export async function start(name: string, nodeFlags: string[] = []): Promise<Running> {
  const child = stopWithBench(spawn(process.execPath, [...nodeFlags, '--import', import.meta.resolve('tsx'), path.join(ROOT, `bench/servers/${name}.ts`)], { stdio: ['pipe', 'pipe', 'pipe'] }));
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (c) => (stderr += c));
  child.stdout!.on('data', (c) => (stdout += c));
  const rss = new Promise<number>((resolve) => child.on('close', () => resolve(Number(/peak-rss-kib (\d+)/.exec(stdout)?.[1] ?? 0) / 1024)));
  const cpuUs = () =>
    new Promise<number>((resolve) => {
      const seen = stdout.length;
      const poll = () => {
        const m = /cpu-us (\d+)/.exec(stdout.slice(seen));
        if (m) resolve(Number(m[1]));
        else setTimeout(poll, 5);
      };
      child.stdin!.write('cpu\n');
      poll();
    });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /listening (\d+)/.exec(stdout);
      if (m) resolve(Number(m[1]));
    });
    child.on('close', (code) => reject(new Error(`${name} server exited ${code}: ${stderr}`)));
  });
  return { child, port, rss, cpuUs };
}

/**
 * A signed, valid xpos.pay call; `n` makes its idempotency key (request_id)
 * and so its signature unique.
 */
export function signedRequest(n = 0): { path: string; body: string } {
  const system: Record<string, string> = {
    method: 'alibaba.alisports.lianbei.xpos.pay',
    app_key: APP_KEY,
    timestamp: formatTimestamp(Date.now()),
    v: '2.0',
    sign_method: 'hmac-sha256',
    format: 'json',
  };
  const business = {
    param0: `{"nego_price":"10000","qr_code":"231023","request_id":"b${n}","machine_id":"222","out_biz_id":"111111","item_id":222,"cashier_name":"张丽","cashier_id":"346753","store_id":"333333"}`,
  };
  system.sign = sign({ ...system, ...business }, APP_SECRET, 'hmac-sha256');
  return { path: `${GATEWAY_PATH}?${new URLSearchParams(system)}`, body: new URLSearchParams(business).toString() };
}

/**
 * A new call for every request, signed in the load generator (the same cost
 * whichever server it loads): each carries a key no server has seen, so no
 * answer is a replay.
 */
let callCounter = 0;
function freshCall(request: { path?: string; body?: string | Buffer }) {
  const call = signedRequest(++callCounter);
  request.path = call.path;
  request.body = call.body;
  return request;
}

/**
 * autocannon, 50 connections, `duration` seconds of signed calls, each with a
 * new key; refuses a run with any error, including a refusal answered with
 * status 200 (TOP's `error_response`, as the gateway and its peer answer one):
 * every body must be the operation's answer (autocannon reads each body anyway).
 */
export async function loadServer(port: number, duration: number, name = 'server') {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${GATEWAY_PATH}`,
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    requests: [{ setupRequest: freshCall }],
    verifyBody: (body: string) => body.startsWith(ANSWER_START),
    connections: 50,
    duration,
  });
  if (result.errors || result.non2xx || result.timeouts || result.mismatches)
    throw new Error(`${name}: ${result.errors} errors, ${result.non2xx} non-2xx, ${result.timeouts} timeouts, ${result.mismatches} answers other than the call's (refusals)`);
  return result;
}
const ANSWER_START = '{"alibaba_alisports_lianbei_xpos_pay_response":';

export interface ServerResults {
  rounds: number;
  seconds: number;
  connections: number;
  rps: Record<string, number>;
  p99: Record<string, number>;
  /** The server process's CPU time per request served (all its threads), µs. */
  cpuUsPerRequest: Record<string, number>;
  rssMiB: Record<string, number>;
  vsBare: number;
  vsFastify: number;
  /** 95% bootstrap interval of vsFastify (the median of the per-round ratios). */
  vsFastifyInterval: [number, number];
  /** Each round's gateway/fastify ratio of requests a second, in the order run. */
  vsFastifyRounds: number[];
  /** Each server's median CPU µs a request over the first, middle and last third of the rounds. */
  cpuThirds: Record<string, [number, number, number]>;
}

/** The medians of the first, middle and last third of `values` (a run's drift; three values at least). */
export function thirds(values: number[]): [number, number, number] {
  const cut = (t: number) => Math.floor((t * values.length) / 3);
  return [median(values.slice(cut(0), cut(1))), median(values.slice(cut(1), cut(2))), median(values.slice(cut(2), cut(3)))];
}

export async function benchServer(rounds: number, seconds: number, log: (s: string) => void): Promise<ServerResults> {
  const names = ['gateway', 'bare', 'fastify'] as const;
  const servers = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await start(n)] as const))) as Record<(typeof names)[number], Running>;
  const run = async (name: string, duration: number) => {
    const server = servers[name as keyof typeof servers];
    const before = await server.cpuUs();
    const result = await loadServer(server.port, duration, name);
    return { ...result, cpuUsPerRequest: ((await server.cpuUs()) - before) / result.requests.total };
  };
  try {
    // The gateway and its fastify peer must accept a call and refuse a wrong
    // signature, or the benchmark measures something else.
    for (const n of ['gateway', 'fastify'] as const) {
      const call = signedRequest(0);
      const post = async (path: string) =>
        (await fetch(`http://127.0.0.1:${servers[n].port}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: call.body })).text();
      const ok = await post(call.path);
      if (!ok.includes('"alibaba_alisports_lianbei_xpos_pay_response"') || !ok.includes('9007199254740993')) throw new Error(`${n} refused the benchmark call: ${ok}`);
      const forged = await post(call.path.replace(/sign=[0-9A-F]/, (m) => (m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`)));
      if (!forged.includes('"code":25')) throw new Error(`${n} accepted a wrong signature: ${forged}`);
    }
    for (const n of names) await run(n, 2); // warm up
    const rps: Record<string, number[]> = { gateway: [], bare: [], fastify: [] };
    const p99: Record<string, number[]> = { gateway: [], bare: [], fastify: [] };
    const cpu: Record<string, number[]> = { gateway: [], bare: [], fastify: [] };
    // Each round in the other order (gateway, fastify, bare; then bare, fastify,
    // gateway): a fixed order would give one server the machine's state after
    // the same neighbour every time. The gateway and its fastify peer always run
    // side by side, so the ratio that decides the tightest target (≥ 1.0×)
    // compares runs seconds apart. The ratios are medians of each round's own
    // (neighbouring runs), not ratios of medians taken across rounds.
    const order = ['gateway', 'fastify', 'bare'] as const;
    const vsBare: number[] = [];
    const vsFastify: number[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const n of i % 2 ? [...order].reverse() : order) {
        const r = await run(n, seconds);
        rps[n]!.push(r.requests.average);
        cpu[n]!.push(r.cpuUsPerRequest);
        p99[n]!.push(r.latency.p99);
      }
      vsBare.push(rps.gateway!.at(-1)! / rps.bare!.at(-1)!);
      vsFastify.push(rps.gateway!.at(-1)! / rps.fastify!.at(-1)!);
      log(`  server round ${i + 1}: ${names.map((n) => `${n} ${rps[n]!.at(-1)!.toFixed(0)} req/s p99 ${p99[n]!.at(-1)} ms ${cpu[n]!.at(-1)!.toFixed(0)} µs CPU/req`).join(', ')}`);
    }
    for (const n of names) servers[n].child.kill('SIGTERM');
    const rss = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await servers[n].rss] as const)));
    const med = (o: Record<string, number[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, median(v)]));
    const m = med(rps);
    return {
      rounds,
      seconds,
      connections: 50,
      rps: m,
      p99: med(p99),
      cpuUsPerRequest: med(cpu),
      rssMiB: rss,
      vsBare: median(vsBare),
      vsFastify: median(vsFastify),
      vsFastifyInterval: medianInterval(vsFastify),
      vsFastifyRounds: vsFastify,
      cpuThirds: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, thirds(v)])),
    };
  } finally {
    for (const n of names) if (servers[n].child.exitCode === null) servers[n].child.kill('SIGTERM');
  }
}
