// Copied from runtime/server/node-listener.ts by the TOP generator: edit that file, then regenerate.
// The gateway as a node:http request listener: reads the body within the
// limit, hands it to the core, writes the answer. Never answers 5xx. Only the
// core's path is the gateway; any other answers a TOP error without reading
// parameters or running a handler. `createGatewayServer` is a node:http
// server with timeouts that a slow or silent client cannot hold open.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { GatewayCore } from './gateway-core.ts';
import { GatewayError } from './platform-errors.ts';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

const EMPTY = new Uint8Array();

export function nodeListener(core: GatewayCore): RequestListener {
  return (req, res) => {
    const url = req.url ?? '/';
    if (pathOf(url) !== core.path) {
      const answer = core.refuse(
        { httpMethod: req.method ?? '', url, contentType: req.headers['content-type'], body: new Uint8Array() },
        new GatewayError(22, 'isv.invalid-path', `the gateway answers at ${core.path}, not ${pathOf(url).slice(0, 200)}`),
      );
      req.resume();
      // 404, unlike TOP's errors on its own path (always 200): a wrong gateway URL must not pass for a working one.
      res.writeHead(404, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body), connection: 'close' });
      res.end(answer.body);
      return;
    }
    const max = core.limits.maxBodyBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: Uint8Array, bodyTooLarge: boolean) => {
      if (done) return;
      done = true;
      core
        .handle({ httpMethod: req.method ?? '', url, contentType: req.headers['content-type'], body, bodyTooLarge })
        .then((answer) => {
          if (res.headersSent || res.destroyed) return;
          // When the body was not read to its end, the connection cannot carry another request.
          if (bodyTooLarge) res.setHeader('connection', 'close');
          res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
          res.end(answer.body);
        })
        .catch(() => res.destroy());
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      finish(EMPTY, true);
      req.resume(); // discard what arrives; the socket closes after the answer
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        finish(EMPTY, true);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), false));
    req.on('error', () => {
      done = true;
    });
  };
}

export interface GatewayServerTimeouts {
  /** Longest time to receive a request's headers; default 10 s (node's own default is 60 s). */
  headersTimeoutMs?: number;
  /** Longest time to receive a whole request, headers and body; default 30 s. */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open; default 5 s. */
  keepAliveTimeoutMs?: number;
  /** Most requests on one connection; default 1000. */
  maxRequestsPerSocket?: number;
}

export const DEFAULT_SERVER_TIMEOUTS: Required<GatewayServerTimeouts> = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxRequestsPerSocket: 1000 };

/**
 * A node:http server for the gateway with timeouts set: a client that sends
 * its headers or body too slowly (slowloris) is cut off, idle keep-alive
 * connections close. Call `.listen(port)` on it.
 */
export function createGatewayServer(listener: RequestListener, timeouts: GatewayServerTimeouts = {}): http.Server {
  const t = { ...DEFAULT_SERVER_TIMEOUTS, ...timeouts };
  if (!(t.headersTimeoutMs > 0 && t.requestTimeoutMs >= t.headersTimeoutMs && t.keepAliveTimeoutMs > 0)) {
    throw new RangeError('createGatewayServer: timeouts must be positive and requestTimeoutMs at least headersTimeoutMs');
  }
  // node enforces headers and request timeouts when it checks connections, every
  // connectionsCheckingInterval (30 s by default): check often enough to honour the shortest.
  const connectionsCheckingInterval = Math.max(100, Math.min(1000, Math.floor(t.headersTimeoutMs / 4)));
  const server = http.createServer({ requestTimeout: t.requestTimeoutMs, headersTimeout: t.headersTimeoutMs, keepAliveTimeout: t.keepAliveTimeoutMs, connectionsCheckingInterval }, listener);
  server.maxRequestsPerSocket = t.maxRequestsPerSocket;
  return server;
}
