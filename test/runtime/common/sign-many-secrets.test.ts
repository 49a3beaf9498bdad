// hmac and hmac-sha256 keep a padded key per secret, at most 256 (sign.ts).
// When the 257th secret came, the cache was dropped and started again: a
// gateway serving 300 apps in turn then padded a key at nearly every call,
// which cost 2.7 times createHmac's CPU a signature. Now the keys padded stay
// and a secret past them is signed by createHmac; every signature is still createHmac's.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';

test("sign: over 300 secrets in turn, no key is padded twice, and every signature is createHmac's", async () => {
  // A fresh copy of sign.ts, its cache empty whatever other tests signed.
  const fresh: typeof import('../../../runtime/common/sign.ts') = await import(`../../../runtime/common/sign.ts?${'many-secrets'}`);
  const { sign, signingString, HMAC_BY_ONE_SHOT_HASH } = fresh;
  const secrets = Array.from({ length: 300 }, (_, i) => `app-${i}-secret`);
  const known = new Set(secrets);
  // A key is padded from its secret's UTF-8 bytes, by TextEncoder: count those encodings.
  let padded = 0;
  const Original = globalThis.TextEncoder;
  globalThis.TextEncoder = class extends Original {
    override encode(input?: string): Uint8Array<ArrayBuffer> {
      if (input !== undefined && known.has(input)) padded++;
      return super.encode(input);
    }
  };
  try {
    for (let round = 0; round < 3; round++) {
      for (const secret of secrets) {
        for (const [method, algorithm] of [
          ['hmac', 'md5'],
          ['hmac-sha256', 'sha256'],
        ] as const) {
          const params = { method: 'a.b', v: '2.0', sign_method: method, round: String(round) };
          const want = createHmac(algorithm, secret).update(signingString(params), 'utf8').digest('hex').toUpperCase();
          assert.equal(sign(params, secret, method), want, `${method} ${secret} round ${round}`);
        }
      }
    }
  } finally {
    globalThis.TextEncoder = Original;
  }
  // 256 keys a method, each padded once; none where there is no crypto.hash (createHmac signs them all).
  assert.equal(padded, HMAC_BY_ONE_SHOT_HASH ? 2 * 256 : 0);
});
