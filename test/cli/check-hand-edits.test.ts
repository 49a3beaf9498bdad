// `generate --check` notices a hand edit to any file it would write, dist/ and
// docs/reference.html included (found by rev4: those are reused from the
// output folder while their inputs are unchanged, and were compared with
// themselves). Each row edits a copy of generated/ and names the differences
// --check must report; then a plain run and a --watch regeneration repair the
// copy to generated/ byte for byte. In process (one warm pipeline), plus one
// run of the command itself (prebuilt or tsx, whichever bin/ picks).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { defaultOutputSettings } from '../../generator/config.ts';
import { generate } from '../../generator/generate.ts';
import { cachedReference } from '../../generator/render/docs.ts';
import { MANIFEST_FILE } from '../../generator/write/out-dir.ts';
import { compareOutput, type Difference, writeChanged, writeOutput } from '../../generator/write/output.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SPEC = path.join(ROOT, 'spec/openapi.yaml');
const GENERATED = path.join(ROOT, 'generated');

let root: string;
before(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'top-check-edits-'));
});
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function copyOfGenerated(): string {
  const out = path.join(root, `g${++n}`, 'generated');
  cpSync(GENERATED, out, { recursive: true });
  return out;
}

const edit = (out: string, file: string, change: (text: string) => string) => {
  const target = path.join(out, file);
  const before = readFileSync(target, 'utf8');
  const after = change(before);
  assert.notEqual(after, before, `the edit changes ${file}`);
  writeFileSync(target, after);
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The line of a `.dist-build` that records `file`. */
const recordLine = (record: string, file: string) => record.split('\n').find((l) => l.endsWith(`  ${file}`))!;

const SIGN = 'client/dist/runtime/common/sign.js';
const CORE = 'server/dist/runtime/server/gateway-core.js';
const REFERENCE = 'docs/reference.html';
const CLIENT_RECORD = 'client/.dist-build';
const INDEX_JS = 'client/dist/index.js';

type Row = [what: string, damage: (out: string) => void, want: [kind: Difference['kind'], file: string][]];
const rows: Row[] = [
  ['a compiled client file edited', (out) => edit(out, SIGN, (t) => t.replace('return ', 'return /*x*/ ')), [['stale', SIGN]]],
  ['a line appended to a compiled server file', (out) => edit(out, CORE, (t) => `${t}// edited\n`), [['stale', CORE]]],
  ['a script injected into the reference page', (out) => edit(out, REFERENCE, (t) => t.replace('</body>', '<script>alert(1)</script></body>')), [['stale', REFERENCE]]],
  ['the reference page with its recorded page hash changed', (out) => edit(out, REFERENCE, (t) => t.replace(/page sha256 [0-9a-f]/, 'page sha256 z')), [['stale', REFERENCE]]],
  ['the reference page deleted', (out) => rmSync(path.join(out, REFERENCE)), [['missing', REFERENCE]]],
  ['a compiled file deleted', (out) => rmSync(path.join(out, INDEX_JS)), [['missing', INDEX_JS]]],
  [
    'a compiled file deleted with its line in .dist-build',
    (out) => {
      rmSync(path.join(out, INDEX_JS));
      edit(out, CLIENT_RECORD, (t) => t.replace(`${recordLine(t, INDEX_JS)}\n`, ''));
    },
    [
      ['stale', CLIENT_RECORD],
      ['missing', INDEX_JS],
    ],
  ],
  ['a file added to dist/', (out) => writeFileSync(path.join(out, 'client/dist/extra.js'), 'export {};\n'), [['extra', 'client/dist/extra.js']]],
  [
    '.dist-build with a file hash changed (the file untouched)',
    (out) => edit(out, CLIENT_RECORD, (t) => t.replace(recordLine(t, INDEX_JS), `${sha256('other')}  ${INDEX_JS}`)),
    [['stale', CLIENT_RECORD]],
  ],
  ['.dist-build with its source hash changed', (out) => edit(out, CLIENT_RECORD, (t) => t.replace(/^source-sha256 [0-9a-f]/, 'source-sha256 z')), [['stale', CLIENT_RECORD]]],
  ['the manifest with a dist file left out', (out) => edit(out, MANIFEST_FILE, (t) => t.replace(`\n    ${JSON.stringify(INDEX_JS)},`, '')), [['stale', MANIFEST_FILE]]],
  ['.dist-build with a blank line at its end', (out) => edit(out, CLIENT_RECORD, (t) => `${t}\n`), [['stale', CLIENT_RECORD]]],
];

const spelled = (differences: Difference[]) => differences.map((d) => `${d.kind} ${d.file}`).sort();

test('an unchanged copy of generated/ is current', async () => {
  const out = copyOfGenerated();
  const { model, files } = await generate(SPEC, { outDir: out });
  assert.deepEqual(compareOutput(out, files), []);
  assert.notEqual(cachedReference(model, out, defaultOutputSettings().packages.client.name), undefined, 'the committed reference page is reused, not built again');
});

for (const [what, damage, want] of rows) {
  test(`--check reports ${what}; a plain run and a --watch regeneration repair it`, async () => {
    const out = copyOfGenerated();
    damage(out);
    const watched = path.join(root, `g${++n}`, 'generated');
    cpSync(out, watched, { recursive: true }); // the same damage, for the --watch writer
    const { files } = await generate(SPEC, { outDir: out });
    assert.deepEqual(spelled(compareOutput(out, files)), want.map(([kind, file]) => `${kind} ${file}`).sort());
    for (const [write, dir] of [
      [writeOutput, out],
      [writeChanged, watched],
    ] as const) {
      write(dir, files);
      const added = want.filter(([kind]) => kind === 'extra').map(([, file]) => file); // not the generator's: it is left alone
      for (const file of added) rmSync(path.join(dir, file));
      assert.deepEqual(differingFiles(dir, GENERATED), [], `${write.name} repaired the copy`);
    }
  });
}

/** Files whose bytes differ between two trees (or that one lacks). */
function differingFiles(a: string, b: string): string[] {
  const list = (dir: string) =>
    new Set(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name))),
    );
  const names = new Set([...list(a), ...list(b)]);
  return [...names].filter((f) => {
    try {
      return !readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f)));
    } catch {
      return true;
    }
  });
}

