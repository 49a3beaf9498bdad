// TOP's blank value is Java's: the Java SDK drops a parameter whose every char
// is Character.isWhitespace, and signs and sends the rest (StringUtils.isEmpty
// under areNotEmpty). A value of only U+00A0 is not blank to Java, though
// JavaScript's trim says it is; one of only U+001C is blank to Java, though
// trim keeps it. The gateway must verify what a Java client signs, and the
// client must sign and send what a Java client does. Signatures here come from
// the independent signer, not the runtime's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient } from '../../generated/client/src/index.ts';
import { createGateway } from '../../generated/server/src/index.ts';
import { formatTimestamp } from '../../runtime/common/timestamp.ts';
import { independentSign } from '../support/independent-signer.ts';
import { APP_KEY, post, SECRET } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const VIRTUAL = 'taobao.game.virtual.order.create';
const business = { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: '500', account: 'a', seller_id: '1', out_order_id: 'o-1' };

async function javaSigned(extra: Record<string, string>): Promise<Record<string, string>> {
  const params: Record<string, string> = {
    method: VIRTUAL,
    app_key: APP_KEY,
    session: 's',
    timestamp: formatTimestamp(Date.now()),
    v: '2.0',
    sign_method: 'md5',
    format: 'json',
    ...business,
    ...extra,
  };
  return { ...params, sign: await independentSign(params, SECRET, 'md5') };
}

async function gateway() {
  const seen: unknown[] = [];
  const g = await listen(
    createGateway({
      apps: () => SECRET,
      verifySession: () => ({ user: 1 }),
      handlers: {
        taobaoGameVirtualOrderCreate: (params) => {
          seen.push(params.ext);
          return { result: { success: true } } as never;
        },
      },
    }),
  );
  return { ...g, seen };
}

for (const [value, name] of [
  ['\u00a0', 'U+00A0'],
  ['\u2007', 'U+2007'],
  ['\u202f', 'U+202F'],
  ['\ufeff', 'U+FEFF'],
] as const) {
  test(`the gateway verifies a Java client's signature over a value of only ${name}, and hands the value on`, async () => {
    const g = await gateway();
    try {
      const answer = await post(g.url, await javaSigned({ ext: value }));
      assert.equal(answer.json.error_response, undefined, answer.body);
      assert.deepEqual(g.seen, [value]);
    } finally {
      await g.close();
    }
  });
}

test('the gateway takes a value of only U+001C as absent (a Java client neither signs nor sends it)', async () => {
  const g = await gateway();
  try {
    // Signed as Java signs it (the value left out), then sent anyway: it must not be signed in.
    const answer = await post(g.url, { ...(await javaSigned({})), ext: '\u001c\u001f' });
    assert.equal(answer.json.error_response, undefined, answer.body);
    assert.deepEqual(g.seen, [undefined]);
  } finally {
    await g.close();
  }
});

test('the client sends and signs a value of only U+00A0, and leaves out one of only U+001C, as the Java SDK does', async () => {
  const g = await gateway();
  const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: g.url, session: 's', signMethod: 'md5' });
  try {
    const typed = { ...business, pay_price: 500n, seller_id: 1n };
    await client.taobaoGameVirtualOrderCreate({ ...typed, ext: '\u00a0' });
    await client.taobaoGameVirtualOrderCreate({ ...typed, out_order_id: 'o-2', ext: '\u001c' });
    assert.deepEqual(g.seen, ['\u00a0', undefined]);
  } finally {
    client.close();
    await g.close();
  }
});
