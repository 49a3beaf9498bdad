// generated/client: the typed TOP client.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiModel } from '../model/types.ts';
import { readRemembered } from '../write/remembered.ts';
import { clientView } from './client-view.ts';
import { checkSchemaNames } from './schema-names.ts';
import { render } from './templates.ts';
import { type TypesSide, typesInput } from './types.ts';
import { pretranspileWork, printTypesWork } from './typescript-work.ts';
import { compileValidators } from './validators.ts';

export const RUNTIME_DIR = path.resolve(import.meta.dirname, '../../runtime');

export type OutputFiles = Map<string, string>;

/**
 * Runtime folders' source files (`common`, `client`, `server`), each marked
 * as a copy so nobody edits it in place.
 */
export function runtimeFiles(targetDir: string, folders: readonly string[]): OutputFiles {
  const files: OutputFiles = new Map();
  for (const folder of folders) {
    for (const name of readdirSync(path.join(RUNTIME_DIR, folder))
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      // Read through the stat-checked memory: --watch copies these files after every edit.
      const source = readRemembered(path.join(RUNTIME_DIR, folder, name)) ?? readFileSync(path.join(RUNTIME_DIR, folder, name), 'utf8');
      files.set(`${targetDir}/${folder}/${name}`, `// Copied from runtime/${folder}/${name} by the TOP generator: edit that file, then regenerate.\n${source}`);
    }
  }
  return files;
}

// Validators are a slow render (ajv): both packages hold the same ones, so
// each model compiles them once. The types differ by side (what a caller
// passes, what a handler receives).
const shared = new WeakMap<ApiModel, string>();
function validatorsOf(model: ApiModel): string {
  let validators = shared.get(model);
  if (validators === undefined) {
    validators = compileValidators(model);
    shared.set(model, validators);
  }
  return validators;
}

/**
 * The sources that declare types only (openapi-typescript's output; renderTypes
 * checks that it printed nothing else): compile.ts copies each as its own
 * declaration file instead of transpiling it.
 */
export const isTypesOnly = (name: string): boolean => /^(?:client|server)\/src\/types\.ts$/.test(name);

/**
 * What each package holds: its side's types, the validators, operation
 * descriptors, schema names, besides `own` (the side's own rendered files).
 * `commonJs`: whether the package has a CommonJS copy (the client's).
 */
export async function sharedFiles(model: ApiModel, dir: string, side: TypesSide, own: OutputFiles, commonJs: boolean): Promise<OutputFiles> {
  // The types print in the TypeScript worker (when there is one) while this thread renders and compiles the validators.
  const types = printTypesWork(typesInput(model, side));
  types.catch(() => {}); // awaited below; never an unhandled rejection meanwhile
  const view = clientView(model);
  const files: OutputFiles = new Map([
    [`${dir}/validators.d.ts`, render('shared/validators.d.ts.hbs', view)],
    [`${dir}/operations.ts`, render('shared/operations.ts.hbs', view)],
    [`${dir}/schemas.ts`, render('shared/schemas.ts.hbs', view)],
    ...own,
  ]);
  checkSchemaNames(
    files,
    dir,
    model.schemas.map((s) => s.name),
  );
  // The rendered TypeScript starts transpiling in the worker before ajv's compile here: the packages' compile then finds it done.
  pretranspileWork(
    [...files].filter(([name]) => name.endsWith('.ts') && !name.endsWith('.d.ts')),
    commonJs,
  );
  files.set(`${dir}/validators.js`, validatorsOf(model));
  files.set(`${dir}/types.ts`, await types);
  return files;
}

export async function renderClient(model: ApiModel): Promise<OutputFiles> {
  const view = clientView(model);
  const own: OutputFiles = new Map([
    ['client/src/client.ts', render('client/client.ts.hbs', view)],
    ['client/src/index.ts', render('client/index.ts.hbs', view)],
    ['client/src/node.ts', render('client/node.ts.hbs', view)],
  ]);
  // The client's exports have a CommonJS branch (packages.ts).
  const files = await sharedFiles(model, 'client/src', 'client', own, true);
  for (const [name, content] of runtimeFiles('client/src/runtime', ['common', 'client'])) files.set(name, content);
  return files;
}
