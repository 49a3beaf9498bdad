import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseJson, stringifyJson } from '../../../runtime/common/json.ts';
import type { Shape } from '../../../runtime/common/shape.ts';

const parseCases: { given: string; want: unknown }[] = [
  { given: '{"biz_order_id":9007199254740993}', want: { biz_order_id: 9007199254740993n } },
  { given: '{"a":9007199254740991}', want: { a: 9007199254740991 } }, // the largest safe integer stays a number
  { given: '{"a":-9223372036854775808}', want: { a: -9223372036854775808n } },
  { given: '[12345678901234567890123]', want: [12345678901234567890123n] },
  { given: '{"f":1234567890123456.5,"e":1e300}', want: { f: 1234567890123456.5, e: 1e300 } }, // floats are not ints
  { given: '{"s":"9007199254740993","t":"a\\"b\\u4e2d"}', want: { s: '9007199254740993', t: 'a"b中' } }, // digits in strings stay strings
  { given: ' { "x" : [ 1 , true , false , null , {} , [] ] , "id" : 7091800003790954036 } ', want: { x: [1, true, false, null, {}, []], id: 7091800003790954036n } },
];
for (const c of parseCases) {
  test(`parseJson ${c.given}`, () => assert.deepEqual(parseJson(c.given), c.want));
}

test('parseJson: `__proto__` is an own key, never the prototype (both paths)', () => {
  for (const text of ['{"__proto__":{"polluted":1}}', '{"__proto__":{"polluted":1},"n":9007199254740993}']) {
    const value = parseJson(text) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.ok(Object.hasOwn(value, '__proto__'));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  }
  // A long integer under `__proto__` itself: restored on the own key, not handed to the prototype setter.
  const value = parseJson('{"__proto__":9007199254740993,"n":[{"__proto__":12345678901234567}]}') as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, 9007199254740993n);
  assert.equal(Object.getOwnPropertyDescriptor((value.n as object[])[0], '__proto__')?.value, 12345678901234567n);
});

const badCases = ['{"a":1,}', '{"a" 1}', '[1 2]', '{"a":01}', '{"n":12345678901234567', '"unterminated 1234567890123456', '{"a":1234567890123456} x', '{"a":"\u0001 1234567890123456"}', 'nul'];
for (const given of badCases) {
  test(`parseJson rejects ${JSON.stringify(given)}`, () => assert.throws(() => parseJson(given), SyntaxError));
}

test('parseJson: deep nesting is an error, not a stack overflow', () => {
  assert.throws(() => parseJson(`${'['.repeat(100000)}1234567890123456${']'.repeat(100000)}`), /nesting deeper than 512/);
});

function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) && !/[.e]/i.test(String(value));
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUnsafeInteger);
  return false;
}

test('parseJson: 2^53 is the first integer read as bigint', () => {
  assert.deepEqual(parseJson('[9007199254740991,9007199254740992]'), [9007199254740991, 9007199254740992n]);
});

test('parseJson agrees with JSON.parse on any JSON without unsafe integers, by either path', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      // 2^53 and beyond written as integers are exactly what must become bigint.
      fc.pre(!hasUnsafeInteger(value));
      const text = JSON.stringify(value);
      const expected = JSON.parse(text);
      assert.deepEqual(parseJson(text), expected);
      // Force the lossless path with a harmless long digit run in a key.
      const wrapped = `{"k1234567890123456":${text}}`;
      assert.deepEqual(parseJson(wrapped), { k1234567890123456: expected });
    }),
    { numRuns: 500 },
  );
});

test('int64 text round-trips exactly through parseJson and stringifyJson', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => {
      const text = `{"id":${n}}`;
      const parsed = parseJson(text) as { id: number | bigint };
      assert.equal(BigInt(parsed.id), n);
      assert.equal(stringifyJson(parsed), text);
    }),
    { numRuns: 1000 },
  );
});

const shape: Shape = {
  type: 'object',
  fields: { b: { type: 'string' }, a: { type: 'int64' }, list: { type: 'array', items: { type: 'object', fields: { y: { type: 'string' }, x: { type: 'int64' } } } } },
};
const writeCases: { name: string; given: unknown; shape?: Shape; want: string }[] = [
  { name: 'compact, bigint as digits', given: { a: 9007199254740993n, b: 'x' }, want: '{"a":9007199254740993,"b":"x"}' },
  { name: 'schema order first, unknown keys after', given: { z: 1, a: 2n, b: 'x' }, shape, want: '{"b":"x","a":2,"z":1}' },
  { name: 'nested arrays follow the item shape', given: { list: [{ x: 1n, y: 'y' }] }, shape, want: '{"list":[{"y":"y","x":1}]}' },
  { name: 'null and undefined fields are left out', given: { a: null, b: undefined, c: '' }, want: '{"c":""}' },
  { name: 'non-ASCII stays raw UTF-8', given: { s: '中国石化 😀' }, want: '{"s":"中国石化 😀"}' },
];
for (const c of writeCases) {
  test(`stringifyJson: ${c.name}`, () => assert.equal(stringifyJson(c.given, c.shape), c.want));
}

