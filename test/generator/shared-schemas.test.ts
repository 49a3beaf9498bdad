// Two TOP APIs whose request or answer is the same schema (a stranger's spec
// may well $ref one answer DTO from two paths): the generated validators
// module must still load. ajv's standalone code printed the shared schema's
// function once per export, and the module failed to parse
// ("Identifier 'validate22' has already been declared").

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/generate.ts';
import { writeOutput } from '../../generator/write/output.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('two operations sharing their request and answer schemas: the validators module loads and each export validates', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-shared-schemas-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
    const from = 'alibaba.alisports.lianbei.xpos.pay';
    const to = 'alibaba.alisports.lianbei.xpos.repay';
    // The same request and answer schema files, under another method, operationId, root and envelope title.
    const text = readFileSync(path.join(dir, 'spec/paths', `${from}.yaml`), 'utf8')
      .replaceAll(from, to)
      .replaceAll('lianbei_xpos_pay_response', 'lianbei_xpos_repay_response')
      .replaceAll('alibabaAlisportsLianbeiXposPay', 'alibabaAlisportsLianbeiXposRepay')
      .replaceAll('XposPayEnvelope', 'XposRepayEnvelope');
    writeFileSync(path.join(dir, 'spec/paths', `${to}.yaml`), text);
    const root = path.join(dir, 'spec/openapi.yaml');
    writeFileSync(root, readFileSync(root, 'utf8').replace('paths:\n', `paths:\n  /router/rest#${to}:\n    $ref: ./paths/${to}.yaml\n`));
    const out = path.join(dir, 'generated');
    const result = await generate(root, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: out });
    assert.equal(result.model.operations.length, 6);
    writeOutput(out, result.files);
    const validators = await import(pathToFileURL(path.join(out, 'client/src/validators.js')).href);
    for (const id of ['alibabaAlisportsLianbeiXposPay', 'alibabaAlisportsLianbeiXposRepay']) {
      const request = validators[`validateRequest_${id}`];
      const response = validators[`validateResponse_${id}`];
      assert.equal(typeof request, 'function', id);
      assert.equal(request({}), false, `${id}: a missing required parameter is refused`);
      assert.equal(request.errors[0].params.missingProperty, 'param0');
      assert.equal(response({ request_id: 'x' }), true, `${id}: an answer validates`);
    }
    // The server's copy too.
    await import(pathToFileURL(path.join(out, 'server/src/validators.js')).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
