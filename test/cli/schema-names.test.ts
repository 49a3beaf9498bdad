// A schema's name becomes a TypeScript name in both packages (a type alias in
// schemas.ts, exported from the entry; a shape constant in operations.ts). A
// name that cannot be one, or that the package already uses, is refused with
// one line at the schema's file, instead of a package that does not compile
// or whose entry exports the wrong `TopClient` (render/schema-names.ts).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate, SpecError } from '../../generator/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCHEMAS = 'spec/components/schemas';
let dir: string;
const home = process.cwd();

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'top-schema-names-'));
});
after(() => {
  process.chdir(home);
  rmSync(dir, { recursive: true, force: true });
});

/** A copy of the spec with the schema `old` (CommonResult unless said) renamed `name` (its file, title and every $ref to it). */
function specWithSchemaNamed(name: string, i: number, old = 'CommonResult'): string {
  const root = path.join(dir, `case-${i}`);
  cpSync(path.join(ROOT, 'spec'), path.join(root, 'spec'), { recursive: true });
  for (const file of readdirSync(path.join(root, 'spec'), { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.yaml')) continue;
    const full = path.join(root, 'spec', file);
    writeFileSync(full, readFileSync(full, 'utf8').replaceAll(old, name));
  }
  renameSync(path.join(root, SCHEMAS, `${old}.yaml`), path.join(root, SCHEMAS, `${name}.yaml`));
  return root;
}

const taken = (name: string, where: string) => `${SCHEMAS}/${name}.yaml:1:1 the schema name ${name} is taken in the generated ${where}: rename the schema`;
const cases: { name: string; why: string; want: string; old?: string }[] = [
  {
    name: 'Common-Result',
    why: 'no identifier',
    want: `${SCHEMAS}/Common-Result.yaml:1:1 the schema name "Common-Result" is no TypeScript identifier (letters, digits, _ and $, not starting with a digit): it names a type in the generated packages; rename the schema`,
  },
  {
    name: 'string',
    why: 'a built-in type',
    want: `${SCHEMAS}/string.yaml:1:1 the schema name string is a reserved word or a built-in type of TypeScript: it names a type in the generated packages; rename the schema`,
  },
  {
    name: 'eval',
    why: 'no name in strict mode',
    want: `${SCHEMAS}/eval.yaml:1:1 the schema name eval is a reserved word or a built-in type of TypeScript: it names a type in the generated packages; rename the schema`,
  },
  // The bundler renames a name every object has (rv13): the error named `constructor-2`, which the reader never wrote.
  {
    name: 'constructor',
    why: "a property of Object.prototype, which the bundler renames 'constructor-2'",
    want: 'spec/components/schemas/constructor.yaml:1:1 the schema name constructor is a property of every JavaScript object (Object.prototype.constructor): the bundler cannot keep it as a component\'s name (it made it "constructor-2"); rename the schema',
  },
  {
    name: '__proto__',
    why: 'the same, for __proto__',
    want: 'spec/components/schemas/__proto__.yaml:1:1 the schema name __proto__ is a property of every JavaScript object (Object.prototype.__proto__): the bundler cannot keep it as a component\'s name (it made it "__proto__-2"); rename the schema',
  },
  // A bound schema name hides the global the module uses (rv13): the package failed at import (Object.freeze) or in the consumer's tsc (Promise<T>).
  { name: 'Object', why: 'operations.ts calls Object.freeze', want: taken('Object', 'client package (operations.ts, which also uses the global Object)') },
  { name: 'Promise', why: 'client.ts returns Promise<T>', old: 'AlibabaIdleTenderPrePayActionResponse', want: taken('Promise', 'client package (client.ts, which also uses the global Promise)') },
  { name: 'TopMethods', why: 'declared in schemas.ts', want: taken('TopMethods', 'client package (schemas.ts)') },
  { name: 'Operations', why: 'declared in operations.ts', want: taken('Operations', 'client package (operations.ts)') },
  { name: 'TopClient', why: "the client's entry exports it", want: taken('TopClient', 'client package (index.ts, from ./client.ts; index.ts, from ./schemas.ts)') },
  { name: 'Gateway', why: "the server's entry exports it", want: taken('Gateway', 'server package (index.ts, from ./server.ts; index.ts, from ./schemas.ts)') },
];

for (const [i, c] of cases.entries()) {
  test(`a schema named ${c.name} (${c.why}) → one line at the schema`, async () => {
    process.chdir(specWithSchemaNamed(c.name, i, c.old));
    await assert.rejects(generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false }), (error: unknown) => {
      assert.ok(error instanceof SpecError, String(error));
      assert.deepEqual(error.lines, [c.want]);
      return true;
    });
  });
}

// A global's name the packages do not use is free: Map and File are plausible DTO names.
for (const [i, name] of ['TenderResultEnvelope', 'Map', 'File'].entries()) {
  test(`a schema renamed to a free name (${name}) generates: the check refuses only what clashes`, async () => {
    process.chdir(specWithSchemaNamed(name, cases.length + i, 'AlibabaIdleTenderPrePayActionResponse'));
    const { files } = await generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false });
    assert.match(files.get('client/src/schemas.ts') ?? '', new RegExp(`export type ${name} = `));
  });
}
