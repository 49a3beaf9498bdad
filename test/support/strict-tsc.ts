// Type-checking generated code the way a consumer's strict project would: one
// home for the compiler options every such test shares (ES2022 modules,
// NodeNext resolution, strict, this repository's @types/node) and for running
// this repository's tsc on a temporary folder. Each test adds the flags it is
// about (noUnusedLocals, exactOptionalPropertyTypes, isolatedDeclarations…).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

/** The shared options, with `extra` on top. */
export function strictCompilerOptions(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    strict: true,
    ...extra,
  };
}

/** Writes `dir`/tsconfig.json (the shared options and `compilerOptions` on top) and runs tsc on it; a type error fails the test with tsc's output. */
export function typeCheck(dir: string, config: { compilerOptions: Record<string, unknown>; include?: string[]; files?: string[] }): void {
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...config, compilerOptions: strictCompilerOptions(config.compilerOptions) }));
  try {
    execFileSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc: ${(error as { stdout?: string }).stdout ?? error}`);
  }
}
