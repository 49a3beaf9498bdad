// Answers a gateway may send that are hard to read right, for the runtime
// matrix's client suite (client-suite.ts, "answers as sent"): compressed
// (gzip, br), after a UTF-8 byte order mark, past the answer limit, stalled
// mid-body, and an int64 past the Long range. Each path is one answer; the
// server counts stalled answers and the stalled connections closed, so the
// host can tell a timeout or an abort freed its connection.
// Written by the review rv3 (2026-11-26).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export const ANSWER_ROOT = 'alibaba_alisports_lianbei_xpos_pay_response';
/** What every readable answer holds: int64 at both edges of the Long range. */
export const ANSWER = `{"${ANSWER_ROOT}":{"result":{"model":{"biz_order_id":9223372036854775807,"buyer_id":-9223372036854775808},"success":true},"request_id":"answers"}}`;

export interface AnswersServer {
  url: string;
  stalled: () => number;
  stalledClosed: () => number;
  close: () => Promise<void>;
}

export async function startAnswersServer(): Promise<AnswersServer> {
  let stalled = 0;
  let stalledClosed = 0;
  const json = { 'content-type': 'application/json;charset=UTF-8' };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      switch (path) {
        case '/gzip': {
          const body = zlib.gzipSync(ANSWER);
          res.writeHead(200, { ...json, 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
          return;
        }
        case '/br-chunked': {
          const body = zlib.brotliCompressSync(ANSWER);
          res.writeHead(200, { ...json, 'content-encoding': 'br' });
          res.write(body.subarray(0, 5));
          setTimeout(() => res.end(body.subarray(5)), 5);
          return;
        }
        case '/bom':
          res.writeHead(200, json).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ANSWER)]));
          return;
        case '/too-large':
          // Chunked, no declared length: 256 KiB against the suite's 64 KiB limit.
          res.writeHead(200, json);
          for (let i = 0; i < 4; i++) res.write(' '.repeat(64 * 1024));
          res.end(ANSWER);
          return;
        case '/stall':
          // The headers and a first part of the body, then nothing: only the client's timer or signal ends it.
          stalled++;
          res.on('close', () => stalledClosed++);
          res.writeHead(200, { ...json, 'content-length': ANSWER.length });
          res.write(ANSWER.slice(0, 20));
          return;
        case '/int64-past-long':
          res.writeHead(200, json).end(`{"${ANSWER_ROOT}":{"result":{"model":{"biz_order_id":9223372036854775808}},"request_id":"past"}}`);
          return;
        default:
          res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stalled: () => stalled,
    stalledClosed: () => stalledClosed,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
