// Load stage: bundle the split YAML spec into one document and lint it with
// redocly.yaml (the recommended ruleset plus the `top` plugin). Everything
// downstream reads the bundled document through the model, never the files.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { bundle, getLineColLocation, lint, loadConfig, type NormalizedProblem } from '@redocly/openapi-core';
import { parse as parseYaml } from 'yaml';
import { beginLintRun, keptValidators } from '../lint/example-validators.ts';
import { attachExactIntegers } from '../model/exact-values.ts';
import { CachingResolver } from './parse-cache.ts';
import { findRefCycle } from './ref-cycle.ts';

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
 * digits, `0x` and 14 hexadecimal ones (0x20000000000000), or 18 octal or 54
 * binary digits: a file without a run of 16 digits or such a hexadecimal
 * literal cannot hold one. (A run of any 14 hex-digit characters, the test
 * before, also took dates, hashes and 14-15 digit ids: 10 of the spec's 37
 * files were parsed a second time, ~45 ms of a cold run; now 3 are.)
 */
export const MAY_HOLD_UNSAFE_INTEGER = /[0-9]{16}|0[xX][0-9A-Fa-f]{14}/;

/**
 * Input that is no OpenAPI 3 document at all (a folder, an empty file, a YAML
 * list, Swagger 2.0, one file of a split spec) or a lint config that cannot be
 * read: one line, `FILE[:LINE:COL] message`; the commands exit 2 for it.
 */
export class SpecInputError extends Error {
  override name = 'SpecInputError';
}

/**
 * redocly's example checks: each compiles an ajv validator per schema an
 * example must fit, the costliest rules by far, and they report at their
 * configured severity only (no forceSeverity), so at `warn` they can never
 * add an error.
 */
const EXAMPLE_RULES = ['no-invalid-media-type-examples', 'no-invalid-schema-examples', 'no-invalid-parameter-examples'];

const severityOf = (setting: unknown) => (typeof setting === 'string' ? setting : (setting as { severity?: string } | undefined)?.severity);

/**
 * Leaves out the example checks the config only warns about (per spec
 * version): for a caller that reads errors alone (generate), a warning is
 * work with no effect.
 */
function skipWarningOnlyExampleChecks(config: Awaited<ReturnType<typeof loadConfig>>): void {
  for (const rules of Object.values(config.rules)) {
    for (const id of EXAMPLE_RULES) if (severityOf(rules[id]) === 'warn') rules[id] = 'off';
  }
}

