// A small TOP gateway for tests, on loopback: records every request exactly
// as it arrived, checks its signature with the independent signer, and
// answers whatever the test says.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { independentSign } from './independent-signer.ts';

export interface RecordedRequest {
  httpMethod: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  rawQuery: string;
  rawBody: string;
  query: Record<string, string>;
  body: Record<string, string>;
  /** Query and body merged, as the gateway reads them. */
  params: Record<string, string>;
  signatureValid: boolean;
}

export type Responder = (req: RecordedRequest, res: http.ServerResponse) => void | Promise<void>;

export interface TestGateway {
  url: string;
  requests: RecordedRequest[];
  respond: (responder: Responder) => void;
  close: () => Promise<void>;
}

export const TEST_APP_KEY = '12345678';
export const TEST_SECRET = 'helloworld';

export function json(res: http.ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
  res.end(body);
}

export async function startTestGateway(): Promise<TestGateway> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = (_req, res) => json(res, '{"error_response":{"code":22,"msg":"Invalid Method"}}');
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const query = Object.fromEntries(url.searchParams);
    const body = Object.fromEntries(new URLSearchParams(rawBody));
    const params = { ...query, ...body };
    const method = params.sign_method as 'md5' | 'hmac' | 'hmac-sha256';
    const signatureValid = params.sign !== undefined && params.sign === (await independentSign(params, TEST_SECRET, method));
    const recorded: RecordedRequest = { httpMethod: req.method ?? '', path: url.pathname, headers: req.headers, rawQuery: url.search.slice(1), rawBody, query, body, params, signatureValid };
    requests.push(recorded);
    await responder(recorded, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/router/rest`,
    requests,
    respond: (r) => {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
