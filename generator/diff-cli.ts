// `top-openapi diff OLD NEW [--json]`: what changed in the API surface, each
// change classed breaking or not (generator/diff/api-diff.ts decides which).
// OLD and NEW are spec files, folders, git revisions (`HEAD~1`, the spec at
// that commit) or `REV:path`. A revision's spec folder is read out of git into
// a temporary folder, so a split spec bundles as it did then.
// Exit 1 when anything is breaking (so CI can guard a published client),
// 0 otherwise, 2 when a spec cannot be read or the arguments are wrong.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, ConfigError, resolveSettings, shown } from './config.ts';
import type { Change } from './diff/api-diff.ts';
import type { ApiModel } from './model/types.ts';

export const DIFF_USAGE = `usage: top-openapi diff OLD NEW [--json]
  OLD, NEW   a spec file, a folder (its top-openapi.config.json's spec, else spec/openapi.yaml,
             else openapi.yaml), a git revision (the current folder's spec as it was then:
             top-openapi diff HEAD~1 .) or REV:PATH (top-openapi diff v1.0.0:spec/openapi.yaml spec/openapi.yaml)
  --json     print {"old", "new", "changes", "breaking"} for CI instead of lines
Exit status: 0 nothing breaking, 1 a breaking change, 2 a spec cannot be read or bad arguments.`;

class DiffInputError extends Error {}

function git(args: string[], cwd: string): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function gitTry(args: string[], cwd: string): string | undefined {
  try {
    return git(args, cwd).trim();
  } catch {
    return undefined;
  }
}

/** The spec a folder holds. */
function specInFolder(dir: string): string {
  if (existsSync(path.join(dir, CONFIG_FILE))) return resolveSettings({ config: path.join(dir, CONFIG_FILE) }, dir).spec;
  for (const candidate of ['spec/openapi.yaml', 'openapi.yaml', 'openapi.yml', 'openapi.json']) {
    if (existsSync(path.join(dir, candidate))) return path.join(dir, candidate);
  }
  throw new DiffInputError(`${shown(dir)}/ holds no spec (no ${CONFIG_FILE}, spec/openapi.yaml or openapi.yaml)`);
}

interface Side {
  label: string;
  spec: string;
  cleanup?: () => void;
}

/**
 * Writes the folder `dir` (relative to the repository's top) as it was at
 * `rev` into a temporary folder; returns that folder's path for `dir`.
 */
