// Review rv1: the scaffolded handler file (the user's to keep) told every
// implementer "Idempotency key: . The gateway replays a retry's answer; this
// runs once per key." For a query and for a write TOP gives no key (an
// upload) that is false: the gateway calls the handler for every request,
// retries included, so a handler written on that promise could act twice.
// The scaffold now says what the generated handler types' JSDoc says.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadModel } from '../../generator/generate.ts';
import { scaffold } from '../../generator/scaffold.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('scaffolded handlers state the idempotency the gateway gives: per key, none for a query, none for a write without a key', async () => {
  const model = await loadModel(path.join(ROOT, 'test/fixtures/top-apis/openapi.yaml'), { lint: false });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-scaffold-'));
  try {
    scaffold(model, dir, '@top-payments/server');
    const handler = (name: string) => readFileSync(path.join(dir, `${name}.ts`), 'utf8');
    const upload = handler('taobaoProductImgUploadTmall');
    assert.doesNotMatch(upload, /runs once per key|replays a retry/);
    assert.match(upload, /without an idempotency key .* a retry may act twice/);
    const query = handler('taobaoTradesSoldGet');
    assert.doesNotMatch(query, /runs once per key|replays a retry/);
    assert.match(query, /A query: no idempotency key/);
    assert.match(handler('taobaoTradeMemoAdd'), /Idempotency key: `tid` .*runs this handler once per app key and key value/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
