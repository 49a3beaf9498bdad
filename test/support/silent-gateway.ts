// A gateway that reads each request whole and never answers: what the fetch
// stop-signal tests time out and abort against.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A gateway that reads each request whole and never answers; `closed` settles when the first request's socket closes. */
export async function silentGateway(): Promise<{ url: string; received: Promise<void>; closed: Promise<void>; requests(): number; stop(): Promise<void> }> {
  let requests = 0;
  let onReceived!: () => void;
  let onClosed!: () => void;
  const received = new Promise<void>((r) => (onReceived = r));
  const closed = new Promise<void>((r) => (onClosed = r));
  const server = http.createServer((req) => {
    requests++;
    req.resume();
    req.on('end', onReceived);
    req.socket.on('close', onClosed);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/router/rest`,
    received,
    closed,
    requests: () => requests,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
