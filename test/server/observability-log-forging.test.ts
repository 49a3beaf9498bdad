// The logger's message text names the call's `method`, which any caller
// writes. With console (or any logger that prints the message as is) a method
// holding a line break would forge a log line of the caller's choosing: control
// characters in it are written escaped.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createGateway } from '../../generated/server/src/index.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

test('a method with line breaks and escape codes cannot start a new log line', async () => {
  const messages: string[] = [];
  const capture = (_object: object, message?: string) => messages.push(message ?? '');
  const g = await listen(createGateway({ apps: () => SECRET, handlers: {}, logger: { info: capture, warn: capture, error: capture } }));
  try {
    const method = 'x\n2026-11-26T10:00:00Z INFO top.request alibaba.idle.tender.pre.pay.action ok\r\u001b[2K';
    const answer = (await post(g.url, signedParams(method, {}))).json;
    assert.equal(answer.error_response.code, 22);
    assert.equal(messages.length, 1);
    const control = [...messages[0]!].filter((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
    assert.deepEqual(control, [], `the message holds a control character: ${JSON.stringify(messages[0])}`);
    assert.match(messages[0]!, /^x\\n2026-11-26T10:00:00Z INFO/);
  } finally {
    await g.close();
  }
});
