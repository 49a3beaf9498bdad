// The lossless JSON reader against a model of what it promises: every integer
// token beyond 2^53 becomes a bigint, nothing else changes, `__proto__` stays
// data, and it accepts exactly the texts JSON.parse accepts. Written by the
// review rev4 (2026-11-26), which found malformed texts the marker pass made
// valid and an int64 in a TOP-wrapped list rounded. Randomized: the seed is
// printed; replay one with FC_SEED=<seed>.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseJson, parseJsonAs } from '../../../runtime/common/json.ts';
import type { Shape } from '../../../runtime/common/shape.ts';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`# json-model: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

/** A JSON value together with the text it is written as and the value a lossless reader must give. */
type Node = { text: string; want: unknown };

const ws = fc.constantFrom('', '', '', ' ', '\n', '\t', '\r\n  ');

// Integer tokens: small, around 2^53, and long runs of digits (up to 40).
const intToken = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.bigInt({ min: 2n ** 53n - 5n, max: 2n ** 53n + 5n }).map((b) => (Math.random() < 0.5 ? '-' : '') + b.toString()),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 40n }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: -(10n ** 15n) }).map(String),
);
const intNode: fc.Arbitrary<Node> = intToken.map((t) => {
  const n = Number(t);
  return { text: t, want: Number.isSafeInteger(n) ? n : BigInt(t) };
});
// Fractions and exponents, with long digit runs on either side: numbers, never bigint.
const decimalNode: fc.Arbitrary<Node> = fc
  .tuple(intToken, fc.option(fc.stringMatching(/^\d{1,25}$/)), fc.option(fc.tuple(fc.constantFrom('e', 'E', 'e+', 'e-', 'E-'), fc.stringMatching(/^\d{1,20}$/))))
  .filter(([, f, e]) => f !== null || e !== null)
  .map(([i, f, e]) => {
    const t = `${i}${f !== null ? `.${f}` : ''}${e !== null ? `${e[0]}${e[1]}` : ''}`;
    return { text: t, want: Number(t) };
  });
// Strings that look like numbers, markers, escapes.
const trickyString = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\d{14,30}$/),
  fc.constantFrom('\u0000int:12345678901234567890', 'int:9007199254740993', '\\', '\\"', '"', '\\\\', '\\u0000int:1', '__proto__', '9007199254740993', '-9007199254740993'),
  fc.tuple(fc.constantFrom('\\', '\\\\', '"', '\\"', ''), fc.stringMatching(/^\d{16,22}$/)).map(([a, b]) => a + b),
);
/** JSON text of a string, sometimes with every character escaped as \uXXXX (still the same string). */
const stringNode: fc.Arbitrary<Node> = fc.tuple(trickyString, fc.boolean()).map(([s, escapeAll]) => ({
  text: escapeAll ? `"${Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(s),
  want: s,
}));
const keyArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'a', 'id', '12345678901234567890'), fc.string({ maxLength: 6 }));

const { node } = fc.letrec<{ node: Node; leaf: Node; arr: Node; obj: Node }>((tie) => ({
  leaf: fc.oneof(intNode, intNode, decimalNode, stringNode, fc.constantFrom<Node>({ text: 'true', want: true }, { text: 'false', want: false }, { text: 'null', want: null })),
  arr: fc.tuple(fc.array(fc.tuple(ws, tie('node'), ws), { maxLength: 5 }), ws).map(([items, w]) => ({
    text: items.length ? `[${items.map(([a, n, b]) => a + n.text + b).join(',')}]` : `[${w}]`,
    want: items.map(([, n]) => n.want),
  })),
  obj: fc.tuple(fc.uniqueArray(fc.tuple(keyArb, ws, tie('node')), { maxLength: 5, selector: ([k]) => k }), ws).map(([entries, w]) => {
    const want: Record<string, unknown> = {};
    for (const [k, , n] of entries) Object.defineProperty(want, k, { value: n.want, writable: true, enumerable: true, configurable: true });
    return { text: entries.length ? `{${entries.map(([k, w2, n]) => `${w2}${JSON.stringify(k)}${w2}:${w2}${n.text}`).join(',')}}` : `{${w}}`, want };
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('arr'), tie('obj')),
}));

const show = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));

test(`parseJson gives every integer token beyond 2^53 as bigint and changes nothing else (fast path and exact parser; seed ${SEED})`, () => {
  fc.assert(
    fc.property(node, ws, ({ text, want }, w) => {
      const doc = `${w}${text}${w}`;
      assert.deepStrictEqual(parseJson(doc), want, `fast path: ${doc}`);
      // A text holding an escaped U+0000 is read by the hand-written parser: same answer.
      assert.deepStrictEqual(parseJson(`[${doc},"\\u0000"]`), [want, '\u0000'], `exact parser: ${doc}`);
    }),
    { seed: SEED, numRuns: 600 },
  );
});

