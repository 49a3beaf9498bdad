// The answer limit, against a raw HTTP server that writes whatever bytes a
// test wants (lying headers included): an answer over maxResponseBytes is
// refused with TopDecodeError whether its length is declared or not, through
// node:http and fetch; a gzip answer is counted inflated, not by its declared
// (compressed) length; both transports read the same bytes as the same answer.
// Written by the review rev4 (2026-11-26), which found the gzip, lying-fetch
// and byte-order-mark cases failing.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { fetchTransport, nodeHttpTransport, TopDecodeError, type Transport } from '../../generated/client/src/node.ts';
import { operations } from '../../generated/client/src/operations.ts';
import { ClientCore } from '../../generated/client/src/runtime/client/client-core.ts';

type Reply = (socket: net.Socket) => void;
let server: net.Server;
let url: string;
const replies = new Map<string, Reply>();

// A raw HTTP/1.1 server: each path writes whatever bytes its test wants (lying headers included).
before(async () => {
  server = net.createServer((socket) => {
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(head.slice(0, end))?.[1] ?? 0);
      if (head.length - end - 4 < length) return;
      const path = /^POST (\S+)/.exec(head)?.[1]?.split('?')[0] ?? '';
      head = '\u0000'; // answered once
      const reply = replies.get(path);
      if (reply) reply(socket);
      else socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
after(() => server.close());

const transports: [string, () => Transport][] = [
  ['node:http', () => nodeHttpTransport()],
  ['fetch', () => fetchTransport()],
];

async function send(t: Transport, path: string, maxResponseBytes: number) {
  try {
    return await t.send({ method: 'm', url: `${url}${path}`, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body: 'x=1', timeoutMs: 10_000, maxResponseBytes });
  } finally {
    t.close?.();
  }
}

async function refusedAsTooLarge(t: Transport, path: string, limit: number): Promise<void> {
  const outcome = await send(t, path, limit).then(
    (answer) => `accepted ${answer.body.length} characters`,
    (e: unknown) => e,
  );
  assert.ok(
    outcome instanceof TopDecodeError && /larger than/.test(outcome.message),
    `expected TopDecodeError(answer larger than ${limit} bytes), got ${outcome instanceof Error ? `${outcome.constructor.name}: ${outcome.message}` : outcome}`,
  );
}

const LIMIT = 64 * 1024;

// gzip: the declared length is the compressed one; fetch inflates it.
const inflated = Buffer.concat([Buffer.alloc(4 * 1024 * 1024, 0x20), Buffer.from('{"x_response":{}}')]);
const gzipped = zlib.gzipSync(inflated);
replies.set('/gzip-declared', (s) =>
  s.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: ${gzipped.length}\r\n\r\n`), gzipped])),
);
replies.set('/gzip-chunked', (s) => {
  s.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ntransfer-encoding: chunked\r\n\r\n');
  s.end(`${gzipped.length.toString(16)}\r\n${gzipped.toString('latin1')}\r\n0\r\n\r\n`, 'latin1');
});
// Plain bodies over the limit: chunked, declared honestly, and a declared length past the limit.
const big = 'x'.repeat(LIMIT * 3);
replies.set('/chunked-over', (s) => {
  s.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n');
  for (let i = 0; i < 6; i++) s.write(`${(LIMIT / 2).toString(16)}\r\n${'y'.repeat(LIMIT / 2)}\r\n`);
  s.end('0\r\n\r\n');
});
replies.set('/declared-over', (s) => s.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${big.length}\r\n\r\n${big}`));
// Lying: declares a small length and sends much more, then closes (no keep-alive to reuse).
replies.set('/declared-lie', (s) => s.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: 10\r\n\r\n${big}`));
// No length at all: read until close.
replies.set('/until-close', (s) => s.end(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n${big}`));

for (const [name, make] of transports) {
  test(`${name}: a chunked answer over maxResponseBytes is refused`, () => refusedAsTooLarge(make(), '/chunked-over', LIMIT));
  test(`${name}: a declared answer over maxResponseBytes is refused`, () => refusedAsTooLarge(make(), '/declared-over', LIMIT));
  test(`${name}: an answer of no declared length, read until close, over maxResponseBytes is refused`, () => refusedAsTooLarge(make(), '/until-close', LIMIT));
  test(`${name}: a content-length that lies low never yields more than the limit`, async () => {
    const outcome = await send(make(), '/declared-lie', LIMIT).then(
      (a) => a.body.length,
      () => 0,
    );
    assert.ok(outcome <= LIMIT, `accepted ${outcome} characters`);
  });
}

// fetch inflates here; node:http inflates too (test/client/answer-encodings.test.ts).
test('fetch: a gzip answer whose declared (compressed) length is within maxResponseBytes but which inflates past it is refused', () => refusedAsTooLarge(fetchTransport(), '/gzip-declared', LIMIT));
test('fetch: a chunked gzip answer that inflates past maxResponseBytes is refused', () => refusedAsTooLarge(fetchTransport(), '/gzip-chunked', LIMIT));

test('fetch: a custom fetch whose content-length lies low cannot hand over more than maxResponseBytes', async () => {
  const t = fetchTransport({ fetch: async () => new Response('z'.repeat(LIMIT * 4), { status: 200, headers: { 'content-length': '5' } }) });
  await refusedAsTooLarge(t, '/any', LIMIT);
});

// The limit is in bytes: three-byte characters, fewer of them than the limit, in more bytes than it.
test('fetch: a custom fetch whose content-length lies low cannot hand over more bytes than maxResponseBytes in fewer characters', async () => {
  const t = fetchTransport({ fetch: async () => new Response('访'.repeat(LIMIT / 2), { status: 200, headers: { 'content-length': '5' } }) });
  await refusedAsTooLarge(t, '/any', LIMIT);
});

// The same bytes, the same answer, whichever transport read them: a UTF-8 byte order mark before JSON.
const op = operations.alibabaAlisportsLianbeiXposPay;
const bomJson = `\ufeff{"${op.responseRoot}":{"request_id":"r-bom"}}`;
replies.set('/bom', (s) => {
  const body = Buffer.from(bomJson, 'utf8');
  s.end(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: application/json;charset=UTF-8\r\ncontent-length: ${body.length}\r\n\r\n`), body]));
});
test('a JSON answer after a UTF-8 byte order mark decodes the same through node:http and fetch', async () => {
  const core = new ClientCore({ appKey: 'k', appSecret: 's' });
  const outcomes: string[] = [];
  for (const [name, make] of transports) {
    const answer = await send(make(), '/bom', LIMIT);
    try {
      outcomes.push(`${name}: ${JSON.stringify(core.decode(op, answer.status, answer.body))}`);
    } catch (e) {
      outcomes.push(`${name}: ${(e as Error).constructor.name}`);
    }
  }
  // Each outcome is "transport: answer"; the answers must agree, and be the JSON read.
  const [nodeHttp, fetched] = outcomes.map((o) => o.slice(o.indexOf(': ') + 2));
  assert.equal(nodeHttp, fetched, outcomes.join(' | '));
  assert.equal(nodeHttp, '{"request_id":"r-bom"}', outcomes.join(' | '));
});
