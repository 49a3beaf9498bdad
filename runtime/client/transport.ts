// One HTTP exchange with the gateway over node:http(s) with a keep-alive agent
// (node:http rather than fetch: it tells when a socket connected, which is what
// proves a request never left this host, the only case the client retries).
import http from 'node:http';
import https from 'node:https';
import { TopAbortError, TopDecodeError, TopNetworkError, TopTimeoutError, type TopClientError } from './errors.ts';

export interface HttpAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
}

export interface Exchange {
  url: URL;
  /** Form-encoded system parameters, sent in the query string. */
  query: string;
  /** Form-encoded business parameters, sent as the body; or, for an upload, multipart bytes with their `contentType`. */
  body: string | Uint8Array;
  /** The body's content type when it is not a form (multipart/form-data; boundary=…). */
  contentType?: string | undefined;
  method: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  maxResponseBytes: number;
  agent: http.Agent;
}

export function createAgent(url: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: 64, keepAliveMsecs: 1000, timeout: 60_000 };
  return url.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

export function exchange(x: Exchange): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    if (x.signal?.aborted) {
      reject(new TopAbortError(x.method, x.signal.reason));
      return;
    }
    const secure = x.url.protocol === 'https:';
    const lib = secure ? https : http;
    const path = `${x.url.pathname}${x.url.search ? `${x.url.search}&` : '?'}${x.query}`;
    const payload = typeof x.body === 'string' ? Buffer.from(x.body, 'utf8') : Buffer.from(x.body.buffer, x.body.byteOffset, x.body.byteLength);
    let settled = false;
    // Bytes can only have reached the gateway once a connection (and for
    // https, its TLS session) was up.
    let connected = false;
    let failure: TopClientError | undefined;

    const req = lib.request({
      protocol: x.url.protocol,
      hostname: x.url.hostname,
      port: x.url.port || undefined,
      path,
      method: 'POST',
      agent: x.agent,
      headers: {
        'content-type': x.contentType ?? 'application/x-www-form-urlencoded;charset=UTF-8',
        'content-length': payload.length,
        accept: 'application/json',
      },
    });

    const finish = (error: TopClientError | undefined, answer?: HttpAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      x.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(answer!);
    };
    const fail = (error: TopClientError) => {
      failure ??= error;
      req.destroy();
      finish(failure);
    };
    const onAbort = () => fail(new TopAbortError(x.method, x.signal?.reason));
    const timer = setTimeout(() => fail(new TopTimeoutError(x.method, x.timeoutMs)), x.timeoutMs);
    x.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      const up = () => {
        connected = true;
      };
      if (!(socket as { connecting?: boolean }).connecting) up();
      else socket.once(secure ? 'secureConnect' : 'connect', up);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish(failure ?? new TopNetworkError(x.method, connected, error.code, { cause: error }));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > x.maxResponseBytes) {
          fail(new TopDecodeError(x.method, `answer larger than ${x.maxResponseBytes} bytes`, res.statusCode ?? 0, ''));
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', (error: NodeJS.ErrnoException) => finish(failure ?? new TopNetworkError(x.method, true, error.code, { cause: error })));
      res.on('end', () => {
        finish(undefined, {
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
        });
      });
    });
    req.end(payload);
  });
}
