// generator/top-naming.js (plain JS, for the redocly CLI) and runtime/common/protocol.ts
// must agree on the gateway path and the response root rule.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GATEWAY_PATH as LINT_PATH, responseRootOf as lintRoot } from '../../generator/top-naming.js';
import { GATEWAY_PATH, responseRootOf } from '../../runtime/common/protocol.ts';

test('top-naming.js and protocol.ts agree', () => {
  assert.equal(LINT_PATH, GATEWAY_PATH);
  for (const m of ['taobao.trades.sold.get', 'alibaba.idle.tender.pre.pay.action', 'tmall.a.b']) assert.equal(lintRoot(m), responseRootOf(m));
});
