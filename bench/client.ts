// The client: (a) CPU per call of preparing it (validate, encode, sign) and
// decoding its answer, against a minimal hand-written md5 signer doing the
// same encoding; (b) whole calls per second over loopback, 16 in flight,
// against a bare node:http server: our client over each built-in transport
// against the minimal signer over the same transport (node:http with a
// keep-alive agent, and fetch), and node-taobao-topclient for context.
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fetchTransport, operations, TopClient } from '../generated/client/dist/node.js';
import { ClientCore } from '../generated/client/dist/runtime/client/client-core.js';
import { median, medianInterval, portWhenListening, ROOT, stopWithBench } from './lib.ts';
import { DTO, METHOD, minimalFetch as minimalOverFetch, minimalNodeHttp as minimalOverNodeHttp, minimalPrepare, TYPED } from './minimal-signer.ts';
import { ENVELOPE, ROOT_NAME } from './servers/common.ts';

const require = createRequire(import.meta.url);
const NodeTopClient = (require('node-taobao-topclient') as { default: new (o: object) => { execute(m: string, p: object): Promise<unknown> } }).default;

function opsPerSecond(fn: () => void, ms: number): number {
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
  }
  return (n / ms) * 1000;
}

export interface ClientResults {
  rounds: number;
  oursCpu: number;
  minimalCpu: number;
  cpuRatio: number;
  /**
   * Whole calls/s by transport: ours and the minimal signer over the same
   * transport; the minimal signer with a timeout per call, and ours against
   * it; and that timeout's own price (the minimal signer with it against
   * without it). `cpuRatio`: the minimal signer's client CPU per call over
   * ours, from the same blocks as `ratio`.
   */
  transports: {
    name: string;
    ours: number;
    minimal: number;
    ratio: number;
    ratioInterval: [number, number];
    cpuRatio: number;
    minimalTimed: number;
    vsTimedRatio: number;
    timeoutPriceRatio: number;
  }[];
  nodeTopHttp: number;
  /** Ours over node:http against node-taobao-topclient. */
  nodeTopRatio: number;
}

/** Starts the line of bench/client-process.ts's stdout that carries its results, as JSON. */
export const CLIENT_RESULTS_PREFIX = 'CLIENT RESULTS ';

/**
 * benchClient in a process of its own (bench/client-process.ts, which says
 * why), its log lines passed to `log` as they come.
 */
export function benchClientInOwnProcess(runs: number, log: (s: string) => void): Promise<ClientResults> {
  const child = stopWithBench(spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'bench/client-process.ts'), String(runs)], { stdio: ['ignore', 'pipe', 'inherit'] }));
  return clientResultsOf(child, log);
}

/**
 * The results a client process (`child`, its stdout piped) printed, once it
 * has exited 0; its other lines go to `log`. Any other end is a rejection that
 * says what the process did: a results line that is not JSON was parsed in the
 * stream's 'data' listener and threw there, an uncaught SyntaxError that took
 * the whole bench down with a stack naming neither the part nor the line (rv15,
 * test/bench/client-process-results.test.ts).
 */
export function clientResultsOf(child: ChildProcess, log: (s: string) => void): Promise<ClientResults> {
  return new Promise((resolve, reject) => {
    let results: ClientResults | undefined;
    let bad: string | undefined;
    let pending = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      pending += chunk;
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (!line.startsWith(CLIENT_RESULTS_PREFIX)) {
          log(line);
          continue;
        }
        try {
          results = JSON.parse(line.slice(CLIENT_RESULTS_PREFIX.length)) as ClientResults;
        } catch (error) {
          bad = `a results line that is not JSON (${error instanceof Error ? error.message : String(error)}): ${line.slice(0, 200)}`;
        }
      }
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0 && results && !bad) resolve(results);
      else reject(new Error(`bench: the client part's process ended (${signal ?? `exit code ${code}`}) ${bad ?? (results ? '' : 'without its results')}`));
    });
  });
}

/** The bare node:http server (bench/servers/bare.ts) in its own process, listening. */
export async function startBareServer(): Promise<{ server: ChildProcess; port: number }> {
  const server = stopWithBench(spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'bench/servers/bare.ts')], { stdio: ['ignore', 'pipe', 'inherit'] }));
  return { server, port: await portWhenListening(server, 'the bare server (bench/servers/bare.ts)') };
}

/** Calls per second with `concurrency` in flight for `ms`, and this process's CPU per call (µs) meanwhile. */
export async function inFlight(call: () => Promise<unknown>, ms: number, concurrency = 16): Promise<{ rate: number; cpuUs: number }> {
  let done = 0;
  let failed = 0;
  let firstFailure: unknown;
  const end = performance.now() + ms;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        try {
          await call();
          done++;
        } catch (error) {
          if (!failed++) firstFailure = error;
        }
      }
    }),
  );
  if (failed) throw new Error(`${failed} calls failed; the first: ${firstFailure instanceof Error ? firstFailure.message : String(firstFailure)}`, { cause: firstFailure });
  const used = process.cpuUsage(cpu);
  return { rate: (done / (performance.now() - started)) * 1000, cpuUs: (used.user + used.system) / done };
}

