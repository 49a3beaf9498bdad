// runtime/common/protocol.ts is the one place TOP's protocol constants are
// written. The lint plugin (plain JS, for the redocly CLI) reads them through
// generator/protocol.js, made from protocol.ts by generator/protocol-js.ts;
// nothing else in the generator, the runtime or the templates spells them.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PROTOCOL_JS, protocolJs } from '../../generator/protocol-js.ts';
import { GATEWAY_PATH as LINT_PATH, responseRootOf as lintRoot, pathKeyOf } from '../../generator/top-naming.js';
import { GATEWAY_PATH, responseRootOf, SYSTEM_PARAMETERS } from '../../runtime/common/protocol.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('generator/protocol.js is protocol.ts with its types stripped, current (else: node --import tsx generator/protocol-js.ts)', () => {
  assert.equal(readFileSync(PROTOCOL_JS, 'utf8'), protocolJs(), 'generator/protocol.js is stale: run node --import tsx generator/protocol-js.ts');
  // A deliberate difference is seen.
  assert.notEqual(protocolJs(readFileSync(path.join(ROOT, 'runtime/common/protocol.ts'), 'utf8').replace("'/router/rest'", "'/router/other'")), readFileSync(PROTOCOL_JS, 'utf8'));
});

test('top-naming.js takes the gateway path and the root rule from protocol.ts', () => {
  assert.equal(LINT_PATH, GATEWAY_PATH);
  assert.equal(pathKeyOf('taobao.trades.sold.get'), `${GATEWAY_PATH}#taobao.trades.sold.get`);
  for (const m of ['taobao.trades.sold.get', 'alibaba.idle.tender.pre.pay.action', 'tmall.a.b']) assert.equal(lintRoot(m), responseRootOf(m));
});

/** Hand-written source files of the generator, the runtime and the templates. */
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir))
    .sort()
    .flatMap((name) => {
      const rel = `${dir}/${name}`;
      return statSync(path.join(ROOT, rel)).isDirectory() ? sources(rel) : /\.(ts|js|hbs)$/.test(name) ? [rel] : [];
    });
}

test('no file of generator/, runtime/ or templates/ but protocol.ts (and its made twin) spells the gateway path or lists the system parameters', () => {
  const home = new Set(['runtime/common/protocol.ts', 'generator/protocol.js']);
  const list = new RegExp(
    SYSTEM_PARAMETERS.slice(0, 3)
      .map((p) => `['"]${p}['"]`)
      .join('\\s*,\\s*'),
  );
  const offenders = ['generator', 'runtime', 'templates']
    .flatMap(sources)
    .filter((file) => !home.has(file))
    .filter((file) => {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      return text.includes(GATEWAY_PATH) || list.test(text);
    });
  assert.deepEqual(offenders, []);
});

test("one place knows a schema is int64: top-naming.js's type/format table (the model, the lint rule and the load stage's range check classify by it)", () => {
  const rereads = ['generator', 'runtime', 'templates']
    .flatMap(sources)
    .filter((file) => file !== 'generator/top-naming.js')
    .filter((file) => /\.format\s*===?\s*['"]int64['"]|['"]int64['"]\s*===?\s*\w+(?:\.\w+)*\.format\b/.test(readFileSync(path.join(ROOT, file), 'utf8')));
  assert.deepEqual(rereads, []);
});
