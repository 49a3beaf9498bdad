// `top-openapi generate`: spec → output folder, --check, --watch, --scaffold.
// Also runnable directly (`node --import tsx generator/cli.ts ...`), which is
// what `npm run generate` and older notes use.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, type Flags, resolveSettings, type Settings, shown } from './config.ts';

// The pipeline (redocly, TypeScript, ajv, Handlebars) loads only when a command
// needs it, so `--help` and argument errors answer at once.
const pipeline = () => import('./generate.ts');

export const GENERATE_USAGE = `usage: top-openapi generate [--spec FILE] [--out DIR] [--config FILE] [--only LIST] [--check | --watch] [--allow-breaking]
       top-openapi generate --scaffold DIR [--import-from PACKAGE]
  --spec FILE        the spec's entry file (default spec/openapi.yaml, or "spec" in the config file)
  --out DIR          the output folder (default generated, or "out" in the config file)
  --config FILE      top-openapi.config.json to read (default: the one beside the spec, or in the
                     current folder); flags win over it
  --only LIST        write only these artefacts, comma-separated from client, server, mock, docs
                     (\`--only client\`: the client package alone, as a full run writes it); wins
                     over "artefacts" in the config file
  --check            write nothing; exit 1 naming every stale, missing or extra file
  --watch            regenerate whenever the spec's folder (or the templates) change
  --allow-breaking   accept API changes that info.version does not account for (pre-1.0 work)
  --scaffold DIR     write a handler file per operation into DIR, keeping every file already there
  --import-from PKG  the package the scaffolded handlers import (default: the server package's name)
The lint rules come from the redocly.yaml beside the spec, else the generator's own.
Exit status: 0 done, 1 the spec (or the output) has problems, 2 bad arguments or config.`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface RunOptions {
  check: boolean;
  watching: boolean;
  allowBreaking: boolean;
  /** For --watch: what changed, put in the one line a regeneration prints. */
  cause?: string;
}

/**
 * Prints what went wrong with a generation; returns the exit status for a
 * known kind (1: the spec or version; 2: config, input that is no OpenAPI 3
 * spec, an output folder it may not write), undefined otherwise.
 */
async function reportFailure(error: unknown, out: string, watching: boolean): Promise<number | undefined> {
  const { SpecError, VersionError } = await pipeline();
  const { SpecInputError } = await import('./load/load-spec.ts');
  const { OutDirError } = await import('./write/out-dir.ts');
  if (error instanceof SpecError) {
    for (const line of error.lines) console.error(line);
  } else if (error instanceof VersionError) {
    for (const line of error.lines) console.error(line.startsWith(' ') ? line : `generate: ${line}`);
  } else if (error instanceof SpecInputError) {
    console.error(error.message);
    return 2;
  } else if (error instanceof ConfigError || error instanceof OutDirError) {
    console.error(`generate: ${error.message}`);
    return 2;
  } else return undefined;
  console.error(`${shown(out)}/ was left as it was${watching ? '; still watching' : ''}.`);
  return 1;
}

/** Where the output folder came from, for messages: the flag, or the config file's key. */
function outOption(flags: Flags, settings: Settings): string {
  if (flags.out !== undefined || settings.configFile === undefined) return '--out';
  return `${shown(settings.configFile)} "out":`;
}

/** Counts regenerations that wrote, so that only the newest one's deferred reference page is written (--watch). */
let referenceTurn = 0;

