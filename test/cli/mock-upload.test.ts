// `top-openapi mock` with a spec that has an upload API (review rv1): the
// mock's server package is generated into a temporary folder outside any
// project, and the gateway loads its multipart parser (@fastify/busboy, the
// server package's one dependency) on the first upload. From that folder the
// import found no node_modules, so every upload was answered 15
// isp.unknown-error. The mock must answer an upload as the spec says.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { startUntil } from '../support/processes.ts';
import { rawRequest, signedParams } from '../support/raw-call.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/top-apis/openapi.yaml');

/** A multipart/form-data body: every text parameter a part, `file` a part with a file name. */
function multipart(params: Record<string, string>, file: { name: string; filename: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = '----rv1-mock-upload';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(params)) chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\ncontent-type: image/jpeg\r\n\r\n`));
  chunks.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

test('top-openapi mock answers an upload API (multipart) from the spec, not 15 isp.unknown-error', async () => {
  const { child, match } = await startUntil(
    process.execPath,
    [path.join(ROOT, 'bin/top-openapi.js'), 'mock', '--spec', FIXTURE, '--port', '0'],
    /listening on (http:\/\/127\.0\.0\.1:\d+\/router\/rest)/,
    {
      cwd: ROOT,
      timeoutMs: 60_000,
    },
  );
  try {
    // As the client sends it: system parameters in the query, business ones in
    // the body; files are not signed (the signature covers the text parameters).
    const { product_id, ...system } = signedParams('taobao.product.img.upload.tmall', { product_id: '35694332' }, { extra: { session: 'buyer' } });
    const { body, contentType } = multipart({ product_id: product_id! }, { name: 'image', filename: 'a.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    const answer = await rawRequest(match[1]!, { path: `/router/rest?${new URLSearchParams(system)}`, body, headers: { 'content-type': contentType } });
    assert.equal(answer.json?.error_response, undefined, `an error answer: ${answer.body}`);
    assert.ok(answer.json?.product_img_upload_tmall_response, `${answer.status} ${answer.body}`);
  } finally {
    child.kill('SIGTERM');
  }
});
