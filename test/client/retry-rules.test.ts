// TopError.isRetryable and retryAfterMs follow top-protocol.md §6: the
// sub_code decides (isp.* yes, isv.* never, whatever the code); code 7 after
// the wait its sub_msg names.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopError } from '../../generated/client/src/index.ts';

const cases: { code: number; subCode?: string; subMsg?: string; retryable: boolean; retryAfterMs?: number }[] = [
  { code: 15, subCode: 'isp.remote-service-timeout', retryable: true },
  { code: 15, subCode: 'isp.unknown-error', retryable: true },
  { code: 50, subCode: 'isp.top-remote-connection-timeout', retryable: true },
  // isv.* never, even for 15 (real answers carry 15 and 50 with isv.* sub_codes).
  { code: 15, subCode: 'isv.invalid-parameter', retryable: false },
  { code: 15, subCode: 'isv.item-not-exist', retryable: false },
  { code: 50, subCode: 'isv.invalid-parameter', retryable: false },
  { code: 41, subCode: 'isv.invalid-parameter:request_param.tenant_id', retryable: false },
  { code: 10, subCode: 'isv.something', retryable: false },
  { code: 7, subCode: 'isv.limited', subMsg: 'This ban will last for 3 more seconds', retryable: false },
  // Code 7: after the wait.
  { code: 7, subCode: 'accesscontrol.limited-by-api-access-count', subMsg: 'This ban will last for 71 more seconds', retryable: true, retryAfterMs: 71_000 },
  { code: 7, subCode: 'accesscontrol.limited-by-app-access-count', subMsg: 'This ban will last for 1 more seconds', retryable: true, retryAfterMs: 1000 },
  { code: 7, subCode: 'accesscontrol.limited-by-app-api-access-count', subMsg: '该封禁将持续 5 秒', retryable: true, retryAfterMs: 5000 },
  { code: 7, subCode: 'accesscontrol.limited-by-app-access-count', retryable: true },
  // No sub_code: 10 and 15 are platform failures; the caller's mistakes are not.
  { code: 10, retryable: true },
  { code: 15, retryable: true },
  { code: 25, retryable: false },
  { code: 27, retryable: false },
  { code: 41, retryable: false },
  { code: 22, subCode: '', retryable: false },
];

for (const c of cases) {
  test(`isRetryable: code ${c.code}, sub_code ${c.subCode ?? '(none)'}${c.subMsg ? `, "${c.subMsg}"` : ''} → ${c.retryable}${c.retryAfterMs ? ` after ${c.retryAfterMs} ms` : ''}`, () => {
    const e = new TopError('a.b', c.code, 'msg', c.subCode, c.subMsg, 'rid');
    assert.equal(e.isRetryable, c.retryable);
    assert.equal(e.retryAfterMs, c.retryAfterMs);
  });
}

test('retryAfterMs is only for code 7', () => {
  assert.equal(new TopError('a.b', 15, 'm', 'isp.x', 'wait 3 seconds', undefined).retryAfterMs, undefined);
});
