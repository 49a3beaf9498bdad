// The gateway as a node:http request listener: reads the body within the
// limit, hands it to the core, writes the answer. Never answers 5xx.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayCore, GatewayRequest } from './gateway-core.ts';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export function nodeListener(core: GatewayCore): RequestListener {
  return (req, res) => {
    const max = core.limits.maxBodyBytes;
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (request: Omit<GatewayRequest, 'httpMethod' | 'url' | 'contentType'>, close: boolean) => {
      if (done) return;
      done = true;
      core
        .handle({ httpMethod: req.method ?? '', url: req.url ?? '/', contentType: req.headers['content-type'], ...request })
        .then((answer) => {
          if (res.headersSent || res.destroyed) return;
          // When the body was not read to its end, the connection cannot carry another request.
          if (close) res.setHeader('connection', 'close');
          res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
          res.end(answer.body);
        })
        .catch(() => res.destroy());
    };
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      finish({ body: new Uint8Array(), bodyTooLarge: true }, true);
      req.resume(); // discard what arrives; the socket closes after the answer
      return;
    }
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        finish({ body: new Uint8Array(), bodyTooLarge: true }, true);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish({ body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }, false));
    req.on('error', () => {
      done = true;
    });
  };
}