export async function loadSpec(entry: string, configPath = 'redocly.yaml', options: { lint?: boolean; errorsOnly?: boolean } = {}): Promise<LoadedSpec> {
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    config = await loadConfig({ configPath });
  } catch (error) {
    throw new SpecInputError(`${relative(configPath)}${yamlPlace(error)} the lint config cannot be read: ${firstLine(error)}`);
  }
  if (options.errorsOnly) skipWarningOnlyExampleChecks(config);
  // One resolver for both passes: every spec file is read and parsed once (and, unchanged, not again in this process).
  const externalRefResolver = new CachingResolver(config.resolve);
  if (options.lint !== false) await beginLintRun();
  let lintProblems: NormalizedProblem[];
  let bundled: Awaited<ReturnType<typeof bundle>>;
  try {
    [lintProblems, bundled] = await Promise.all([
      options.lint === false ? [] : lint({ ref: entry, config, externalRefResolver }),
      bundle({ ref: entry, config, dereference: false, externalRefResolver }),
    ]);
  } catch (error) {
    // The entry file itself does not parse: redocly throws instead of reporting.
    const problem = entryParseProblem(error) ?? refCycleProblem(entry, error);
    if (problem) return { document: {} as OpenApiDocument, files: [relative(path.resolve(entry))], problems: [problem] };
    throw new SpecInputError(notOpenApi(entry, error));
  }
  externalRefResolver.forgetUnused();
  if (process.env.TOP_GENERATE_PROFILE === '1' && options.lint !== false) {
    const { count, installed } = keptValidators();
    console.error(`  [profile] example validators kept: ${count}${installed ? '' : ' (no cache: redocly not found at its path)'}`);
  }
  const problems = [...lintProblems, ...bundled.problems].filter((p) => p.severity === 'error' || p.severity === 'warn').map(toSpecProblem);
  const files = [...(bundled.fileDependencies ?? [])].map((f) => path.relative(process.cwd(), f)).sort();
  const document = bundled.bundle.parsed as OpenApiDocument;
  // redocly bundles Swagger 2.0 too; everything after it reads OpenAPI 3 only.
  if (!/^3\./.test(String(document?.openapi))) throw new SpecInputError(notOpenApi(entry, new Error('not OpenAPI 3')));
  // int64 examples above 2^53 keep every digit (see exact-values.ts).
  const sourceFiles = new Set([path.resolve(entry), ...(bundled.fileDependencies ?? [])]);
  // Only files that can hold such an integer are parsed again (that second parse was ~0.3 s of a fresh run).
  attachExactIntegers(
    document,
    [...sourceFiles].flatMap((f) => {
      try {
        const text = externalRefResolver.textOf(f) ?? readFileSync(f, 'utf8');
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

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error))
    .split('\n')[0]!
    .replace(/^Error: /, '')
    .replace(/ in "[^"]*" \(\d+:\d+\)$/, '');

/** `:LINE:COL` of a YAML parse error, when it has one. */
function yamlPlace(error: unknown): string {
  const m = /\((\d+):(\d+)\)/.exec(error instanceof Error ? error.message : '');
  return m ? `:${m[1]}:${m[2]}` : '';
}

/**
 * Why redocly could not take the entry file as a spec, in the reader's terms
 * (it throws for these instead of reporting a problem). Reads the file only
 * on this failure path.
 */
function notOpenApi(entry: string, error: unknown): string {
  const file = relative(path.resolve(entry));
  let text: string;
  try {
    if (statSync(entry).isDirectory()) return `${file}: a folder, not a spec file; name the spec's entry file, e.g. ${path.join(file, 'openapi.yaml')}`;
    text = readFileSync(entry, 'utf8');
  } catch (readError) {
    return `${file}: cannot be read (${(readError as NodeJS.ErrnoException).code ?? firstLine(readError)})`;
  }
  let root: unknown;
  try {
    root = parseYaml(text);
  } catch {
    return `${file}${yamlPlace(error)} not a spec: ${firstLine(error)}`;
  }
  const want = 'an OpenAPI 3.x document (a mapping with openapi: 3.1.0, info and paths)';
  if (root === null || root === undefined || text.trim() === '') return `${file}:1:1 the file is empty; want ${want}`;
  if (Array.isArray(root)) return `${file}:1:1 the file holds a YAML list; want ${want}`;
  if (typeof root !== 'object') return `${file}:1:1 the file holds a single ${typeof root} value; want ${want}`;
  const doc = root as Record<string, unknown>;
  const at = (key: string) => {
    const index = text.split('\n').findIndex((line) => new RegExp(`^\\s*["']?${key}["']?\\s*:`).test(line));
    return index < 0 ? '1:1' : `${index + 1}:1`;
  };
  if ('swagger' in doc) return `${file}:${at('swagger')} Swagger ${String(doc.swagger)} is not supported; convert it to OpenAPI 3.1 first (e.g. with swagger2openapi)`;
  if (!('openapi' in doc)) {
    return `${file}:1:1 no \`openapi\` field: not a spec's entry file (one file of a split spec?); pass the file with openapi: 3.1.0 at its top, or its folder`;
  }
  if (!/^3\./.test(String(doc.openapi))) return `${file}:${at('openapi')} openapi: ${String(doc.openapi)} is not supported; want 3.1.0`;
  return `${file}${yamlPlace(error)} not a spec the generator can read: ${firstLine(error)}`;
}

/** redocly's resolver, thrown out by a `$ref` that leads back to itself: the problem, placed at that `$ref`. */
function refCycleProblem(entry: string, error: unknown): SpecProblem | undefined {
  if (!(error instanceof Error) || !/circular pointer/i.test(error.message)) return undefined;
  const cycle = findRefCycle(entry);
  if (cycle === undefined) return undefined;
  const message = `$ref ${cycle.ref} leads, through $refs only, back to itself: point it at a schema`;
  return { severity: 'error', rule: 'no-unresolved-refs', message, file: relative(cycle.file), line: cycle.line, column: cycle.column, pointer: '#', kind: 'unresolved' };
}

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
