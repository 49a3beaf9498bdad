// Generation: ours against @hey-api/openapi-ts (a fetch client from the same
// bundled spec), runs interleaved; synthetic 50/500-operation specs; and the
// time --watch takes to write after one edit.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSpec } from '../generator/load/load-spec.ts';
import { median, ROOT, timed } from './lib.ts';
import { makeSyntheticSpec } from './synthetic-spec.ts';

const TSX = import.meta.resolve('tsx');
const CLI = path.join(ROOT, 'generator/cli.ts');
const HEY = path.join(ROOT, 'node_modules/@hey-api/openapi-ts/bin/run.js');

async function ours(spec: string, out: string) {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, ['--import', TSX, CLI, '--spec', spec, '--out', out]);
}

async function hey(spec: string, out: string) {
  rmSync(out, { recursive: true, force: true });
  return timed(process.execPath, [HEY, '-i', spec, '-o', out, '-c', '@hey-api/client-fetch'], { env: { ...process.env, NO_COLOR: '1' } });
}

async function watchLatency(runs: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-watch-'));
  cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
  cpSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), { recursive: true });
  const child = spawn(process.execPath, ['--import', TSX, CLI, '--watch', '--spec', path.join(dir, 'spec/openapi.yaml'), '--out', path.join(dir, 'generated')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
      writeFileSync(schema, readFileSync(schema, 'utf8').replace(/description: Order id\.[^\n]*/, `description: Order id. Edit ${i}.`));
      await next(/generated \d+ operations/, mark);
      const ms = performance.now() - started;
      await next(/rebuilt /, mark); // let the reference page finish before the next edit
      if (i > 0) latencies.push(ms); // the first edit warms the process
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
  return latencies;
}

export interface GenerationResults {
  runs: number;
  oursMs: number;
  oursRssMiB: number;
  heyMs: number;
  heyRssMiB: number;
  ratio: number;
  npmRunGenerateMs: number;
  t50Ms: number;
  t500Ms: number;
  growth: number;
  hey50Ms: number;
  hey500Ms: number;
  watchMs: number;
  watchAll: number[];
}

export async function benchGeneration(runs: number, log: (s: string) => void): Promise<GenerationResults> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-gen-'));
  try {
    const bundled = path.join(dir, 'openapi.json');
    writeFileSync(bundled, JSON.stringify((await loadSpec(path.join(ROOT, 'spec/openapi.yaml'))).document));
    const spec = path.join(ROOT, 'spec/openapi.yaml');
    const o: Awaited<ReturnType<typeof ours>>[] = [];
    const h: Awaited<ReturnType<typeof hey>>[] = [];
    for (let i = 0; i < runs; i++) {
      o.push(await ours(spec, path.join(dir, 'ours')));
      h.push(await hey(bundled, path.join(dir, 'hey')));
      log(`  generation run ${i + 1}: ours ${o.at(-1)!.ms.toFixed(0)} ms, hey-api ${h.at(-1)!.ms.toFixed(0)} ms`);
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
    const heyMs = median(h.map((r) => r.ms));
    return {
      runs,
      oursMs,
      oursRssMiB: median(o.map((r) => r.peakRssMiB)),
      heyMs,
      heyRssMiB: median(h.map((r) => r.peakRssMiB)),
      ratio: oursMs / heyMs,
      npmRunGenerateMs: median(npm),
      t50Ms: median(t50),
      t500Ms: median(t500),
      growth: median(t500) / median(t50),
      hey50Ms: median(h50),
      hey500Ms: median(h500),
      watchMs: median(watchAll),
      watchAll,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
