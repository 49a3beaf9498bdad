// A docs page says what the gateway does with each parameter, from the model
// as the client and gateway use it: the documented default it applies (默认值),
// the constraints it answers 41 for (更多限制: range, length, list size,
// allowed values) and how a top-level list travels (comma-joined). A reader of
// taobao.refunds.receive.get could not learn that page_size defaults to 40 or
// is at most 100 unless the spec's prose happened to say so.

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import { generate } from '../../generator/generate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let pages: Map<string, string>;

before(async () => {
  const result = await generate(path.join(ROOT, 'test/fixtures/top-apis/openapi.yaml'), { configPath: path.join(ROOT, 'redocly.yaml'), outDir: path.join(ROOT, 'not-written') });
  pages = result.files;
});

/** The text of one field row's Type cell on an API page. */
function typeCell(method: string, id: string): string {
  const page = pages.get(`docs/api/${method}.html`);
  assert.ok(page, method);
  const row = new RegExp(`<tr [^>]*id="${id}">[\\s\\S]*?<td class="type"[^>]*>([\\s\\S]*?)</td>`).exec(page);
  assert.ok(row, `${method} ${id}`);
  return row[1]!
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

test('defaults, ranges, list sizes, lengths and allowed values are printed with the field, and a comma-joined list says so', () => {
  assert.match(typeCell('taobao.refunds.receive.get', 'req-page_size'), /default 40/);
  assert.match(typeCell('taobao.refunds.receive.get', 'req-page_size'), /maximum 100/);
  assert.match(typeCell('taobao.refunds.receive.get', 'req-fields'), /sent comma-joined/);
  assert.match(typeCell('taobao.refunds.receive.get', 'req-fields'), /at most 100 items/);
  assert.match(typeCell('taobao.trade.memo.add', 'req-memo'), /at most 1000 characters/);
  assert.match(typeCell('taobao.item.sku.price.update', 'req-lang'), /one of zh_HK, zh_CN/);
  assert.match(typeCell('taobao.item.sku.price.update', 'req-lang'), /default zh_CN/);
  assert.match(typeCell('taobao.product.img.upload.tmall', 'req-image'), /at most 1048576 bytes/);
  assert.match(typeCell('taobao.product.img.upload.tmall', 'req-is_major'), /default false/);
  // A field with none says nothing more.
  assert.equal(typeCell('taobao.trade.memo.add', 'req-tid'), 'int64 int64: bigint in TypeScript; exact above 2^53');
});
