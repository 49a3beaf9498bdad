// Client hooks: before send, after answer, on error; the signature and the
// session never appear in what they see, and a hook that throws changes
// nothing about the call.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AnswerEvent, type CallEvent, type ErrorEvent, TopClient, TopError, TopNetworkError, TopValidationError, type Transport } from '../../generated/client/src/node.ts';
import { json, startTestGateway, TEST_APP_KEY, TEST_SECRET, type TestGateway } from '../support/test-gateway.ts';

let gateway: TestGateway;
before(async () => {
  gateway = await startTestGateway();
});
after(() => gateway.close());

const prepay = { param0: { order_id: 'o-1', pre_pay_no: 'p-1', pre_pay_action: 2n } };
const SESSION = 'user-session-SECRET-6100';

function recorder() {
  const events: { kind: string; event: CallEvent | AnswerEvent | ErrorEvent }[] = [];
  return {
    events,
    hooks: {
      beforeSend: (event: CallEvent) => void events.push({ kind: 'beforeSend', event }),
      afterAnswer: (event: AnswerEvent) => void events.push({ kind: 'afterAnswer', event }),
      onError: (event: ErrorEvent) => void events.push({ kind: 'onError', event }),
    },
  };
}

/** Every string anywhere in the events, errors' messages included. */
function allText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || seen.has(value)) return '';
  seen.add(value);
  const parts = Object.values(value).map((v) => allText(v, seen));
  if (value instanceof Error) parts.push(value.message, allText(value.cause, seen));
  return parts.join('\n');
}

test('a successful call: beforeSend then afterAnswer, with method, transport, status, latency and request_id; nothing secret', async () => {
  gateway.requests.length = 0;
  gateway.respond((_r, res) => json(res, '{"alibaba_idle_tender_pre_pay_action_response":{"result":{"success":true},"request_id":"rid-42"}}'));
  const { events, hooks } = recorder();
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, hooks, session: SESSION });
  await client.alibabaIdleTenderPrePayAction(prepay);
  client.close();
  assert.deepEqual(
    events.map((e) => e.kind),
    ['beforeSend', 'afterAnswer'],
  );
  const sent = events[0]!.event;
  assert.equal(sent.method, 'alibaba.idle.tender.pre.pay.action');
  assert.equal(sent.transport, 'node:http');
  assert.equal(sent.attempt, 1);
  assert.equal(sent.system.sign, '[redacted]');
  assert.equal(sent.system.session, '[redacted]');
  assert.equal(sent.system.app_key, TEST_APP_KEY);
  assert.equal(sent.bodyBytes, Buffer.byteLength(gateway.requests[0]!.rawBody));
  assert.match(sent.url, /sign=\[redacted\]/);
  const answered = events[1]!.event as AnswerEvent;
  assert.equal(answered.status, 200);
  assert.equal(answered.requestId, 'rid-42');
  assert.ok(answered.latencyMs >= 0);
  const text = allText(events);
  const realSign = gateway.requests[0]!.query.sign!;
  for (const secret of [TEST_SECRET, SESSION, realSign]) assert.ok(!text.includes(secret), `hooks never see ${secret}`);
});

test('an error_response: afterAnswer with code and sub_code, then onError with the TopError', async () => {
  gateway.respond((_r, res) => json(res, '{"error_response":{"code":15,"msg":"Remote Service Error","sub_code":"isp.remote-service-timeout","request_id":"rid-7"}}'));
  const { events, hooks } = recorder();
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, hooks, session: SESSION });
  await assert.rejects(client.alibabaIdleTenderPrePayAction(prepay), TopError);
  client.close();
  assert.deepEqual(
    events.map((e) => e.kind),
    ['beforeSend', 'afterAnswer', 'onError'],
  );
  const answered = events[1]!.event as AnswerEvent;
  assert.deepEqual([answered.code, answered.subCode, answered.requestId], [15, 'isp.remote-service-timeout', 'rid-7']);
  const failed = events[2]!.event as ErrorEvent;
  assert.ok(failed.error instanceof TopError);
  assert.equal(failed.willRetry, false);
});

test('a provably unsent attempt: onError says willRetry, then the retry is attempt 2', async () => {
  let n = 0;
  const transport: Transport = {
    name: 'test',
    provesUnsent: true,
    send: async (r) => {
      if (n++ === 0) throw new TopNetworkError(r.method, false, 'ECONNREFUSED');
      return { status: 200, contentType: 'application/json', body: '{"alibaba_idle_tender_pre_pay_action_response":{"request_id":"r"}}' };
    },
  };
  const { events, hooks } = recorder();
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, transport, hooks, session: SESSION, retryDelayMs: 1 });
  await client.alibabaIdleTenderPrePayAction(prepay);
  assert.deepEqual(
    events.map((e) => `${e.kind}#${e.event.attempt}`),
    ['beforeSend#1', 'onError#1', 'beforeSend#2', 'afterAnswer#2'],
  );
  assert.equal((events[1]!.event as ErrorEvent).willRetry, true);
});

test('a hook that throws changes nothing: the call answers, and is sent once', async () => {
  gateway.requests.length = 0;
  gateway.respond((_r, res) => json(res, '{"alibaba_idle_tender_pre_pay_action_response":{"request_id":"r"}}'));
  const boom = () => {
    throw new Error('logging bug');
  };
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, session: SESSION, hooks: { beforeSend: boom, afterAnswer: boom, onError: boom } });
  const answer = await client.alibabaIdleTenderPrePayAction(prepay);
  client.close();
  assert.equal(answer.request_id, 'r');
  assert.equal(gateway.requests.length, 1);
});

test('a call refused before sending (validation) reaches onError as attempt 0, with nothing sent', async () => {
  gateway.requests.length = 0;
  const { events, hooks } = recorder();
  const client = new TopClient({ appKey: TEST_APP_KEY, appSecret: TEST_SECRET, gateway: gateway.url, hooks, session: SESSION });
  await assert.rejects(client.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2 as unknown as bigint } }), TopValidationError);
  client.close();
  assert.deepEqual(
    events.map((e) => `${e.kind}#${e.event.attempt}`),
    ['onError#0'],
  );
  assert.ok((events[0]!.event as ErrorEvent).error instanceof TopValidationError);
  assert.equal(gateway.requests.length, 0);
});