async function once(settings: Settings, options: RunOptions): Promise<number> {
  const started = performance.now();
  // TypeScript starts loading in its worker (when there is one) before this thread loads the pipeline (redocly, ajv, Handlebars).
  (await import('./render/typescript-work.ts')).startTypeScriptWork(settings.artefacts);
  const { writeChanged, writeFileAtomically, writeOutput, compareOutput } = await import('./write/output.ts');
  const { generate, stage } = await pipeline();
  const { formatChange } = await import('./diff/api-diff.ts');
  const out = settings.out;
  try {
    const { model, files, referenceLater, changes } = await generate(settings.spec, {
      outDir: out,
      deferReference: options.watching,
      settings,
      allowBreaking: options.allowBreaking,
      checkVersion: !options.check,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (options.check) {
      const differences = compareOutput(out, files);
      if (differences.length) {
        for (const d of differences) {
          console.error(`${d.kind}: ${shown(path.join(out, d.file))}${d.foreign ? ' (not written by top-openapi: generate leaves it; delete it by hand)' : ''}`);
        }
        const foreign = differences.filter((d) => d.foreign).length;
        const stale = differences.length - foreign;
        console.error(
          `generate --check: ${[stale ? `${plural(stale, 'file')} out of date; run \`top-openapi generate\`` : '', foreign ? `${plural(foreign, 'file')} not written by top-openapi; delete ${foreign === 1 ? 'it' : 'them'}` : ''].filter(Boolean).join('; ')}`,
        );
        return 1;
      }
      console.log(`generate --check: ${shown(out)}/ is current (${model.operations.length} operations, ${files.size} files, ${seconds} s)`);
      return 0;
    }
    const versionUnchecked = options.allowBreaking && changes.length > 0;
    if (versionUnchecked && !options.cause) {
      for (const change of changes) console.log(`allowed by --allow-breaking: ${formatChange(change)}`);
    }
    // Watching, only what changed is written (the first run, and every plain run, swaps the whole folder).
    const { written, changed, kept, leftover } = options.watching && options.cause ? writeChanged(out, files) : writeOutput(out, files);
    stage('write');
    if (leftover) console.error(`generate: the previous ${shown(out)}/ could not be deleted after the new one was written; it is at ${shown(leftover)}: delete it by hand`);
    if (kept.length > 0) {
      console.log(
        `kept ${plural(kept.length, 'file')} in ${shown(out)}/ that top-openapi did not write: ${kept
          .slice(0, 3)
          .map((f) => shown(path.join(out, f)))
          .join(', ')}${kept.length > 3 ? ', …' : ''}`,
      );
    }
    if (options.cause) {
      const allowed = versionUnchecked
        ? ` (${plural(changes.length, 'API change')} since ${shown(out)}/api-surface.json, ${changes.filter((c) => c.breaking).length} breaking, allowed by --allow-breaking)`
        : '';
      console.log(`regenerated after ${options.cause}: ${model.operations.length} operations, ${plural(changed, 'file')} changed in ${shown(out)}/ in ${seconds} s${allowed}`);
    } else {
      console.log(`generated ${model.operations.length} operations: ${written} files written to ${shown(out)}/ (${changed} changed) in ${seconds} s`);
    }
    // A page still building for an earlier regeneration must not land after this one's.
    const turn = ++referenceTurn;
    if (referenceLater) {
      // Built and written after the rest, silently: the regeneration already printed its line.
      const built = referenceLater().then(
        ({ file, content }) => {
          if (turn === referenceTurn) writeFileAtomically(path.join(out, file), content);
        },
        (error: Error) => console.error(`generate: the reference page could not be rebuilt: ${error.message}`),
      );
      if (!options.watching) await built;
    }
    return 0;
  } catch (error) {
    const code = await reportFailure(error, out, options.watching);
    if (code !== undefined) return code;
    throw error;
  }
}

async function scaffoldCommand(settings: Settings, dir: string, importFrom: string | undefined): Promise<number> {
  const { scaffold } = await import('./scaffold.ts');
  const { generate, SpecError } = await pipeline();
  try {
    const { model } = await generate(settings.spec, { outDir: settings.out, settings, checkVersion: false });
    const { written, kept } = scaffold(model, dir, importFrom ?? settings.packages.server.name);
    for (const file of written) console.log(`wrote ${shown(file)}`);
    for (const file of kept) console.log(`kept  ${shown(file)} (exists)`);
    console.log(`scaffold: ${plural(written.length, 'new handler file')}, ${kept.length} kept, in ${shown(dir)}/`);
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      for (const line of error.lines) console.error(line);
      return 1;
    }
    throw error;
  }
}

async function watchCommand(flags: Flags, first: Settings, allowBreaking: boolean): Promise<number> {
  const { TreeWatcher } = await import('./watch.ts');
  // Spec files parsed once per content from now on (a one-shot run does not keep them).
  (await import('./load/parse-cache.ts')).keepParsedFiles();
  const { TEMPLATES_DIR, clearTemplateCache } = await import('./render/templates.ts');
  let settings = first;
  const specDir = path.dirname(settings.spec);
  const roots = [specDir, TEMPLATES_DIR, ...(settings.configFile ? [path.dirname(settings.configFile)] : [])];
  let running: Promise<unknown> = Promise.resolve();
  let pending: string[] = [];
  const watcher = new TreeWatcher({
    roots: [...new Set(roots)],
    exclude: [settings.out],
    onChange: (files) => {
      // Changes that arrive while a generation runs are gathered and handled in one go after it.
      const queued = pending.length > 0;
      pending.push(...files);
      if (queued) return;
      running = running.then(async () => {
        const changed = [...new Set(pending)];
        pending = [];
        if (changed.some((f) => f.startsWith(TEMPLATES_DIR + path.sep))) clearTemplateCache();
        try {
          settings = resolveSettings(flags);
        } catch (error) {
          if (error instanceof ConfigError) {
            console.error(`generate: ${error.message}; still watching`);
            return;
          }
          throw error;
        }
        const cause = `a change in ${shown(changed[0]!)}${changed.length > 1 ? ` and ${changed.length - 1} more` : ''}`;
        await once(settings, { check: false, watching: true, allowBreaking, cause });
      });
    },
  });
  console.log(`watching ${shown(specDir)}/ and ${shown(TEMPLATES_DIR)}/ (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  watcher.close();
  await running;
  return 0;
}

export async function runGenerate(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        check: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        spec: { type: 'string' },
        out: { type: 'string' },
        config: { type: 'string' },
        only: { type: 'string' },
        scaffold: { type: 'string' },
        'import-from': { type: 'string' },
        'allow-breaking': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`generate: ${(error as Error).message}\n${GENERATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(GENERATE_USAGE);
    return 0;
  }
  if (values.check && values.watch) {
    console.error('generate: --check and --watch do not go together');
    return 2;
  }
  for (const flag of ['scaffold', 'import-from'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      console.error(`generate: --${flag} must not be empty (an unset variable?)`);
      return 2;
    }
  }
  if (values.scaffold !== undefined && (values.check || values.watch)) {
    console.error('generate: --scaffold goes alone');
    return 2;
  }
  const flags: Flags = { spec: values.spec, out: values.out, config: values.config, only: values.only };
  let settings: Settings;
  try {
    settings = resolveSettings(flags);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`generate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  if (!existsSync(settings.spec)) {
    console.error(`generate: no spec at ${shown(settings.spec)} (pass --spec FILE, or "spec" in ${settings.configFile ? shown(settings.configFile) : 'top-openapi.config.json'})`);
    return 2;
  }
  if (statSync(settings.spec).isDirectory()) {
    console.error(`generate: --spec ${shown(settings.spec)} is a folder; name the spec's entry file, e.g. ${shown(path.join(settings.spec, 'openapi.yaml'))}`);
    return 2;
  }
  if (values.check && existsSync(settings.out) && !statSync(settings.out).isDirectory()) {
    console.error(`generate: ${outOption(flags, settings)} ${shown(settings.out)} is a file, not a folder`);
    return 2;
  }
  if (!values.check && values.scaffold === undefined) {
    // Refused before the spec is read: an output folder the generator may not write into.
    const { inspectOutDir, OutDirError } = await import('./write/out-dir.ts');
    try {
      inspectOutDir(settings.out, { option: outOption(flags, settings), spec: settings.spec, configFile: settings.configFile, shown });
    } catch (error) {
      if (!(error instanceof OutDirError)) throw error;
      console.error(`generate: ${error.message}`);
      return 2;
    }
  }
  if (values.scaffold !== undefined) return scaffoldCommand(settings, path.resolve(values.scaffold), values['import-from']);
  const code = await once(settings, { check: values.check, watching: values.watch, allowBreaking: values['allow-breaking'] });
  if (!values.watch) return code;
  return watchCommand(flags, settings, values['allow-breaking']);
}

// No top-level await: the prebuilt generator is a CommonJS script (bin/prebuilt.js).
if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  runGenerate(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