// Texts one edit away from valid JSON that holds long digit runs: accepted
// exactly when JSON.parse accepts them (a malformed answer is refused, never
// read into something).
test(`parseJson accepts exactly what JSON.parse accepts (mutated texts; seed ${SEED})`, () => {
  const edits = fc.constantFrom('', '0', '00', '-', '"', '\\', ':', ',', '{', '}', '[', ']', '.', 'e', ' ', '1234567890123456789');
  fc.assert(
    fc.property(node, fc.nat(), fc.nat({ max: 2 }), edits, ({ text }, at, remove, insert) => {
      const i = at % (text.length + 1);
      const doc = text.slice(0, i) + insert + text.slice(i + remove);
      let native: unknown;
      let nativeOk = true;
      try {
        native = JSON.parse(doc);
      } catch {
        nativeOk = false;
      }
      let ours: unknown;
      let oursOk = true;
      try {
        ours = parseJson(doc);
      } catch {
        oursOk = false;
      }
      assert.equal(oursOk, nativeOk, `${doc}: JSON.parse ${nativeOk ? 'accepts' : 'refuses'} it, parseJson ${oursOk ? `reads ${show(ours)}` : 'refuses it'}`);
      // parseJsonAs with an int64 shape (its exact parser when the text holds a fraction or exponent): the same.
      let asOk = true;
      try {
        parseJsonAs(doc, { type: 'object', fields: { a: { type: 'int64' }, id: { type: 'int64' } } });
      } catch {
        asOk = false;
      }
      assert.equal(asOk, nativeOk, `${doc}: JSON.parse ${nativeOk ? 'accepts' : 'refuses'} it, parseJsonAs ${asOk ? 'reads it' : 'refuses it'}`);
      void native;
    }),
    { seed: SEED, numRuns: 1500 },
  );
});

// Hand-picked: malformed texts the marker pass turns into valid JSON.
for (const text of [
  '{12345678901234567890:1}',
  '[00000000000000001234]',
  '[-0000000000000000]',
  '{"a":{12345678901234567:"x"}}',
  `{1234567890123456${' '.repeat(100)}:1}`,
  '[1,\n12345678901234567\t:2]',
]) {
  test(`parseJson refuses the malformed ${text} (JSON.parse does)`, () => {
    assert.throws(() => JSON.parse(text), SyntaxError);
    assert.throws(() => parseJson(text), SyntaxError);
    assert.throws(() => parseJsonAs(text, { type: 'object', fields: {} }), SyntaxError);
  });
}

// int64 written with a fraction or exponent: refused, never rounded, wherever
// the int64 sits, TOP's wrapped lists ({"ids":{"id":[…]}}) included.
test('parseJsonAs keeps an int64 written as 9007199254740993.0 as text inside a TOP-wrapped list too', () => {
  const int64: Shape = { type: 'int64' };
  const shape: Shape = { type: 'object', fields: { ids: { type: 'array', itemName: 'id', items: int64 }, rows: { type: 'array', itemName: 'row', items: { type: 'object', fields: { n: int64 } } } } };
  const plain = parseJsonAs('{"ids":[9007199254740993.0]}', shape) as { ids: unknown[] };
  assert.equal(plain.ids[0], '9007199254740993.0', 'a plain list keeps the text');
  const wrapped = parseJsonAs('{"ids":{"id":[9007199254740993.0]},"rows":{"row":[{"n":1e16}]}}', shape) as { ids: { id: unknown[] }; rows: { row: { n: unknown }[] } };
  assert.equal(wrapped.ids.id[0], '9007199254740993.0', `a wrapped list rounded it to ${show(wrapped.ids.id[0])}`);
  assert.equal(wrapped.rows.row[0]!.n, '1e16', `a wrapped list of objects made it ${show(wrapped.rows.row[0]!.n)}`);
});

// parseJsonAs makes the marks in int64 fields bigint during its shape walk and
// walks the whole value only for marks left elsewhere: int64 fields beside,
// inside and around untyped values holding long integers of their own.
test(`parseJsonAs gives int64 fields as bigint and every other integer beyond 2^53 as bigint, wherever the long integers sit (seed ${SEED})`, () => {
  const int64: Shape = { type: 'int64' };
  const shape: Shape = { type: 'object', fields: { a: int64, id: int64, n: { type: 'object', fields: { id: int64, ids: { type: 'array', items: int64 } } } } };
  const int64Node = intToken.map((t) => ({ text: t, want: BigInt(t) }));
  const field = (name: string, value: fc.Arbitrary<Node>) =>
    fc.option(
      value.map((v) => [name, v] as const),
      { nil: undefined },
    );
  const objectOf = (entries: (readonly [string, Node] | undefined)[]): Node => {
    const present = entries.filter((e) => e !== undefined);
    const want: Record<string, unknown> = {};
    for (const [k, v] of present) want[k] = v.want;
    return { text: `{${present.map(([k, v]) => `${JSON.stringify(k)}:${v.text}`).join(',')}}`, want };
  };
  const ids = fc.array(int64Node, { maxLength: 4 }).map((items) => ({ text: `[${items.map((i) => i.text).join(',')}]`, want: items.map((i) => i.want) }));
  const inner = fc.tuple(field('x', node), field('id', int64Node), field('ids', ids), field('y', node)).map(objectOf);
  const doc = fc.tuple(field('x', node), field('a', int64Node), field('n', inner), field('id', int64Node), field('y', node)).map(objectOf);
  fc.assert(
    fc.property(doc, ({ text, want }) => {
      assert.deepStrictEqual(parseJsonAs(text, shape), want, text);
    }),
    { seed: SEED, numRuns: 600 },
  );
});
