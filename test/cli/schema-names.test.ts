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

/** A copy of the spec with the schema CommonResult renamed `name` (its file, title and every $ref to it). */
function specWithSchemaNamed(name: string, i: number): string {
  const root = path.join(dir, `case-${i}`);
  cpSync(path.join(ROOT, 'spec'), path.join(root, 'spec'), { recursive: true });
  for (const file of readdirSync(path.join(root, SCHEMAS))) {
    const full = path.join(root, SCHEMAS, file);
    writeFileSync(full, readFileSync(full, 'utf8').replaceAll('CommonResult', name));
  }
  renameSync(path.join(root, SCHEMAS, 'CommonResult.yaml'), path.join(root, SCHEMAS, `${name}.yaml`));
  return root;
}

const taken = (name: string, where: string) => `${SCHEMAS}/${name}.yaml:1:1 the schema name ${name} is taken in the generated ${where}: rename the schema`;
const cases: { name: string; why: string; want: string }[] = [
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
  { name: 'TopMethods', why: 'declared in schemas.ts', want: taken('TopMethods', 'client package (schemas.ts)') },
  { name: 'Operations', why: 'declared in operations.ts', want: taken('Operations', 'client package (operations.ts)') },
  { name: 'TopClient', why: "the client's entry exports it", want: taken('TopClient', 'client package (index.ts, from ./client.ts; index.ts, from ./schemas.ts)') },
  { name: 'Gateway', why: "the server's entry exports it", want: taken('Gateway', 'server package (index.ts, from ./server.ts; index.ts, from ./schemas.ts)') },
];

for (const [i, c] of cases.entries()) {
  test(`a schema named ${c.name} (${c.why}) → one line at the schema`, async () => {
    process.chdir(specWithSchemaNamed(c.name, i));
    await assert.rejects(generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false }), (error: unknown) => {
      assert.ok(error instanceof SpecError, String(error));
      assert.deepEqual(error.lines, [c.want]);
      return true;
    });
  });
}

test('a schema renamed to a free name generates (the check refuses only what clashes)', async () => {
  process.chdir(specWithSchemaNamed('TenderResultEnvelope', cases.length));
  const { files } = await generate('spec/openapi.yaml', { outDir: 'out', checkVersion: false });
  assert.match(files.get('client/src/schemas.ts') ?? '', /export type TenderResultEnvelope = /);
});
