// compile.ts's two shortcuts past TypeScript (issue 16: a cold generation's
// time): a types-only module and the ajv validators' CommonJS copy. Each
// must make what TypeScript would (or a copy as good), and refuse what it
// cannot convert rather than ship a broken package.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { isTypesOnly } from '../../generator/render/client.ts';
import { CompileError, compilePackages, compilerOptions } from '../../generator/render/compile.ts';
import { typescript } from '../../generator/render/typescript.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MANIFEST = `${JSON.stringify({ name: 'p', type: 'module', exports: { '.': { import: './dist/index.js', require: './dist/cjs/index.js' } } })}\n`;

/** Compiles one package `p` from these sources (nothing reused: the out folder is empty). */
function compileOne(sources: Record<string, string>, typesOnly: (name: string) => boolean = () => false) {
  const files = new Map<string, string>([['p/package.json', MANIFEST], ...Object.entries(sources).map(([n, c]): [string, string] => [`p/src/${n}`, c])]);
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-compile-'));
  try {
    return compilePackages(['p'], files, out, { typesOnly });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function typescriptOf(name: string, content: string) {
  const ts = typescript();
  const COMPILER_OPTIONS = compilerOptions();
  const { declaration: _d, isolatedDeclarations: _i, moduleResolution: _r, ...rest } = COMPILER_OPTIONS;
  return {
    js: ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.ESNext }, fileName: name }).outputText,
    cjs: ts.transpileModule(content, { compilerOptions: { ...rest, module: ts.ModuleKind.CommonJS, esModuleInterop: true }, fileName: name }).outputText,
    dts: ts.transpileDeclaration(content, { compilerOptions: COMPILER_OPTIONS, fileName: name }).outputText,
  };
}

// Declarations without the comments and blank lines TypeScript's declaration printer drops.
const declarations = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('// '))
    .join('\n');

test('the renderer names each package types.ts types-only, and nothing else', () => {
  assert.ok(isTypesOnly('client/src/types.ts'));
  assert.ok(isTypesOnly('server/src/types.ts'));
  for (const name of ['client/src/operations.ts', 'client/src/runtime/common/types.ts', 'client/src/types.d.ts', 'x/client/src/types.ts']) assert.equal(isTypesOnly(name), false, name);
});

test('a types-only module: its JavaScript is what TypeScript emits, its declarations are its own text', () => {
  const committed = readFileSync(path.join(ROOT, 'generated/client/src/types.ts'), 'utf8');
  const withImport = `// Generated header.\n\nimport type { TopFileInput } from './runtime/common/multipart.ts';\n\nexport interface paths {\n    /** A file. */\n    a: TopFileInput;\n}\nexport type webhooks = Record<string, never>;\n`;
  for (const content of [committed, withImport]) {
    const out = compileOne({ 'types.ts': content }, (n) => n === 'p/src/types.ts');
    const expected = typescriptOf('p/src/types.ts', content);
    assert.equal(out.get('p/dist/types.js'), expected.js);
    assert.equal(out.get('p/dist/cjs/types.js'), expected.cjs);
    assert.equal(out.get('p/dist/types.d.ts'), content);
    assert.equal(out.get('p/dist/cjs/types.d.ts'), content);
    // The same declarations TypeScript would have written.
    assert.equal(declarations(content), declarations(expected.dts));
  }
});

test('the validators: the CommonJS copy exports what the ES module does and validates alike', async () => {
  const source = readFileSync(path.join(ROOT, 'generated/client/src/validators.js'), 'utf8');
  const out = compileOne({ 'validators.js': source });
  assert.equal(out.get('p/dist/validators.js'), source);
  const cjs = out.get('p/dist/cjs/validators.js')!;
  assert.match(cjs, /^"use strict";\n/);
  assert.doesNotMatch(cjs, /^\s*(?:export|import)\b/m);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-compile-'));
  try {
    writeFileSync(path.join(dir, 'v.mjs'), source);
    writeFileSync(path.join(dir, 'v.cjs'), cjs);
    type Validator = ((data: unknown) => boolean) & { errors?: unknown };
    const esm = (await import(pathToFileURL(path.join(dir, 'v.mjs')).href)) as Record<string, Validator>;
    const common = createRequire(import.meta.url)(path.join(dir, 'v.cjs')) as Record<string, Validator>;
    assert.deepEqual(Object.keys(common).sort(), Object.keys(esm).sort());
    assert.ok(Object.keys(esm).length >= 10);
    for (const name of Object.keys(esm)) {
      for (const input of [{}, { request_param: {} }, null, 'text', { pay_amount: 1n }]) {
        assert.equal(common[name]!(input), esm[name]!(input), `${name}(${JSON.stringify(input, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))})`);
        assert.deepEqual(common[name]!.errors, esm[name]!.errors);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('JavaScript with any other module syntax is refused, naming the file and line', () => {
  const ok = '"use strict";\nexport const validateA = validate1;\nfunction validate1(data) { return true; }\n';
  assert.ok(compileOne({ 'validators.js': ok }).get('p/dist/cjs/validators.js')?.includes('exports.validateA = validate1;'));
  // The spec's values are data: an enum value that reads like module syntax is left as it is.
  const data = `"use strict";\nexport const validateA = validate1;\nconst schema1 = {"enum":["import (x)","import.meta","it's"]};\nconst m = 'import(y)';\nfunction validate1(data) { return true; }\n`;
  assert.ok(compileOne({ 'validators.js': data }).get('p/dist/cjs/validators.js')?.includes('const schema1 = {"enum":["import (x)","import.meta","it\'s"]};'));
  for (const [line, bad] of [
    [2, 'import x from "y";'],
    [2, 'export default validate1;'],
    [2, 'export function validate2() {}'],
    [2, 'export { validate1 as validateB };'],
    [2, 'export const validateB = validate1, validateC = validate1;'],
    [2, 'const m = import.meta.url;'],
    [2, 'const m = await import("y");'],
  ] as const) {
    const content = `"use strict";\n${bad}\nfunction validate1(data) { return true; }\n`;
    assert.throws(
      () => compileOne({ 'validators.js': content }),
      (e: unknown) => e instanceof CompileError && e.message.includes(`p/src/validators.js:${line}:`),
      bad,
    );
  }
});
