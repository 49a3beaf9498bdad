// An API that acts for a user (it needs a session) replays an answer only to
// the session that made the call. A replay runs no handler, so a second user
// sending the first one's key and parameters would otherwise get the first
// user's answer without the handler's own check that the order is theirs.
// The same session replays; another session is a 41 conflict and runs nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway } from '../../generated/server/src/index.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const PRE_PAY = 'alibaba.idle.tender.pre.pay.action';
const XPOS = 'alibaba.alisports.lianbei.xpos.pay';
const prePay = { param0: JSON.stringify({ order_id: 'o-1', pre_pay_no: 'PP-1', pre_pay_action: 2 }) };
const xpos = { param0: JSON.stringify({ nego_price: '1.00', qr_code: 'q', request_id: 'r-1', out_biz_id: 'b', cashier_name: 'c', cashier_id: 'i', store_id: 's' }) };

test('a session API: the same session replays, another session with the same key and parameters is a conflict and runs nothing', async () => {
  const runs: string[] = [];
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      verifySession: (session) => session,
      handlers: {
        alibabaIdleTenderPrePayAction: (_params, context) => {
          runs.push(String(context.user));
          return { result: { success: true, data: { pre_pay_no: `for ${String(context.user)}` } } } as never;
        },
      },
    }),
  );
  try {
    const alice = signedParams(PRE_PAY, prePay, { extra: { session: 'alice-session' } });
    const first = JSON.parse((await post(g.url, alice)).body);
    assert.equal(first.alibaba_idle_tender_pre_pay_action_response?.result?.data?.pre_pay_no, 'for alice-session');
    // Alice again: her own answer, replayed.
    const again = JSON.parse((await post(g.url, signedParams(PRE_PAY, prePay, { extra: { session: 'alice-session' } }))).body);
    assert.deepEqual(again.alibaba_idle_tender_pre_pay_action_response.result, first.alibaba_idle_tender_pre_pay_action_response.result);
    // Mallory, the same key and parameters with her own session: not Alice's answer.
    const other = JSON.parse((await post(g.url, signedParams(PRE_PAY, prePay, { extra: { session: 'mallory-session' } }))).body);
    assert.equal(other.error_response?.code, 41, JSON.stringify(other));
    assert.equal(other.error_response?.sub_code, 'isv.idempotency-conflict:param0.pre_pay_no');
    assert.match(other.error_response?.sub_msg, /by another session/);
    assert.doesNotMatch(JSON.stringify(other), /alice/);
    assert.deepEqual(runs, ['alice-session']);
  } finally {
    await g.close();
  }
});

test('an API without a session replays whatever session a call carries', async () => {
  let runs = 0;
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      handlers: {
        alibabaAlisportsLianbeiXposPay: () => {
          runs++;
          return { result: { success: true, msg_code: '0' } } as never;
        },
      },
    }),
  );
  try {
    const first = (await post(g.url, signedParams(XPOS, xpos, { extra: { session: 'one' } }))).body;
    const again = (await post(g.url, signedParams(XPOS, xpos, { extra: { session: 'two' } }))).body;
    assert.doesNotMatch(again, /error_response/);
    assert.equal(again.replace(/"request_id":"[0-9a-z]+"/, ''), first.replace(/"request_id":"[0-9a-z]+"/, ''));
    assert.equal(runs, 1);
  } finally {
    await g.close();
  }
});
