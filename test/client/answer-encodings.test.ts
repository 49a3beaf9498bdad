// A compressed answer reads as the same answer through node:http as through
// fetch. The node:http transport sends no Accept-Encoding, and without one any
// content coding is acceptable to the server (RFC 9110 §12.5.3): a gateway or
// proxy that gzips its answer anyway must not turn a payment's answer into
// "not JSON" on Node while fetch reads it. The inflated size is what counts
// against maxResponseBytes; a corrupt or unknown coding is a TopDecodeError
// that names it. Written by the review rv3 (2026-11-26), which found node:http
// handing the compressed bytes to the JSON reader.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { fetchTransport, nodeHttpTransport, type Transport } from '../../generated/client/src/node.ts';

const ANSWER = '{"x_response":{"id":9223372036854775807,"name":"加油卡"}}';
const answers = new Map<string, { headers: Record<string, string | number>; body: Buffer; chunked?: boolean }>();
const withLength = (encoding: string, body: Buffer) => ({ headers: { 'content-type': 'application/json', 'content-encoding': encoding, 'content-length': body.length }, body });
answers.set('/gzip', withLength('gzip', zlib.gzipSync(ANSWER)));
answers.set('/x-gzip', withLength('x-gzip', zlib.gzipSync(ANSWER)));
answers.set('/GZIP-spaced', withLength(' GZIP ', zlib.gzipSync(ANSWER)));
answers.set('/deflate', withLength('deflate', zlib.deflateSync(ANSWER)));
answers.set('/br', withLength('br', zlib.brotliCompressSync(ANSWER)));
answers.set('/identity', withLength('identity', Buffer.from(ANSWER)));
answers.set('/empty-coding', withLength('', Buffer.from(ANSWER)));
answers.set('/gzip-chunked', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: zlib.gzipSync(ANSWER), chunked: true });
const LIMIT = 64 * 1024;
answers.set('/gzip-bomb', withLength('gzip', zlib.gzipSync(Buffer.alloc(LIMIT * 16, 0x20))));
answers.set('/gzip-corrupt', withLength('gzip', Buffer.concat([zlib.gzipSync(ANSWER).subarray(0, 12), Buffer.from('not gzip at all')])));
answers.set('/compress', withLength('compress', Buffer.from(ANSWER)));

let server: http.Server;
let url: string;
before(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const answer = answers.get(req.url?.split('?')[0] ?? '');
      if (!answer) return void res.writeHead(404).end();
      res.writeHead(200, answer.headers);
      if (!answer.chunked) return void res.end(answer.body);
      // Two chunks, the second a moment later: the reader must join them before inflating is done.
      res.write(answer.body.subarray(0, 7));
      setTimeout(() => res.end(answer.body.subarray(7)), 10);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const transports: [string, () => Transport][] = [
  ['node:http', () => nodeHttpTransport()],
  ['fetch', () => fetchTransport()],
];

async function send(make: () => Transport, path: string): Promise<string> {
  const t = make();
  try {
    const answer = await t.send({
      method: 'm',
      url: `${url}${path}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: 'x=1',
      timeoutMs: 10_000,
      maxResponseBytes: LIMIT,
    });
    return answer.body;
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  } finally {
    t.close?.();
  }
}

for (const [name, make] of transports) {
  for (const path of ['/gzip', '/x-gzip', '/GZIP-spaced', '/deflate', '/br', '/identity', '/empty-coding', '/gzip-chunked']) {
    test(`${name}: an answer in content-encoding ${path.slice(1)} is read as its inflated text`, async () => {
      assert.equal(await send(make, path), ANSWER);
    });
  }
  test(`${name}: a gzip answer that inflates past maxResponseBytes is refused as too large`, async () => {
    assert.match(await send(make, '/gzip-bomb'), /^TopDecodeError: .*answer larger than 65536 bytes/);
  });
}

test('node:http: a corrupt gzip answer is a TopDecodeError naming the coding', async () => {
  assert.match(await send(transports[0]![1], '/gzip-corrupt'), /^TopDecodeError: .*gzip/);
});

test('node:http: an answer in a coding it cannot read is a TopDecodeError naming the coding, not garbage handed to the JSON reader', async () => {
  assert.match(await send(transports[0]![1], '/compress'), /^TopDecodeError: .*content-encoding compress/);
});
