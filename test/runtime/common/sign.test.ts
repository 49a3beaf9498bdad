import assert from 'node:assert/strict';
import crypto, { createHmac } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { HMAC_BY_ONE_SHOT_HASH, isJavaWhitespace, isSendable, type SignMethod, sign, signingString } from '../../../runtime/common/sign.ts';
import { independentSign, isJavaBlank } from '../../support/independent-signer.ts';

// ../shared/top-protocol.md §3, worked examples (secret `helloworld`).
const exampleA = {
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test',
  timestamp: '2016-01-01 12:00:00',
  format: 'json',
  v: '2.0',
  fields: 'num_iid,title,nick,price,num',
  num_iid: '11223344',
};
const exampleB = {
  method: 'alibaba.cloudgame.tradeplatform.payorder',
  app_key: '12345678',
  timestamp: '2026-11-24 12:00:00',
  format: 'json',
  v: '2.0',
  request_param:
    '{"charge_item_code":"1","order_id":"1","category_code":"1","user_country":"CHINA","balance_pay_amount":1,"tenant_id":9007199254740993,"commodity_code":"1","pay_start_time":1,"currency":"CNY","pay_idempotent_code":"1","pay_serial_id":"1"}',
};
const worked: { name: string; params: Record<string, string>; method: SignMethod; want: string }[] = [
  { name: 'A md5 (the published value)', params: exampleA, method: 'md5', want: '66987CB115214E59E6EC978214934FB8' },
  { name: 'A hmac', params: exampleA, method: 'hmac', want: 'D56D7858309C31B6251083A874D48273' },
  { name: 'A hmac-sha256', params: exampleA, method: 'hmac-sha256', want: '04DB15AD0774D5CFCE2C837DE43E3FCEA9011ED74F3038FB6AB5F3C4CEA119E8' },
  { name: 'B md5', params: exampleB, method: 'md5', want: '0B0F26C9D5E3CEE0061D5262FF597B8F' },
  { name: 'B hmac', params: exampleB, method: 'hmac', want: 'E137B5219AD617A9B307AADC58A71272' },
  { name: 'B hmac-sha256', params: exampleB, method: 'hmac-sha256', want: '452F3A320965575AE110F5E3A5DE6FFFEADB4EB20FE506AA871AAEA23FC9E7A2' },
];

for (const c of worked) {
  test(`sign: worked example ${c.name}`, async () => {
    const params = { ...c.params, sign_method: c.method };
    assert.equal(sign(params, 'helloworld', c.method), c.want);
    assert.equal(await independentSign(params, 'helloworld', c.method), c.want, 'the independent signer agrees with the protocol notes');
  });
}

test('sign: empty, blank and `sign` parameters are neither signed nor change the result', () => {
  const base = { ...exampleA, sign_method: 'md5' };
  const want = sign(base, 'helloworld', 'md5');
  assert.equal(sign({ ...base, empty: '', blank: '  \t', sign: 'WHATEVER', nothing: undefined }, 'helloworld', 'md5'), want);
  assert.equal(signingString({ b: '2', a: '1', sign: 'x', c: ' ' }), 'a1b2');
});

test('sign: sorting is by ASCII code unit (upper case before lower, `_` between)', () => {
  assert.equal(signingString({ b: '1', B: '2', a_b: '3', ab: '4', a: '5' }), 'B2a5a_b3ab4b1');
});

