// Readers' text (issue 12 item 8): notes about the pages the spec was written
// from live in `x-maintainer-note` and reach no reader. Every generated
// artefact (docs pages, the reference page and the document it embeds, the
// search index, the JSDoc in types/schemas/client/server, READMEs, package
// metadata) is scanned, for the committed generated/ and for the second spec
// (test/fixtures/top-apis) generated here, for: the extension's name, the
// text of any note in the spec, and words that talk about the source pages.
//
// And templates print no spec content: the second spec's artefacts name
// nothing of the five-API spec (its title, summary, methods, operationIds,
// schema names), and no template spells any of it.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { generate } from '../../generator/generate.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { writeOutput } from '../../generator/write/output.ts';
import { filesUnder, isCopy, leaks, notesOf } from '../support/readers-scan.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE_SPEC = path.join(ROOT, 'test/fixtures/top-apis/openapi.yaml');

let fixtureDir: string;
let fixtureModel: ApiModel;
let fiveModel: ApiModel;
before(async () => {
  fixtureDir = mkdtempSync(path.join(os.tmpdir(), 'top-readers-'));
  const result = await generate(FIXTURE_SPEC, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: fixtureDir });
  writeOutput(fixtureDir, result.files);
  fixtureModel = result.model;
  // The five-API spec's model, without writing (its files are the committed generated/).
  fiveModel = (await generate(path.join(ROOT, 'spec/openapi.yaml'), { configPath: path.join(ROOT, 'redocly.yaml'), outDir: path.join(ROOT, 'generated') })).model;
});
after(() => rmSync(fixtureDir, { recursive: true, force: true }));

test('the specs keep their notes for maintainers (so the scans below look for something real)', () => {
  assert.ok(notesOf(fiveModel.document).length >= 10, 'spec/ has its notes in x-maintainer-note');
  assert.ok(notesOf(fixtureModel.document).length >= 10, 'test/fixtures/top-apis has its notes in x-maintainer-note');
});

test('generated/ (the five-API spec): no maintainer note, no x-maintainer-note, no talk of the source pages in any artefact', () => {
  assert.deepEqual(leaks(path.join(ROOT, 'generated'), notesOf(fiveModel.document)), []);
});

test('the second spec, generated: no maintainer note, no x-maintainer-note, no talk of the source pages in any artefact', () => {
  assert.deepEqual(leaks(fixtureDir, notesOf(fixtureModel.document)), []);
});

/** What only the five-API spec says: its title and summary, its methods, operationIds and schema names. */
function fiveApiWords(): string[] {
  const onlyFive = (name: string) => !fixtureModel.operations.some((op) => op.method === name || op.operationId === name) && !fixtureModel.schemas.some((s) => s.name === name);
  return [
    fiveModel.title,
    'Five ',
    'payment APIs',
    ...fiveModel.operations.flatMap((op) => [op.method, op.operationId, op.requestSchema, op.responseSchema]),
    ...fiveModel.schemas.map((s) => s.name),
  ].filter(onlyFive);
}

test('templates print no spec content: the second spec’s README, docs and JSDoc name nothing of the five-API spec', () => {
  const words = fiveApiWords();
  assert.ok(words.includes('alibaba.idle.tender.pre.pay.action') && words.includes('PayOrderRequest'));
  const found: string[] = [];
  for (const rel of filesUnder(fixtureDir)) {
    // The runtime is copied, not printed from the spec (its doc comments may give an example method).
    if (isCopy(rel)) continue;
    const content = readFileSync(path.join(fixtureDir, rel), 'utf8');
    for (const w of words) if (content.includes(w)) found.push(`${rel}: "${w}"`);
  }
  assert.deepEqual(found, []);
});

