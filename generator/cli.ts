// npm run generate [-- --check | --watch] [--spec FILE] [--out DIR]
import { watch } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generate, SpecError, stage } from './generate.ts';
import { scaffold } from './scaffold.ts';
import { clearTemplateCache, TEMPLATES_DIR } from './render/templates.ts';
import { compareOutput, writeChanged, writeFileAtomically, writeOutput } from './write/output.ts';

const USAGE = `usage: npm run generate -- [--check] [--watch] [--spec spec/openapi.yaml] [--out generated]
       npm run generate -- --scaffold DIR [--import-from @top-payments/server]
  --check       write nothing; exit 1 naming every stale, missing or extra file
  --watch       regenerate whenever spec/ or templates/ change
  --scaffold    write a handler file per operation into DIR, keeping every file already there`;

async function once(spec: string, out: string, check: boolean, watching = false): Promise<number> {
  const started = performance.now();
  try {
    const { model, files, referenceLater } = await generate(spec, { outDir: out, deferReference: watching });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (check) {
      const differences = compareOutput(out, files);
      if (differences.length) {
        for (const d of differences) console.error(`${d.kind}: ${path.join(out, d.file)}`);
        console.error(`generate --check: ${differences.length} file${differences.length === 1 ? '' : 's'} out of date; run \`npm run generate\``);
        return 1;
      }
      console.log(`generate --check: ${out}/ is current (${model.operations.length} operations, ${files.size} files, ${seconds} s)`);
      return 0;
    }
    // Watching, only what changed is written (the first run, and every plain run, swaps the whole folder).
    const { written, changed } = watching ? writeChanged(out, files) : writeOutput(out, files);
    stage('write');
    console.log(`generated ${model.operations.length} operations: ${written} files written to ${out}/ (${changed} changed) in ${seconds} s`);
    if (referenceLater) {
      const { file, content } = await referenceLater;
      writeFileAtomically(path.join(out, file), content);
      console.log(`rebuilt ${path.join(out, file)} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      console.error(`generate: ${error.message}`);
      console.error(`${out}/ was left as it was.`);
      return 1;
    }
    throw error;
  }
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        check: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        spec: { type: 'string', default: 'spec/openapi.yaml' },
        out: { type: 'string', default: 'generated' },
        scaffold: { type: 'string' },
        'import-from': { type: 'string', default: '@top-payments/server' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`generate: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.check && values.watch) {
    console.error('generate: --check and --watch do not go together');
    return 2;
  }
  if (values.scaffold !== undefined) {
    if (values.check || values.watch) {
      console.error('generate: --scaffold goes alone');
      return 2;
    }
    try {
      const { model } = await generate(values.spec, { outDir: values.out });
      const { written, kept } = scaffold(model, values.scaffold, values['import-from']);
      for (const file of written) console.log(`wrote ${file}`);
      for (const file of kept) console.log(`kept  ${file} (exists)`);
      console.log(`scaffold: ${written.length} new handler file${written.length === 1 ? '' : 's'}, ${kept.length} kept, in ${values.scaffold}/`);
      return 0;
    } catch (error) {
      if (error instanceof SpecError) {
        console.error(`generate: ${error.message}`);
        return 1;
      }
      throw error;
    }
  }
  const code = await once(values.spec, values.out, values.check);
  if (!values.watch) return code;

  const specDir = path.dirname(values.spec);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  const trigger = (what: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => {
        if (what.startsWith(TEMPLATES_DIR)) clearTemplateCache();
        console.log(`change in ${path.relative(process.cwd(), what)}; regenerating`);
        return once(values.spec!, values.out!, false, true);
      });
    }, 30);
  };
  for (const dir of [specDir, TEMPLATES_DIR]) {
    watch(dir, { recursive: true }, (_event, file) => trigger(path.join(dir, file ?? '')));
  }
  console.log(`watching ${specDir}/ and ${path.relative(process.cwd(), TEMPLATES_DIR)}/ (Ctrl-C to stop)`);
  return new Promise<number>(() => {});
}

process.exitCode = await main();