export async function benchClient(rounds: number, log: (s: string) => void): Promise<ClientResults> {
  // (a) CPU, in process, alternating.
  const core = new ClientCore({ appKey: '12345678', appSecret: 'helloworld', signMethod: 'md5', gateway: 'http://127.0.0.1:1/router/rest' });
  const op = operations.alibabaAlisportsLianbeiXposPay;
  const ours = () => {
    core.prepare(op, TYPED);
    core.decode(op, 200, ENVELOPE);
  };
  const minimal = () => {
    minimalPrepare();
    (JSON.parse(ENVELOPE) as Record<string, unknown>)[ROOT_NAME];
  };
  opsPerSecond(ours, 500);
  opsPerSecond(minimal, 500);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(opsPerSecond(ours, 1000));
    b.push(opsPerSecond(minimal, 1000));
    log(`  client CPU round ${i + 1}: ours ${a.at(-1)!.toFixed(0)}/s, minimal ${b.at(-1)!.toFixed(0)}/s`);
  }

  // (b) HTTP against one bare server in its own process.
  const { server, port } = await startBareServer();
  const url = `http://127.0.0.1:${port}/router/rest`;
  try {
    const client = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: url, signMethod: 'md5' });
    const fetchClient = new TopClient({ appKey: '12345678', appSecret: 'helloworld', gateway: url, signMethod: 'md5', transport: fetchTransport() });
    const nodeTop = new NodeTopClient({ appkey: '12345678', appsecret: 'helloworld', REST_URL: url });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    // The minimal signer, and the same with a timeout per call: the one
    // guarantee of ours a caller cannot do without, priced on its own (for
    // fetch it needs an AbortSignal, which undici registers per request).
    const minimalNodeHttp = (timeoutMs?: number) => minimalOverNodeHttp(url, agent, timeoutMs);
    const minimalFetch = (timeoutMs?: number) => minimalOverFetch(url, timeoutMs);
    const TIMEOUT_MS = 30_000; // ours' default
    // Pairs of short blocks, ours and the other over the same transport, in
    // alternating order (AB, BA, …); each pair gives a ratio and the median of
    // those is the figure. Neighbouring blocks see the same machine, so a
    // drift or a neighbour's burst moves both sides of a pair alike; one
    // fixed order of 2-s runs (this bench before) moved ratios by ±15%.
    const pairs: Record<string, [() => Promise<unknown>, () => Promise<unknown>]> = {
      'node:http': [() => client.alibabaAlisportsLianbeiXposPay(TYPED), () => minimalNodeHttp()],
      fetch: [() => fetchClient.alibabaAlisportsLianbeiXposPay(TYPED), () => minimalFetch()],
      'node:http, the minimal signer with a timeout per call': [() => client.alibabaAlisportsLianbeiXposPay(TYPED), () => minimalNodeHttp(TIMEOUT_MS)],
      'fetch, the minimal signer with a timeout per call': [() => fetchClient.alibabaAlisportsLianbeiXposPay(TYPED), () => minimalFetch(TIMEOUT_MS)],
      'node:http, the timeout alone (minimal with it against minimal without)': [() => minimalNodeHttp(TIMEOUT_MS), () => minimalNodeHttp()],
      'fetch, the timeout alone (minimal with it against minimal without)': [() => minimalFetch(TIMEOUT_MS), () => minimalFetch()],
      'node-taobao-topclient': [() => client.alibabaAlisportsLianbeiXposPay(TYPED), () => nodeTop.execute(METHOD, { param0: { ...DTO } })],
    };
    // The two pairs issue 16 sets targets on get twice the pairs: the median of
    // 20 pair ratios still moved by about ±3% between runs of the same code.
    const TARGET_PAIRS = new Set(['node:http', 'fetch']);
    const results: Record<string, { ours: number[]; other: number[]; ratios: number[]; cpuRatios: number[] }> = {};
    for (const [name, [ours, other]] of Object.entries(pairs)) {
      const blocks = rounds * (TARGET_PAIRS.has(name) ? 8 : 4);
      await inFlight(ours, 500);
      await inFlight(other, 500);
      // cpuRatios: the other's client CPU per call over ours (above 1: ours costs less), the
      // client process alone, so a neighbour's burst on the server's core does not move it.
      const r = { ours: [] as number[], other: [] as number[], ratios: [] as number[], cpuRatios: [] as number[] };
      for (let i = 0; i < blocks; i++) {
        let a: { rate: number; cpuUs: number };
        let b: { rate: number; cpuUs: number };
        if (i % 2 === 0) {
          a = await inFlight(ours, 400);
          b = await inFlight(other, 400);
        } else {
          b = await inFlight(other, 400);
          a = await inFlight(ours, 400);
        }
        r.ours.push(a.rate);
        r.other.push(b.rate);
        r.ratios.push(a.rate / b.rate);
        r.cpuRatios.push(b.cpuUs / a.cpuUs);
      }
      results[name] = r;
      log(
        `  client HTTP ${name}: ${blocks} pairs of 400 ms blocks, ours ${median(r.ours).toFixed(0)}/s, the other ${median(r.other).toFixed(0)}/s, median ratio ${median(r.ratios).toFixed(3)} (client CPU per call: ${median(r.cpuRatios).toFixed(3)})`,
      );
    }
    client.close();
    fetchClient.close();
    agent.destroy();
    return {
      rounds,
      oursCpu: median(a),
      minimalCpu: median(b),
      cpuRatio: median(a) / median(b),
      transports: ['node:http', 'fetch'].map((t) => {
        const timed = results[`${t}, the minimal signer with a timeout per call`]!;
        const price = results[`${t}, the timeout alone (minimal with it against minimal without)`]!;
        return {
          name: t,
          ours: median(results[t]!.ours),
          minimal: median(results[t]!.other),
          ratio: median(results[t]!.ratios),
          ratioInterval: medianInterval(results[t]!.ratios),
          cpuRatio: median(results[t]!.cpuRatios),
          minimalTimed: median(timed.other),
          vsTimedRatio: median(timed.ratios),
          timeoutPriceRatio: median(price.ratios),
        };
      }),
      nodeTopHttp: median(results['node-taobao-topclient']!.other),
      nodeTopRatio: median(results['node-taobao-topclient']!.ratios),
    };
  } finally {
    server.kill('SIGTERM');
  }
}
