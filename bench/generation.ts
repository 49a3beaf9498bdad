// Generation: ours (the full set, and `--only client`: types, validators and
// the client package) against @hey-api/openapi-ts (a fetch client from the
// same bundled spec), runs interleaved; synthetic 50/500-operation specs; the
// time --watch takes to write after one edit; and issue 16's targets for them
// as met/missed rows (`targets`, in the shape bench/run.ts prints).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from '../bin/prebuilt.js';
import { loadSpec } from '../generator/load/load-spec.ts';
import { median, ROOT, removeWithBench, stopWithBench, timed } from './lib.ts';
import { makeSyntheticSpec } from './synthetic-spec.ts';

// What a user runs: the package's bin (which loads the prebuilt generator when current).
const BIN = path.join(ROOT, 'bin/top-openapi.js');
const HEY = path.join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');

async function ours(spec: string, out: string, only?: string) {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, [BIN, 'generate', '--spec', spec, '--out', out, ...(only ? ['--only', only] : [])]);
}

async function hey(spec: string, out: string) {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, [HEY, '-i', spec, '-o', out, '-c', '@hey-api/client-fetch'], { env: { ...process.env, NO_COLOR: '1' } });
}

export async function watchLatency(runs: number): Promise<number[]> {
  const dir = removeWithBench(mkdtempSync(path.join(os.tmpdir(), 'bench-watch-')));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  const child = stopWithBench(
    spawn(process.execPath, [BIN, 'generate', '--watch', '--spec', path.join(dir, 'spec/openapi.yaml'), '--out', path.join(dir, 'generated')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const next = (re: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`watch: no ${re} in ${out}`)), 60_000);
      const check = () => {
        if (re.test(out.slice(from))) {
          clearTimeout(timer);
          child.stdout.off('data', check);
          resolve();
        }
      };
      child.stdout.on('data', check);
      check();
    });
  const latencies: number[] = [];
  try {
    await next(/watching /, 0);
    const schema = path.join(dir, 'spec/components/schemas/TenderPrePayCmd.yaml');
    for (let i = 0; i < runs + 1; i++) {
      const mark = out.length;
      const started = performance.now();
      const reference = path.join(dir, 'generated/docs/reference.html');
      const before = readFileSync(reference, 'utf8');
      writeFileSync(schema, readFileSync(schema, 'utf8').replace(/description: Order id\.[^\n]*/, `description: Order id. Edit ${i}.`));
      await next(/regenerated after .*: \d+ operations/, mark);
      const ms = performance.now() - started;
      // The reference page is written silently after that line: let it land before the next edit.
      for (const until = Date.now() + 60_000; readFileSync(reference, 'utf8') === before && Date.now() < until; ) await new Promise((r) => setTimeout(r, 25));
      if (i > 0) latencies.push(ms); // the first edit warms the process
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  return latencies;
}

/** One row of the targets table (bench/run.ts prints these as they are). */
export interface Target {
  name: string;
  measured: string;
  target: string;
  met: boolean;
}

export interface GenerationResults {
  runs: number;
  /** The full set (types, validators, client, server, mock, docs, packages), fresh output folder. */
  oursMs: number;
  /** Peak RSS of the full generation's process tree (GNU time's %M: the largest process). */
  oursRssMiB: number;
  /** `generate --only client`: types, validators and the client package, fresh output folder. */
  clientMs: number;
  clientRssMiB: number;
  heyMs: number;
  heyRssMiB: number;
  /** Full set / hey-api (kept under its old name). */
  ratio: number;
  /** Client only / hey-api. */
  clientRatio: number;
  npmRunGenerateMs: number;
  t50Ms: number;
  t500Ms: number;
  growth: number;
  hey50Ms: number;
  hey500Ms: number;
  watchMs: number;
  watchAll: number[];
  /** Issue 16 item 4's targets, each met or missed, for bench/run.ts's table. */
  targets: Target[];
}

const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;

/** Issue 16 item 4: each target with what was measured. */
export function generationTargets(g: Omit<GenerationResults, 'targets'>): Target[] {
  return [
    { name: 'client-only generation (`--only client`) vs @hey-api/openapi-ts, five APIs', measured: `${g.clientRatio.toFixed(2)}×`, target: '≤ 1.0×', met: g.clientRatio <= 1 },
    { name: 'full generation vs @hey-api/openapi-ts, five APIs', measured: `${g.ratio.toFixed(2)}×`, target: '≤ 2.0×', met: g.ratio <= 2 },
    { name: '--watch: saved edit to the "generated" line (median)', measured: fmtMs(g.watchMs), target: '≤ 200 ms', met: g.watchMs <= 200 },
    { name: 'generation growth t500/t50', measured: g.growth.toFixed(2), target: '≤ 10', met: g.growth <= 10 },
    { name: 'peak RSS of a full generation', measured: `${Math.round(g.oursRssMiB)} MiB`, target: '≤ 250 MiB', met: g.oursRssMiB <= 250 },
  ];
}

export async function benchGeneration(runs: number, log: (s: string) => void): Promise<GenerationResults> {
  // What a tarball install runs: the prebuilt generator (bin/prebuilt.js), built
  // now, as `npm pack` builds it. Built always, not only when the checkout has
  // none current: "current" follows the generator's sources, but the build also
  // records the runtime's transpiles, and after a change to runtime/ those
  // missed and the packages step took 820 ms instead of 107 (2026-11-26 15:20 run:
  // client-only generation 1.12× hey-api on a build of 13:08, 0.9 s against 1.3 s).
  await build();
  const dir = removeWithBench(mkdtempSync(path.join(os.tmpdir(), 'bench-gen-')));
  try {
    const bundled = path.join(dir, 'openapi.json');
    writeFileSync(bundled, JSON.stringify((await loadSpec(path.join(ROOT, 'spec/openapi.yaml'))).document));
    const spec = path.join(ROOT, 'spec/openapi.yaml');
    const o: Awaited<ReturnType<typeof ours>>[] = [];
    const c: Awaited<ReturnType<typeof ours>>[] = [];
    const h: Awaited<ReturnType<typeof hey>>[] = [];
    // Interleaved: full, hey-api, client only, hey-api, … (the machine drifts; neighbours compare fairly).
    for (let i = 0; i < runs; i++) {
      o.push(await ours(spec, path.join(dir, 'ours')));
      h.push(await hey(bundled, path.join(dir, 'hey')));
      c.push(await ours(spec, path.join(dir, 'client'), 'client'));
      h.push(await hey(bundled, path.join(dir, 'hey')));
      log(`  generation run ${i + 1}: ours full ${o.at(-1)!.ms.toFixed(0)} ms, client only ${c.at(-1)!.ms.toFixed(0)} ms, hey-api ${h.at(-2)!.ms.toFixed(0)} / ${h.at(-1)!.ms.toFixed(0)} ms`);
    }
    const npm: number[] = [];
    for (let i = 0; i < runs; i++) npm.push((await timed('npm', ['run', '--silent', 'generate'])).ms);

    const s50 = await makeSyntheticSpec(50, path.join(dir, 's50'));
    const s500 = await makeSyntheticSpec(500, path.join(dir, 's500'));
    const t50: number[] = [];
    const t500: number[] = [];
    const h50: number[] = [];
    const h500: number[] = [];
    for (let i = 0; i < runs; i++) {
      t50.push((await ours(s50, path.join(dir, 'o50'))).ms);
      t500.push((await ours(s500, path.join(dir, 'o500'))).ms);
      h50.push((await hey(s50, path.join(dir, 'h50'))).ms);
      h500.push((await hey(s500, path.join(dir, 'h500'))).ms);
      log(`  synthetic run ${i + 1}: ours 50 ${t50.at(-1)!.toFixed(0)} ms, 500 ${t500.at(-1)!.toFixed(0)} ms; hey-api 50 ${h50.at(-1)!.toFixed(0)} ms, 500 ${h500.at(-1)!.toFixed(0)} ms`);
    }
    const watchAll = await watchLatency(Math.max(runs, 5));
    log(`  watch: ${watchAll.map((m) => m.toFixed(0)).join(', ')} ms`);
    const oursMs = median(o.map((r) => r.ms));
    const clientMs = median(c.map((r) => r.ms));
    const heyMs = median(h.map((r) => r.ms));
    const results: Omit<GenerationResults, 'targets'> = {
      runs,
      oursMs,
      oursRssMiB: median(o.map((r) => r.peakRssMiB)),
      clientMs,
      clientRssMiB: median(c.map((r) => r.peakRssMiB)),
      heyMs,
      heyRssMiB: median(h.map((r) => r.peakRssMiB)),
      ratio: oursMs / heyMs,
      clientRatio: clientMs / heyMs,
      npmRunGenerateMs: median(npm),
      t50Ms: median(t50),
      t500Ms: median(t500),
      growth: median(t500) / median(t50),
      hey50Ms: median(h50),
      hey500Ms: median(h500),
      watchMs: median(watchAll),
      watchAll,
    };
    return { ...results, targets: generationTargets(results) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
