// Load stage: bundle the split YAML spec into one document and lint it with
// redocly.yaml (the recommended ruleset plus the `top` plugin). Everything
// downstream reads the bundled document through the model, never the files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseResolver, bundle, getLineColLocation, lint, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { attachExactIntegers } from '../model/exact-values.ts';

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
  /** What kind of problem, for ordering root causes first and dropping knock-on ones. */
  kind: SpecProblemKind;
}

export type SpecProblemKind = 'parse' | 'unresolved' | 'lint' | 'model' | 'knock-on';

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

/**
 * An integer beyond 2^53 - 1 (9007199254740991) takes at least 16 decimal
 * digits, 14 hexadecimal (0x20000000000000) or 18 octal ones: a file without
 * a run of 14 hex-digit characters cannot hold one.
 */
const MAY_HOLD_UNSAFE_INTEGER = /[0-9A-Fa-f]{14}/;

export async function loadSpec(entry: string, configPath = 'redocly.yaml', options: { lint?: boolean } = {}): Promise<LoadedSpec> {
  const config = await loadConfig({ configPath });
  // One resolver for both passes: every spec file is read and parsed once.
  const externalRefResolver = new BaseResolver(config.resolve);
  let lintProblems: NormalizedProblem[];
  let bundled: Awaited<ReturnType<typeof bundle>>;
  try {
    [lintProblems, bundled] = await Promise.all([
      options.lint === false ? [] : lint({ ref: entry, config, externalRefResolver }),
      bundle({ ref: entry, config, dereference: false, externalRefResolver }),
    ]);
  } catch (error) {
    // The entry file itself does not parse: redocly throws instead of reporting.
    const problem = entryParseProblem(error);
    if (problem) return { document: {} as OpenApiDocument, files: [relative(path.resolve(entry))], problems: [problem] };
    throw error;
  }
  const problems = [...lintProblems, ...bundled.problems].filter((p) => p.severity === 'error' || p.severity === 'warn').map(toSpecProblem);
  const files = [...(bundled.fileDependencies ?? [])].map((f) => path.relative(process.cwd(), f)).sort();
  const document = bundled.bundle.parsed as OpenApiDocument;
  // int64 examples above 2^53 keep every digit (see exact-values.ts).
  const sourceFiles = new Set([path.resolve(entry), ...(bundled.fileDependencies ?? [])]);
  // Only files that can hold such an integer are parsed again (that second parse was ~0.3 s of a fresh run).
  attachExactIntegers(
    document,
    [...sourceFiles].flatMap((f) => {
      try {
        const text = readFileSync(f, 'utf8');
        return MAY_HOLD_UNSAFE_INTEGER.test(text) ? [text] : [];
      } catch {
        return [];
      }
    }),
  );
  return { document, files, problems };
}

function toSpecProblem(problem: NormalizedProblem): SpecProblem {
  const location = problem.location[0];
  const lineCol = location ? getLineColLocation(location) : undefined;
  const spec: SpecProblem = {
    severity: problem.severity === 'error' ? 'error' : 'warn',
    rule: problem.ruleId,
    message: problem.message,
    file: location ? path.relative(process.cwd(), location.source.absoluteRef) : '(unknown file)',
    line: lineCol?.start.line ?? 0,
    column: lineCol?.start.col ?? 0,
    pointer: location?.pointer ?? '#',
    kind: 'lint',
  };
  return classify(spec);
}

const relative = (file: string) => path.relative(process.cwd(), file);

/** redocly's YamlParseError for the entry file, as a problem (with the duplicated key named, when that is the fault). */
function entryParseProblem(error: unknown): SpecProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const m = /^(.*?) in "(.+?)" \((\d+):(\d+)\)/.exec(error.message);
  if (!m || !/YamlParseError|YAMLException/.test(`${error.name} ${(error as { originalError?: Error }).originalError?.name ?? ''}`)) return undefined;
  const [, reason, file, line, column] = m as unknown as [string, string, string, string, string];
  let message = `YAML syntax error: ${reason}`;
  if (reason === 'duplicated mapping key') {
    try {
      const key = readFileSync(file, 'utf8').split('\n')[Number(line) - 1]?.trim().replace(/:.*$/, '');
      if (key) message = `YAML syntax error: duplicated key ${key} (each key once; each TOP method has one path)`;
    } catch {
      // keep the plain message
    }
  }
  return { severity: 'error', rule: 'yaml', message, file: relative(file), line: Number(line), column: Number(column), pointer: '#', kind: 'parse' };
}

/**
 * Says what a resolver problem means in the reader's terms: a YAML syntax
 * error is placed where the parser stopped, in the file that has it; a
 * missing file is named relative to the cwd; a reference that fails only
 * because its target did not parse is marked as a knock-on.
 */
function classify(p: SpecProblem): SpecProblem {
  if (p.rule !== 'no-unresolved-refs' && p.rule !== 'bundler') return p;
  const parse = /^Failed to parse: (.*?) in "(.+?)" \((\d+):(\d+)\)/s.exec(p.message);
  if (parse) {
    return { ...p, kind: 'parse', file: relative(parse[2]!), line: Number(parse[3]), column: Number(parse[4]), message: `YAML syntax error: ${parse[1]!.split('\n')[0]}` };
  }
  const brokenTarget = /^Can't resolve \$ref: .*? in "(.+?)" \(\d+:\d+\)/s.exec(p.message);
  if (brokenTarget) return { ...p, kind: 'knock-on', message: `$ref target ${relative(brokenTarget[1]!)} could not be parsed` };
  const missing = /^Can't resolve \$ref: ENOENT: no such file or directory '(.+?)'/.exec(p.message);
  if (missing) return { ...p, kind: 'unresolved', message: `$ref target ${relative(missing[1]!)} does not exist` };
  return { ...p, kind: 'unresolved', message: p.message.replace(/^Can't resolve \$ref/, 'unresolved $ref') };
}

// Lint rules that look at one node at a time: still right while references are broken.
const LOCAL_RULES = new Set(['struct', 'spec', 'no-unresolved-refs', 'bundler']);
const ORDER: Record<SpecProblemKind, number> = { parse: 0, unresolved: 1, lint: 2, model: 3, 'knock-on': 4 };

/**
 * The problems a person should read, one line each, root causes first:
 * YAML syntax errors, then unresolved references, then lint, then model
 * rules. Knock-on errors are dropped: a reference that fails because its
 * target did not parse, and (while any reference is broken) the rules that
 * reason across references, which would only report the hole again. Each
 * place is reported once, by the first (most basic) rule that saw it.
 */
export function problemLines(problems: SpecProblem[]): string[] {
  const errors = problems.filter((p) => p.severity === 'error' && p.kind !== 'knock-on');
  const broken = errors.some((p) => p.kind === 'parse' || p.kind === 'unresolved');
  const kept = errors
    .filter((p) => !broken || (p.kind !== 'model' && (p.kind !== 'lint' || LOCAL_RULES.has(p.rule))))
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const p of kept) {
    const where = `${p.file}:${p.line}:${p.column}`;
    if (seen.has(where)) continue;
    seen.add(where);
    lines.push(formatProblem(p));
  }
  return lines;
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}:${p.line}:${p.column} ${p.message}`;
}