function materialise(rev: string, dirInRepo: string, top: string): { root: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'top-openapi-diff-'));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  try {
    const listed = git(['ls-tree', '-r', '-z', '--name-only', rev, '--', dirInRepo === '' ? '.' : dirInRepo], top)
      .split('\0')
      .filter(Boolean);
    for (const file of listed) {
      const target = path.join(root, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, execFileSync('git', ['show', `${rev}:${file}`], { cwd: top, maxBuffer: 64 * 1024 * 1024 }));
    }
    return { root, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

function resolveRevision(rev: string, relativePath: string | undefined, label: string): Side {
  const cwd = process.cwd();
  const top = gitTry(['rev-parse', '--show-toplevel'], cwd);
  if (top === undefined) throw new DiffInputError(`${label}: no such file or folder, and not in a git repository to read a revision from`);
  if (gitTry(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd) === undefined) {
    throw new DiffInputError(`${label}: no such file, folder or git revision`);
  }
  // The spec the current folder uses (or the path given), relative to the repository's top.
  const current = relativePath !== undefined ? path.resolve(cwd, relativePath) : specInFolder(cwd);
  const inRepo = path.relative(top, current).split(path.sep).join('/');
  if (inRepo.startsWith('..')) throw new DiffInputError(`${label}: ${shown(current)} is outside the git repository at ${shown(top)}`);
  const kind = gitTry(['cat-file', '-t', `${rev}:${inRepo}`], top);
  if (kind === undefined) throw new DiffInputError(`${label}: ${inRepo} does not exist at ${rev}`);
  // A file: its folder (a split spec's other files sit beside and below it). A folder: itself.
  const folder = kind === 'tree' ? inRepo : path.posix.dirname(inRepo);
  const { root, cleanup } = materialise(rev, folder === '.' ? '' : folder, top);
  try {
    const spec = kind === 'tree' ? specInFolder(path.join(root, inRepo)) : path.join(root, inRepo);
    return { label, spec, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

function resolveSide(arg: string): Side {
  if (existsSync(arg)) {
    const absolute = path.resolve(arg);
    return { label: arg, spec: statSync(absolute).isDirectory() ? specInFolder(absolute) : absolute };
  }
  // REV:PATH (a revision's file or folder); a Windows drive letter is not a revision.
  const colon = arg.indexOf(':');
  if (colon > 0 && !/^[A-Za-z]:[\\/]/.test(arg)) return resolveRevision(arg.slice(0, colon), arg.slice(colon + 1) || '.', arg);
  return resolveRevision(arg, undefined, arg);
}

async function modelOf(side: Side): Promise<ApiModel> {
  const { loadModel, SpecError } = await import('./generate.ts');
  const { SpecInputError } = await import('./load/load-spec.ts');
  try {
    return await loadModel(side.spec);
  } catch (error) {
    // Not an OpenAPI 3 document at all (an empty file, one schema file of a split spec): exit 2, not "breaking".
    if (error instanceof SpecInputError) throw new DiffInputError(error.message);
    if (error instanceof SpecError) {
      const missing = error.lines.map((l) => / \$ref target (.+) does not exist$/.exec(l)?.[1]).filter((f) => f !== undefined);
      if (missing.length && missing.length === error.lines.length) {
        // One file of a split spec on its own (`git show REV:spec/openapi.yaml > old.yaml`): say so once.
        throw new DiffInputError(
          `${side.label} refers to ${missing.length} file${missing.length === 1 ? '' : 's'} that ${missing.length === 1 ? 'is' : 'are'} not there (${missing.slice(0, 2).join(', ')}${missing.length > 2 ? ', …' : ''}): a split spec's entry file cannot be diffed alone; pass the folder, a git revision such as HEAD~1, or REV:path`,
        );
      }
      throw new DiffInputError(`${side.label}: the spec cannot be read:\n${error.lines.map((l) => `  ${l}`).join('\n')}`);
    }
    throw error;
  }
}

export async function runDiff(argv: string[]): Promise<number> {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`diff: ${(error as Error).message}\n${DIFF_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(DIFF_USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    console.error(`diff: expected OLD and NEW, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'}\n${DIFF_USAGE}`);
    return 2;
  }
  const sides: Side[] = [];
  try {
    for (const arg of positionals) sides.push(resolveSide(arg));
    const [before, after] = (await Promise.all(sides.map(modelOf))) as [ApiModel, ApiModel];
    const { diffApis, formatChange } = await import('./diff/api-diff.ts');
    const changes: Change[] = diffApis(before, after);
    const breaking = changes.filter((c) => c.breaking).length;
    if (values.json) {
      console.log(JSON.stringify({ old: { spec: positionals[0], version: before.version }, new: { spec: positionals[1], version: after.version }, breaking, changes }, null, 2));
    } else {
      for (const change of changes) console.log(formatChange(change));
      console.log(`${changes.length} change${changes.length === 1 ? '' : 's'} (${before.version} → ${after.version}), ${breaking} breaking`);
    }
    return breaking ? 1 : 0;
  } catch (error) {
    if (error instanceof DiffInputError || error instanceof ConfigError) {
      console.error(`diff: ${error.message}`);
      return 2;
    }
    throw error;
  } finally {
    for (const side of sides) side.cleanup?.();
  }
}

// No top-level await: the prebuilt generator is a CommonJS script (bin/prebuilt.js).
if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  runDiff(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
