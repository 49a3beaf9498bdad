// generated/client: the typed TOP client.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiModel } from '../model/types.ts';
import { clientView } from './client-view.ts';
import { render } from './templates.ts';
import { renderTypes } from './types.ts';
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
      const source = readFileSync(path.join(RUNTIME_DIR, folder, name), 'utf8');
      files.set(`${targetDir}/${folder}/${name}`, `// Copied from runtime/${folder}/${name} by the TOP generator: edit that file, then regenerate.\n${source}`);
    }
  }
  return files;
}

// Types and validators are the slow renders (openapi-typescript, ajv): both
// packages hold the same ones, so each model renders them once.
const shared = new WeakMap<ApiModel, Promise<{ types: string; validators: string }>>();
function typesAndValidators(model: ApiModel): Promise<{ types: string; validators: string }> {
  let pending = shared.get(model);
  if (!pending) {
    pending = renderTypes(model).then((types) => ({ types, validators: compileValidators(model) }));
    shared.set(model, pending);
  }
  return pending;
}

/** What both packages hold: types, validators, operation descriptors, schema names. */
export async function sharedFiles(model: ApiModel, dir: string): Promise<OutputFiles> {
  const view = clientView(model);
  const { types, validators } = await typesAndValidators(model);
  return new Map([
    [`${dir}/types.ts`, types],
    [`${dir}/validators.js`, validators],
    [`${dir}/validators.d.ts`, render('shared/validators.d.ts.hbs', view)],
    [`${dir}/operations.ts`, render('shared/operations.ts.hbs', view)],
    [`${dir}/schemas.ts`, render('shared/schemas.ts.hbs', view)],
  ]);
}

export async function renderClient(model: ApiModel): Promise<OutputFiles> {
  const view = clientView(model);
  const files: OutputFiles = await sharedFiles(model, 'client/src');
  files.set('client/src/client.ts', render('client/client.ts.hbs', view));
  files.set('client/src/index.ts', render('client/index.ts.hbs', view));
  files.set('client/src/node.ts', render('client/node.ts.hbs', view));
  for (const [name, content] of runtimeFiles('client/src/runtime', ['common', 'client'])) files.set(name, content);
  return files;
}