test('--check compares bytes: a byte that is not UTF-8 differs from the U+FFFD it decodes to', () => {
  const out = path.join(root, 'bytes');
  writeOutput(out, new Map([['api-surface.json', '{"x":"\uFFFD"}\n']]));
  assert.deepEqual(compareOutput(out, new Map([['api-surface.json', '{"x":"\uFFFD"}\n']])), []);
  writeFileSync(path.join(out, 'api-surface.json'), Buffer.from([...Buffer.from('{"x":"'), 0xff, ...Buffer.from('"}\n')]));
  assert.equal(readFileSync(path.join(out, 'api-surface.json'), 'utf8'), '{"x":"\uFFFD"}\n', 'the bytes decode to the same text');
  assert.deepEqual(spelled(compareOutput(out, new Map([['api-surface.json', '{"x":"\uFFFD"}\n']]))), ['stale api-surface.json']);
});

test('the command: generate --check exits 1 naming each hand-edited dist/ file and the reference page', () => {
  const out = copyOfGenerated();
  for (const [, damage] of rows.slice(0, 3)) damage(out);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/top-openapi.js'), 'generate', '--check', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 1, `--check said: ${r.stdout}${r.stderr}`);
  for (const file of [SIGN, CORE, REFERENCE]) assert.ok(r.stderr.includes(`stale: ${path.relative(ROOT, path.join(out, file))}`), r.stderr);
  assert.match(r.stderr, /3 files out of date/);
});