test('the second spec’s README and docs print its own title, count and gateway path', () => {
  const index = readFileSync(path.join(fixtureDir, 'docs/index.html'), 'utf8');
  assert.match(index, new RegExp(`<a class="home" href="index.html">${fixtureModel.title.replace(/[()]/g, '\\$&')}</a>`));
  assert.match(index, new RegExp(`<p>${fixtureModel.operations.length} APIs of the Taobao Open Platform`));
  const clientReadme = readFileSync(path.join(fixtureDir, 'client/README.md'), 'utf8');
  assert.match(clientReadme, new RegExp(`A typed client for ${fixtureModel.title.replace(/[()]/g, '\\$&')}`));
  // The int64 sentence names the second spec's own fields.
  assert.match(clientReadme, /int64 is `bigint`\*\*, in the types and at run time, both ways: pass `\d+n` as `[a-z_.]+`, read `answer\.[a-z_?.]+` as a `bigint`/);
  const serverReadme = readFileSync(path.join(fixtureDir, 'server/README.md'), 'utf8');
  assert.match(serverReadme, /prints `listening on http:\/\/127\.0\.0\.1:PORT\/router\/rest`/);
});

test('no template spells the five-API spec’s content or the gateway path', () => {
  const templates = path.join(ROOT, 'templates');
  const words = [fiveModel.title, 'Five ', 'payment APIs', '/router/rest', ...fiveModel.operations.flatMap((op) => [op.method, op.operationId]), ...fiveModel.schemas.map((s) => s.name)];
  const found: string[] = [];
  for (const rel of filesUnder(templates)) {
    const content = readFileSync(path.join(templates, rel), 'utf8');
    for (const w of words) if (content.includes(w)) found.push(`templates/${rel}: "${w}"`);
    // Field paths of the five APIs' answers (`answer.result.model.biz_order_id`): a template prints the model's, never its own.
    for (const m of content.match(/\banswer\.[a-z_]+\.[a-z_.]+/g) ?? []) found.push(`templates/${rel}: "${m}"`);
  }
  assert.deepEqual(found, []);
});

test('spec/ with every API of the second spec added: 14 APIs, each page and README printed from the model, no note anywhere', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-readers-all-'));
  try {
    const fixture = path.dirname(FIXTURE_SPEC);
    cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
    const root = path.join(dir, 'spec/openapi.yaml');
    let openapi = readFileSync(root, 'utf8');
    for (const op of fixtureModel.operations) {
      const file = `${op.method}.yaml`;
      cpSync(path.join(fixture, 'paths', file), path.join(dir, 'spec/paths', file));
      openapi = openapi.replace('paths:\n', `paths:\n  /router/rest#${op.method}:\n    $ref: ./paths/${file}\n`);
    }
    for (const tag of new Set(fixtureModel.operations.flatMap((op) => op.tags))) openapi = openapi.replace('tags:\n', `tags:\n  - name: ${tag}\n    description: ${tag}\n`);
    writeFileSync(root, openapi);
    for (const name of filesUnder(path.join(fixture, 'components/schemas'))) {
      const target = path.join(dir, 'spec/components/schemas', name);
      if (!existsSync(target)) cpSync(path.join(fixture, 'components/schemas', name), target);
    }
    const out = path.join(dir, 'generated');
    const result = await generate(root, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: out });
    assert.equal(result.model.operations.length, 14);
    writeOutput(out, result.files);
    assert.deepEqual(leaks(out, [...notesOf(result.model.document), ...notesOf(fixtureModel.document)]), []);
    assert.match(readFileSync(path.join(out, 'docs/index.html'), 'utf8'), /<p>14 APIs of the Taobao Open Platform/);
    for (const op of result.model.operations) {
      const page = readFileSync(path.join(out, 'docs/api', `${op.method}.html`), 'utf8');
      // Handlebars' escaping, as the page prints it.
      const en = op.summary.en.replace(/&/g, '&amp;').replace(/'/g, '&#x27;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      assert.ok(page.includes(`<p class="summary"><span lang="zh-CN">${op.summary.zh}</span> — ${en}</p>`), op.method);
    }
    for (const kind of ['client', 'server']) {
      const readme = readFileSync(path.join(out, kind, 'README.md'), 'utf8');
      for (const op of result.model.operations) assert.ok(readme.includes(`| \`${op.method}\` | \`${op.operationId}\` |`), `${kind} README lists ${op.method}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
