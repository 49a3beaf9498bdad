// A gateway given by an IPv6 literal, http://[::1]:PORT/router/rest, is
// reached by both transports. URL's hostname keeps the brackets ("[::1]"),
// which node:http looked up as a host name (ENOTFOUND) while fetch connected.
// Written by the review rv3 (2026-11-26), which found node:http failing.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { fetchTransport, nodeHttpTransport, TopClient, type Transport } from '../../generated/client/src/node.ts';

const ROOT = 'alibaba_alisports_lianbei_xpos_pay_response';
let server: http.Server | undefined;
let port = 0;
before(async () => {
  const s = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end(`{"${ROOT}":{"request_id":"via-${req.socket.remoteFamily}"}}`));
  });
  // A host without IPv6 loopback cannot run this test: it is skipped there, never failed.
  const listening = await new Promise<boolean>((resolve) => {
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => resolve(true));
  });
  if (listening) {
    server = s;
    port = (s.address() as AddressInfo).port;
  }
});
after(() => server?.close());

const transports: [string, () => Transport][] = [
  ['node:http', () => nodeHttpTransport()],
  ['fetch', () => fetchTransport()],
];

for (const [name, make] of transports) {
  test(`${name}: a gateway at an IPv6 literal ([::1]) is reached`, async (t) => {
    if (!server) return t.skip('no IPv6 loopback on this host');
    const transport = make();
    const client = new TopClient({ appKey: 'k', appSecret: 's', gateway: `http://[::1]:${port}/router/rest`, transport, retries: 0, timeoutMs: 5000 });
    try {
      const answer = await client.alibabaAlisportsLianbeiXposPay({
        param0: { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n },
      });
      assert.deepEqual(answer, { request_id: 'via-IPv6' });
    } finally {
      client.close();
    }
  });
}
