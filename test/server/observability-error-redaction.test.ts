// An error thrown by the operator's own `verifySession` or `apps` (a database
// driver's, say) is logged as a gateway internal error. Drivers quote the value
// they could not use (Postgres: `invalid input syntax for type uuid: "<value>"`),
// so the logger line must not carry the session or the signature even then.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { pino } from 'pino';
import { createGateway } from '../../generated/server/src/index.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const VIRTUAL = 'taobao.game.virtual.order.create';
const SESSION = 'SESSION-6100e2b7f1d94c13';

for (const failing of ['verifySession', 'apps'] as const) {
  test(`a ${failing} that throws with the session and signature in its message: the log line carries neither`, async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const params = signedParams(
      VIRTUAL,
      { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: '500', account: 'a', seller_id: '1', out_order_id: 'redact1' },
      { extra: { session: SESSION } },
    );
    const quoting = () => {
      throw new Error(`invalid input syntax for type uuid: "${SESSION}" (sign ${params.sign})`);
    };
    const g = await listen(
      createGateway({
        apps: failing === 'apps' ? quoting : () => SECRET,
        verifySession: failing === 'verifySession' ? quoting : () => ({ user: 1 }),
        handlers: { taobaoGameVirtualOrderCreate: async () => ({ result: { success: true } }) as never },
        logger: pino(sink),
      }),
    );
    try {
      const answer = (await post(g.url, params)).json;
      assert.equal(answer.error_response.sub_code, 'isp.unknown-error');
      const text = lines.join('\n');
      assert.match(text, /top\.internal-error/);
      assert.match(text, /invalid input syntax for type uuid/, 'the rest of the message is kept');
      for (const secret of [SESSION, params.sign!]) assert.ok(!text.includes(secret), `${secret} was logged:\n${text}`);
    } finally {
      await g.close();
    }
  });
}
