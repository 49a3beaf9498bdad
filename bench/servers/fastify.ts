// The fastify app a user would write instead of our gateway (issue 16): the
// form body parsed, the HMAC-SHA256 signature checked over every parameter
// (TOP's rule: sorted name+value pairs), the timestamp window, the same
// precompiled ajv validator for the DTO, the handler's answer in TOP's JSON
// envelope, and idempotency in a Map (a repeated key replays the first answer).
// It skips what the gateway does beyond that: strict form parsing with limits,
// the other system-parameter checks, response validation, a fingerprint of
// the parameters, leases and timeouts.
import { createHmac, timingSafeEqual } from 'node:crypto';
import querystring from 'node:querystring';
import Fastify from 'fastify';
import { operations } from '../../generated/server/dist/index.js';
import { parseJson, stringifyJson } from '../../generated/server/dist/runtime/common/json.js';
import { reviveInt64 } from '../../generated/server/dist/runtime/common/shape.js';
import { ANSWER, APP_KEY, APP_SECRET, ROOT_NAME, serve } from './common.ts';

const op = operations.alibabaAlisportsLianbeiXposPay;
const GMT8_MS = 8 * 3600 * 1000;
const TOLERANCE_MS = 60 * 60 * 1000; // as the gateway's bench configuration: the pool of signed calls outlives 10 minutes
const answers = new Map<string, string>();
let requestCounter = 0;

const error = (code: number, msg: string) => `{"error_response":{"code":${code},"msg":${JSON.stringify(msg)}}}`;

const app = Fastify({ logger: false });
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, querystring.parse(body as string)));
app.post('/router/rest', async (request, reply) => {
  reply.header('content-type', 'application/json;charset=UTF-8');
  const params = { ...(request.query as Record<string, string>), ...(request.body as Record<string, string>) };
  if (params.app_key !== APP_KEY) return error(29, 'Invalid app Key');
  const t = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(params.timestamp ?? '');
  if (!t || Math.abs(Date.UTC(+t[1]!, +t[2]! - 1, +t[3]!, +t[4]!, +t[5]!, +t[6]!) - GMT8_MS - Date.now()) > TOLERANCE_MS) return error(31, 'Invalid timestamp');
  let text = '';
  for (const name of Object.keys(params).sort()) if (name !== 'sign' && params[name]) text += name + params[name];
  const expected = Buffer.from(createHmac('sha256', APP_SECRET).update(text, 'utf8').digest('hex').toUpperCase());
  const given = Buffer.from(String(params.sign ?? '').toUpperCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return error(25, 'Invalid signature');
  const param0 = reviveInt64(parseJson(params.param0 ?? ''), op.params.param0!.shape) as { request_id?: string };
  if (!op.validateRequest({ param0 })) return error(41, 'Invalid arguments');
  const key = String(param0.request_id);
  let body = answers.get(key);
  if (body === undefined) {
    body = stringifyJson(ANSWER, op.response);
    answers.set(key, body);
  }
  return `{"${ROOT_NAME}":${body.slice(0, -1)},"request_id":"${(++requestCounter).toString(36)}"}}`;
});
serve({ listen: (port: number, host: string) => app.listen({ port, host }), server: app.server, close: () => app.close() });
