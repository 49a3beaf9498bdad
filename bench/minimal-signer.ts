// The minimal hand-written md5 signer issue 16's client targets compare with:
// the same wire as our client (system parameters in the query, the DTO as JSON
// in a form body), no validation, no lossless int64, no timeout unless asked.
// One home for it: the bench (bench/client.ts) and the A/B (bench/client-ab.ts).
import { createHash } from 'node:crypto';
import http from 'node:http';
import { formatTimestamp } from '../generated/client/dist/runtime/common/timestamp.js';
import { ROOT_NAME } from './servers/common.ts';

export const METHOD = 'alibaba.alisports.lianbei.xpos.pay';
export const DTO = {
  nego_price: '10000',
  qr_code: '231023',
  request_id: '34896985984894',
  machine_id: '222',
  out_biz_id: '111111',
  item_id: 222,
  cashier_name: '张丽',
  cashier_id: '346753',
  store_id: '333333',
};
/** The same call as our typed client takes it (item_id is an int64: bigint). */
export const TYPED = { param0: { ...DTO, item_id: 222n } };

/** Signs the call: the query and the form body it sends. */
export function minimalPrepare(): { query: string; body: string } {
  const system: Record<string, string> = { method: METHOD, app_key: '12345678', timestamp: formatTimestamp(Date.now()), v: '2.0', sign_method: 'md5', format: 'json' };
  const business = { param0: JSON.stringify(DTO) };
  const all: Record<string, string> = { ...system, ...business };
  let text = 'helloworld';
  for (const k of Object.keys(all).sort()) text += k + all[k];
  system.sign = createHash('md5').update(`${text}helloworld`, 'utf8').digest('hex').toUpperCase();
  return { query: new URLSearchParams(system).toString(), body: new URLSearchParams(business).toString() };
}

/**
 * The answer's root, or a throw: an error_response (a refused call, e.g. a bad
 * signature) must not count as a call made, or the minimal signer would be
 * measured on refusals, which are cheaper for the server to make.
 */
function answerOf(text: string): unknown {
  const root = (JSON.parse(text) as Record<string, unknown>)[ROOT_NAME];
  if (root === undefined) throw new Error(`the minimal signer's call was not answered: ${text.slice(0, 200)}`);
  return root;
}

/** A whole call over node:http through `agent`; with `timeoutMs`, a timer per call destroys the request past it. */
export function minimalNodeHttp(url: string, agent: http.Agent, timeoutMs?: number): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const { query, body } = minimalPrepare();
    const req = http.request(
      `${url}?${query}`,
      { method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => {
          clearTimeout(timer);
          // A bad answer rejects the call (inFlight counts it) instead of throwing out of the event handler.
          try {
            resolve(answerOf(text));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => req.destroy(new Error('timeout')), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

/** A whole call over fetch; with `timeoutMs`, an AbortController and a timer per call. */
export async function minimalFetch(url: string, timeoutMs?: number): Promise<unknown> {
  const controller = timeoutMs === undefined ? undefined : new AbortController();
  const timer = controller && setTimeout(() => controller.abort(), timeoutMs);
  try {
    const { query, body } = minimalPrepare();
    const res = await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, body, signal: controller?.signal });
    return answerOf(await res.text());
  } finally {
    clearTimeout(timer);
  }
}