test('stringifyJson refuses what JSON cannot carry, naming the path', () => {
  assert.throws(() => stringifyJson({ a: { b: Number.NaN } }), /a\.b is NaN/);
  assert.throws(() => stringifyJson({ f: () => 1 }), /f is a function/);
  assert.throws(() => stringifyJson({ s: Symbol('x') }), /s is a symbol/);
});

test('parseJson: a string that looks like the internal marker stays a string (the marker cannot be forged)', () => {
  const text = '{"forged":"\\u0000int:99999999999999999999","real":99999999999999999999}';
  assert.deepEqual(parseJson(text), { forged: '\u0000int:99999999999999999999', real: 99999999999999999999n });
});

test('parseJson: all three paths agree (native, marked long integers, hand-written parser)', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (value, big) => {
      fc.pre(!hasUnsafeInteger(value));
      const body = JSON.stringify(value);
      const marked = parseJson(`{"v":${body},"n":${big},"s":"quote \\" and \\\\ 12345678901234567"}`) as Record<string, unknown>;
      const handWritten = parseJson(`{"v":${body},"n":${big},"s":"quote \\" and \\\\ 12345678901234567","z":"\\u0000"}`) as Record<string, unknown>;
      assert.deepEqual(marked.v, JSON.parse(body));
      assert.equal(BigInt(marked.n as bigint), big);
      assert.equal(marked.s, 'quote " and \\ 12345678901234567');
      assert.deepEqual({ ...handWritten, z: undefined }, { ...marked, z: undefined });
    }),
    { numRuns: 300 },
  );
});

// Long integers anywhere in a random tree: the marked path stops walking once
// every mark is restored, so marks in late fields, deep in arrays or after
// other marks must all still come back (and nothing else change).
type Tree = bigint | string | boolean | null | number | Tree[] | { [key: string]: Tree };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    // An integral double past 2^53 is written as an integer token, and so is read as bigint: the bigints cover those.
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Number.isInteger(d) || Number.isSafeInteger(d)),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 }),
  ),
})).node;
const serialize = (t: Tree): string =>
  typeof t === 'bigint'
    ? String(t)
    : Array.isArray(t)
      ? `[${t.map(serialize).join(',')}]`
      : typeof t === 'object' && t !== null
        ? `{${Object.entries(t)
            .map(([k, v]) => `${JSON.stringify(k)}:${serialize(v)}`)
            .join(',')}}`
        : JSON.stringify(t);
const expected = (t: Tree): unknown => {
  if (typeof t === 'bigint') return Number.isSafeInteger(Number(t)) ? Number(t) : t;
  if (Array.isArray(t)) return t.map(expected);
  if (typeof t === 'object' && t !== null) {
    const out = {};
    // defineProperty: a `__proto__` key is an own key, as JSON.parse makes it.
    for (const [k, v] of Object.entries(t)) Object.defineProperty(out, k, { value: expected(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return JSON.parse(JSON.stringify(t)); // -0 reads back as 0
};

test('parseJson: every long integer of a random tree comes back exactly, wherever it sits', () => {
  fc.assert(
    fc.property(tree, fc.array(fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }), { minLength: 1, maxLength: 3 }), (value, bigs) => {
      // At least one unsafe integer, after the random part, so the marked path runs.
      const text = `{"v":${serialize(value)},"late":[${bigs.join(',')}]}`;
      assert.deepEqual(parseJson(text), { v: expected(value), late: bigs });
    }),
    { numRuns: 400 },
  );
});

test('parseJson: an enumerable key inherited from a polluted prototype is not walked into', () => {
  const proto = Object.prototype as Record<string, unknown>;
  proto.pollutedForTest = { n: '\u0000int:1' };
  try {
    const value = parseJson('{"a":{"b":1},"n":9007199254740993}') as Record<string, unknown>;
    assert.equal(value.n, 9007199254740993n);
    assert.deepEqual(proto.pollutedForTest, { n: '\u0000int:1' });
  } finally {
    delete proto.pollutedForTest;
  }
});
