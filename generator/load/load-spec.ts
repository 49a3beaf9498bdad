// Load stage: bundle the split YAML spec into one document and lint it with
// redocly.yaml (the recommended ruleset plus the `top` plugin). Everything
// downstream reads the bundled document through the model, never the files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { attachExactIntegers } from '../model/exact-values.ts';
import { BaseResolver, bundle, getLineColLocation, lint, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';

export interface SpecProblem {
  severity: 'error' | 'warn';
  rule: string;
  message: string;
  /** File the problem is in, relative to the working directory. */
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside that file. */
  pointer: string;
}

export interface LoadedSpec {
  /** The bundled OpenAPI document: one object, internal `#/components/...` refs only. */
  document: OpenApiDocument;
  /** Every file the bundle read, for --watch. */
  files: string[];
  problems: SpecProblem[];
}

// Deliberately loose: the model checks the parts it reads and reports what it
// finds missing; nothing else reads the raw document.
export type OpenApiDocument = Record<string, unknown> & {
  openapi: string;
  info: { title: string; version: string; [k: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
};

export async function loadSpec(entry: string, configPath = 'redocly.yaml', options: { lint?: boolean } = {}): Promise<LoadedSpec> {
  const config = await loadConfig({ configPath });
  // One resolver for both passes: every spec file is read and parsed once.
  const externalRefResolver = new BaseResolver(config.resolve);
  const [lintProblems, bundled] = await Promise.all([
    options.lint === false ? [] : lint({ ref: entry, config, externalRefResolver }),
    bundle({ ref: entry, config, dereference: false, externalRefResolver }),
  ]);
  const problems = [...lintProblems, ...bundled.problems]
    .filter((p) => p.severity === 'error' || p.severity === 'warn')
    .map(toSpecProblem);
  const files = [...(bundled.fileDependencies ?? [])].map((f) => path.relative(process.cwd(), f)).sort();
  const document = bundled.bundle.parsed as OpenApiDocument;
  // int64 examples above 2^53 keep every digit (see exact-values.ts).
  const sourceFiles = new Set([path.resolve(entry), ...(bundled.fileDependencies ?? [])]);
  attachExactIntegers(document, [...sourceFiles].flatMap((f) => { try { return [readFileSync(f, 'utf8')]; } catch { return []; } }));
  return { document, files, problems: dedupe(problems) };
}

function toSpecProblem(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  const lineCol = location ? getLineColLocation(location) : undefined;
  return {
    severity: problem.severity === 'error' ? 'error' : 'warn',
    rule: problem.ruleId,
    message: problem.message,
    file: location ? path.relative(process.cwd(), location.source.absoluteRef) : '(unknown file)',
    line: lineCol?.start.line ?? 0,
    column: lineCol?.start.col ?? 0,
    pointer: location?.pointer ?? '#',
  };
}

// lint and bundle both report unresolved refs; say each problem once.
function dedupe(problems: SpecProblem[]): SpecProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.rule}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}: ${p.message} (at ${p.pointer})`;
}
