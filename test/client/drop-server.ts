// A loopback server that reads a whole HTTP request (headers and
// content-length body) and then drops the connection without a byte of
// answer: the one failure where the gateway may have acted on a request the
// client never heard back about. It counts what it read, so a test can say
// "the server saw it exactly once". Plain net, not node:http: the count must
// not depend on the HTTP server's own parsing or keep-alive handling.

import type { AddressInfo } from 'node:net';
import net from 'node:net';

export interface DropServer {
  url: string;
  /** Every complete request read, as `<request line>\n<body>`. */
  seen: string[];
  /** Connections accepted. */
  connections: () => number;
  close: () => Promise<void>;
}

/** The answer `reuse` mode gives a connection's first request: a TOP envelope any suite call can read (an xpos.pay answer). */
export const REUSE_ANSWER = '{"alibaba_alisports_lianbei_xpos_pay_response":{"request_id":"reuse"}}';

/**
 * `mode`: `end` closes with a FIN, `reset` with a TCP RST, `silent` keeps the
 * connection and never answers; `reuse` answers each connection's first
 * request (keep-alive) and drops the connection after reading its second: a
 * pooled connection that dies under a request the gateway already read.
 */
export async function startDropServer(mode: 'end' | 'reset' | 'silent' | 'reuse' = 'end'): Promise<DropServer> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    let requests = 0;
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/^content-length:\s*(\d+)/im.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      seen.push(`${head.split('\r\n')[0]}\n${buffer.subarray(end + 4, end + 4 + length).toString('utf8')}`);
      buffer = Buffer.alloc(0);
      if (mode === 'reuse' && ++requests === 1) {
        socket.write(`HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nkeep-alive: timeout=30\r\ncontent-length: ${REUSE_ANSWER.length}\r\n\r\n${REUSE_ANSWER}`);
      } else if (mode === 'reset') socket.resetAndDestroy();
      else if (mode === 'end' || mode === 'reuse') socket.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/router/rest`,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