test('sign: agrees with the independent signer on varied inputs (unicode, long values, many params)', async () => {
  const secrets = ['s', 'helloworld', '密钥🔑', 'x'.repeat(100)];
  const values = ['中国石化加油站(中旅望京站)', '{"a":1}', 'a b&c=d', '😀', 'x'.repeat(5000), '9007199254740993'];
  let n = 0;
  for (const secret of secrets) {
    for (const method of ['md5', 'hmac', 'hmac-sha256'] as const) {
      for (let i = 0; i < values.length; i++) {
        const params: Record<string, string> = { method: 'a.b', v: '2.0', [`p${i}`]: values[i]!, q: values[(i + 1) % values.length]! };
        assert.equal(sign(params, secret, method), await independentSign(params, secret, method), `${method} ${secret} ${i}`);
        n++;
      }
    }
  }
  assert.equal(n, 72);
});

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`# sign: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

// hmac and hmac-sha256 are two one-shot hashes over padded keys kept per
// secret (sign.ts): the same bytes as createHmac for any secret (ASCII or not,
// longer than a block, lone surrogates) and any text. Past 256 secrets a
// method, sign.ts signs a new secret with createHmac itself, so every 100
// cases sign with a fresh copy of the module: its cache empty, each case's
// secret padded, and never createHmac checked against itself.
test(`sign: hmac and hmac-sha256 are createHmac's, for any secret and text (seed ${SEED})`, async () => {
  assert.equal(HMAC_BY_ONE_SHOT_HASH, typeof (crypto as { hash?: unknown }).hash === 'function', 'the one-shot path is taken wherever crypto.hash exists');
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(65), '\ud800', '\udc00a', 'é'),
  );
  let cases = 0;
  let fresh: typeof import('../../../runtime/common/sign.ts') | undefined;
  await fc.assert(
    fc.asyncProperty(
      text,
      fc.oneof(
        text,
        fc.integer({ min: 0, max: 300 }).map((n) => `s${n}`),
      ),
      text,
      fc.constantFrom('hmac', 'hmac-sha256'),
      async (value, secret, other, method) => {
        if (cases++ % 100 === 0) fresh = await import(`../../../runtime/common/sign.ts?property-${cases}`);
        const params = { method: 'a.b', v: '2.0', p: value, q: other };
        const want = createHmac(method === 'hmac' ? 'md5' : 'sha256', secret)
          .update(signingString(params), 'utf8')
          .digest('hex')
          .toUpperCase();
        assert.equal(fresh!.sign(params, secret, method), want);
      },
    ),
    { seed: SEED, numRuns: 2000 },
  );
});

test('sign: an unknown sign method is refused by name', () => {
  assert.throws(() => sign({ a: '1' }, 's', 'sha1' as SignMethod), /sign_method must be one of md5, hmac, hmac-sha256; got sha1/);
});

// TOP's blank rule is Java's (StringUtils.isEmpty: every char
// Character.isWhitespace), not JavaScript's trim: a value of only U+00A0 is
// signed and sent by the Java SDK, and one of only U+001C is dropped by it.
// The reference is the independent signer's, Java's definition spelled with Unicode categories.
test('isJavaWhitespace is Character.isWhitespace on every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const char = String.fromCharCode(c);
    // A lone surrogate is no white space to Java; the /u reference would read it as a code point.
    if (c >= 0xd800 && c <= 0xdfff) assert.equal(isJavaWhitespace(c), false);
    else assert.equal(isJavaWhitespace(c), isJavaBlank(char), `U+${c.toString(16).padStart(4, '0')}`);
  }
});
test('isSendable: a value is dropped when every char is Java white space, whatever JavaScript trim says', () => {
  const blanks = ['', ' ', '\t', '\n', '\r', '\v', '\f', '\u001c', '\u001f', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u205f', '\u3000'];
  const others = ['a', '0', '~', '!', '\u007f', '\u0000', '\u0085', '\u00a0', '\u2007', '\u202f', '\ufeff', '\u200b', '\u180e', '中', '😀'];
  for (const a of blanks) for (const b of blanks) assert.equal(isSendable(a + b), false, JSON.stringify(a + b));
  for (const a of blanks) for (const o of others) for (const value of [o, a + o, o + a, a + o + a]) assert.equal(isSendable(value), true, JSON.stringify(value));
  assert.equal(isSendable(undefined), false);
  assert.equal(isSendable(null), false);
});
