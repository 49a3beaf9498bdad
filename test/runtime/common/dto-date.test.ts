// A TOP Date inside a DTO parameter: the client's types and validators take a
// JS Date there as at the top level, and TOP's Java JSONWriter writes a Date
// as the GMT+8 text `"yyyy-MM-dd HH:mm:ss"` inside the DTO's JSON. A Date
// object written as JSON by its own keys is `{}`: the value was lost on the
// wire and the gateway answered 41 for a call the client had accepted.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeParams, type ParamSpecs } from '../../../runtime/common/params.ts';
import type { Shape } from '../../../runtime/common/shape.ts';

const query: Shape = {
  type: 'object',
  fields: { at: { type: 'date-time' }, day: { type: 'date' }, times: { type: 'array', items: { type: 'date-time' } } },
};
const specs: ParamSpecs = {
  query: { shape: query, required: false, encoding: 'json' },
  items: { shape: { type: 'array', items: query }, required: false, encoding: 'json' },
};
// 2000-01-01 00:00:00 in GMT+8, whatever this host's zone.
const NEW_YEAR = new Date('1999-12-31T16:00:00.999Z');

test('a Date inside a DTO (and in a list inside one, and in a list of DTOs) travels as its GMT+8 text, as TOP writes it', () => {
  const { fields, problems } = encodeParams({ query: { at: NEW_YEAR, day: NEW_YEAR, times: [NEW_YEAR] }, items: [{ at: NEW_YEAR }] }, specs);
  assert.deepEqual(problems, []);
  assert.equal(fields.query, '{"at":"2000-01-01 00:00:00","day":"2000-01-01","times":["2000-01-01 00:00:00"]}');
  assert.equal(fields.items, '[{"at":"2000-01-01 00:00:00"}]');
});

test('a Date text inside a DTO is sent as given', () => {
  const { fields } = encodeParams({ query: { at: '2000-01-01 00:00:00' } }, specs);
  assert.equal(fields.query, '{"at":"2000-01-01 00:00:00"}');
});
