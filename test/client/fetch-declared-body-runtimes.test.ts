// The fetch transport's declared-length body (read with text() from the
// runtime's own fetch, bfa5212) on every runtime that has one here: Node 20
// (this process), 22 and 24, Bun and Deno, each running the built package
// against one raw HTTP server on this host. Two answers the runtimes' text()
// read differently from the bytes:
// - a body declared 5 bytes long but sent chunked (content-length and
//   transfer-encoding both): Node refuses it; Bun and Deno read the chunked
//   body whole and keep `content-length: 5` in the headers, so 60 bytes of
//   three-byte characters, 20 UTF-16 units, were handed over against a limit
//   of 30 bytes (the text-length backstop counts units, not bytes);
// - a body that begins with two UTF-8 byte order marks: a UTF-8 decoder strips
//   one, Node's text() (undici 6 and 7) strips both, so fetch read
//   "\ufeff\ufeff{…}" as JSON where node:http, Bun and Deno refuse it.
// Written by the review rv15 (2026-11-26), which found both failing.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ensureRuntimes, RUNTIMES } from '../support/runtimes.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIMIT = 30;
const THREE_BYTE = Buffer.from('访'.repeat(20)); // 60 bytes, 20 UTF-16 units

/** Path → the raw answer, written after the request; the connection closes after it. */
const answers: Record<string, Buffer> = {
  '/te-and-cl': Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 5\r\ntransfer-encoding: chunked\r\n\r\n${THREE_BYTE.length.toString(16)}\r\n`),
    THREE_BYTE,
    Buffer.from('\r\n0\r\n\r\n'),
  ]),
  '/two-boms': Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 7\r\nconnection: close\r\n\r\n'), Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x78])]),
};

/** Run inside each runtime: the transport's outcome per path, as JSON on stdout. */
const runner = (pkg: string) => `
import { fetchTransport } from ${JSON.stringify(pkg)};
const [url] = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2);
const out = {};
for (const p of ${JSON.stringify(Object.keys(answers))}) {
  const t = fetchTransport();
  try {
    const a = await t.send({ method: 'm', url: url + p, headers: { 'content-type': 'text/plain' }, body: 'x', timeoutMs: 10000, maxResponseBytes: ${LIMIT} });
    out[p] = { body: a.body };
  } catch (e) {
    out[p] = { error: e.name };
  } finally {
    t.close?.();
  }
}
console.log(JSON.stringify(out));
`;

let server: net.Server;
let url: string;
let dir: string;
before(async () => {
  // Installed here when missing: skipped, these never ran in a clean `npm test` (the matrix installs them too, at its own pace).
  await ensureRuntimes();
  server = net.createServer((socket) => {
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const answer = answers[/^POST (\S+)/.exec(head)?.[1] ?? ''];
      head = '';
      if (answer) socket.end(answer);
      else socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-declared-body-'));
  writeFileSync(path.join(dir, 'runner.mjs'), runner(pathToFileURL(path.join(ROOT, 'generated/client/dist/index.js')).href));
});
after(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const runtimes: [string, string, string[]][] = [
  ['node 20 (this one)', process.execPath, []],
  ['node 22', RUNTIMES.node22, []],
  ['node 24', RUNTIMES.node24, []],
  ['bun', RUNTIMES.bun, []],
  ['deno', RUNTIMES.deno, ['run', '-A']],
];

/** Each runtime's outcomes, run once for both of its tests. */
const outcomes = new Map<string, Promise<Record<string, { body?: string; error?: string }>>>();
function outcome(bin: string, args: string[]) {
  let run = outcomes.get(bin);
  if (!run) {
    run = promisify(execFile)(bin, [...args, path.join(dir, 'runner.mjs'), url], { timeout: 60_000 }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
    outcomes.set(bin, run);
  }
  return run;
}

for (const [name, bin, args] of runtimes) {
  test(`fetch on ${name}: a body declared short but sent chunked is not handed over past maxResponseBytes`, async () => {
    const got = (await outcome(bin, args))['/te-and-cl'];
    // Refused either way: Node's parser rejects the framing (TopNetworkError), the others must count the bytes (TopDecodeError).
    assert.ok(got?.error === 'TopDecodeError' || got?.error === 'TopNetworkError', `te-and-cl: ${JSON.stringify(got)}`);
  });
  test(`fetch on ${name}: a declared body is read as a UTF-8 decoder reads its bytes (one byte order mark stripped)`, async () => {
    const got = (await outcome(bin, args))['/two-boms'];
    assert.deepEqual(got, { body: '\ufeffx' });
  });
}
