// The server bench's load refuses a run whose answers are refusals: the gateway
// and its fastify peer answer TOP's error_response with status 200, which
// autocannon's error and non-2xx counts do not see, so a server refusing every
// call under load (cheaper than serving it) was measured as serving it.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { loadServer } from '../../bench/server.ts';
import { ENVELOPE } from '../../bench/servers/common.ts';

async function serving(body: string): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

test('a server answering every call with a refusal (status 200) fails the run by name', async () => {
  const s = await serving('{"error_response":{"code":25,"msg":"Invalid signature"}}');
  try {
    await assert.rejects(loadServer(s.port, 1, 'refuser'), /refuser: 0 errors, 0 non-2xx, 0 timeouts, [1-9]\d* answers other than the call's/);
  } finally {
    await s.close();
  }
});

test("a server answering the call's envelope passes", async () => {
  const s = await serving(ENVELOPE);
  try {
    const r = await loadServer(s.port, 1, 'answerer');
    assert.ok(r.requests.total > 0);
  } finally {
    await s.close();
  }
});
