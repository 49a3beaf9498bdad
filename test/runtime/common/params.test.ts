import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { encodeForm } from '../../../runtime/common/form.ts';
import { decodeParams, encodeParams, type ParamSpecs } from '../../../runtime/common/params.ts';
import { reviveInt64, type Shape } from '../../../runtime/common/shape.ts';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`# params: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

const dto: Shape = { type: 'object', fields: { id: { type: 'int64' }, name: { type: 'string' }, ok: { type: 'boolean' } } };
const specs: ParamSpecs = {
  param0: { shape: dto, required: true, encoding: 'json' },
  price: { shape: { type: 'int64' }, required: true, encoding: 'text' },
  note: { shape: { type: 'string' }, required: false, encoding: 'text' },
  flag: { shape: { type: 'boolean' }, required: false, encoding: 'text' },
};

test('encodeParams: DTO as compact JSON, int64 as digits, boolean as true/false, absent left out', () => {
  const { fields, problems } = encodeParams({ param0: { name: '张', id: 9007199254740993n }, price: 500n, flag: false }, specs);
  assert.deepEqual(problems, []);
  assert.deepEqual(fields, { param0: '{"id":9007199254740993,"name":"张"}', price: '500', flag: 'false' });
});

test('encodeParams: an empty required value is a problem, an empty optional one is dropped', () => {
  const { fields, problems } = encodeParams({ param0: {}, price: 1n, note: '   ' }, { ...specs, note: { shape: { type: 'string' }, required: true, encoding: 'text' } });
  assert.deepEqual(problems, [{ path: 'note', message: 'is required, and TOP does not send an empty or blank value' }]);
  assert.equal(fields.note, undefined);
  assert.equal(encodeParams({ param0: {}, price: 1n, note: '' }, specs).problems.length, 0);
});

test('encodeParams: a lone surrogate in a plain string cannot be sent as UTF-8, and the path says where', () => {
  const { problems } = encodeParams({ param0: {}, price: 1n, note: 'a\uD800b' }, specs);
  assert.deepEqual(problems, [{ path: 'note', message: 'holds a lone UTF-16 surrogate, which cannot be sent as UTF-8' }]);
});

test('encodeParams: inside a DTO a lone surrogate is written as a JSON escape and survives the trip', () => {
  const { fields, problems } = encodeParams({ param0: { name: 'a\uD800b' }, price: 1n }, specs);
  assert.deepEqual(problems, []);
  assert.equal(fields.param0, '{"name":"a\\ud800b"}');
  assert.equal((decodeParams(fields, specs).params.param0 as { name: string }).name, 'a\uD800b');
});

test('decodeParams: the inverse of encodeParams, int64 to bigint', () => {
  const { params, problems } = decodeParams({ param0: '{"id":9007199254740993,"name":"张","ok":true}', price: '-42', flag: 'true', note: 'x', unknown: 'y' }, specs);
  assert.deepEqual(problems, []);
  assert.deepEqual(params, { param0: { id: 9007199254740993n, name: '张', ok: true }, price: -42n, flag: true, note: 'x' });
});

test('decodeParams: bad JSON is named; wrong scalar types are left for the validator', () => {
  const { params, problems } = decodeParams({ param0: '{"id":', price: '12.5', flag: 'yes' }, specs);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.path, 'param0');
  assert.match(problems[0]!.message, /is not valid JSON/);
  assert.deepEqual(params, { price: '12.5', flag: 'yes' });
});

test('reviveInt64: numbers and digit strings become bigint; other values are left alone', () => {
  const shape: Shape = { type: 'object', fields: { a: { type: 'int64' }, b: { type: 'array', items: { type: 'int64' } }, c: { type: 'string' } } };
  assert.deepEqual(reviveInt64({ a: 1, b: [2, '3', 4.5, 'x'], c: '5' }, shape), { a: 1n, b: [2n, 3n, 4.5, 'x'], c: '5' });
});

test('encodeForm: UTF-8 percent-encoding that a form parser reverses exactly', () => {
  const fields = { a: 'x y&z=1', b: '中国😀', c: '{"k":"v+w"}' };
  assert.deepEqual(Object.fromEntries(new URLSearchParams(encodeForm(fields))), fields);
});

// encodeForm skips encodeURIComponent for values of unreserved characters and
// encodes each name once: the bytes must be those of the plain encoding.
test(`encodeForm writes exactly encodeURIComponent's name=value pairs (seed ${SEED})`, () => {
  const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[\w.!~*'()-]{0,12}$/), fc.constantFrom('', ' ', '2.0', 'md5', '2026-11-26 12:00:00', 'a+b', '%41', '中国'));
  fc.assert(
    fc.property(fc.dictionary(text, text, { maxKeys: 6 }), (fields) => {
      const want = Object.entries(fields)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      assert.equal(encodeForm(fields), want);
      assert.equal(encodeForm(fields), want, 'the second time (names from the cache)');
    }),
    { seed: SEED, numRuns: 500 },
  );
});
