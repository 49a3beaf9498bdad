// Signed TOP requests built by hand (not by the generated client), for testing
// a gateway with any parameter left out, changed or broken.
import http from 'node:http';
import { type SignMethod, sign } from '../../runtime/common/sign.ts';
import { formatTimestamp } from '../../runtime/common/timestamp.ts';

export interface RawAnswer {
  status: number;
  contentType: string | undefined;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: any JSON answer, read field by field by the tests
  json: any;
}

export const APP_KEY = '12345678';
export const SECRET = 'helloworld';

/** System parameters for a call now, signed with `secret` unless `sign` is given. */
export function signedParams(
  method: string,
  business: Record<string, string>,
  options: { signMethod?: SignMethod; secret?: string; now?: number; extra?: Record<string, string>; drop?: string[] } = {},
): Record<string, string> {
  const params: Record<string, string> = {
    method,
    app_key: APP_KEY,
    timestamp: formatTimestamp(options.now ?? Date.now()),
    v: '2.0',
    sign_method: options.signMethod ?? 'md5',
    format: 'json',
    ...business,
    ...options.extra,
  };
  for (const name of options.drop ?? []) delete params[name];
  if (!options.extra?.sign && !options.drop?.includes('sign')) params.sign = sign(params, options.secret ?? SECRET, (params.sign_method as SignMethod) ?? 'md5');
  return params;
}

export function form(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

export function rawRequest(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    const req = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: options.path ?? target.pathname,
        method: options.method ?? 'POST',
        headers: { ...(body ? { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': String(body.length) } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], body: text, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs the parameters as a form body. */
export function post(url: string, params: Record<string, string>): Promise<RawAnswer> {
  return rawRequest(url, { body: form(params) });
}
