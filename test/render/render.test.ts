// The render steps as tables: a tiny spec fragment, through the model, to the
// exact piece of output each renderer prints for it (TypeScript types,
// validator schemas, the client's shape expressions and literals, parameter
// descriptors, answer examples on the wire). In process; milliseconds a row,
// except the one openapi-typescript call per types row.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../generator/model/build-model.ts';
import { paramSpec, wireAnswerExample } from '../../generator/model/runtime-shapes.ts';
import type { ApiModel } from '../../generator/model/types.ts';
import { shapeExpression, tsLiteral } from '../../generator/render/client-view.ts';
import { renderTypes } from '../../generator/render/types.ts';
import { validatorSchemas } from '../../generator/render/validator-schemas.ts';
import { PRICE_TEXT } from '../../runtime/common/top-values.ts';
import { type Fragment, fragmentDocument, ROOT } from '../support/spec-fragment.ts';

const DTO = { Item: { type: 'object', required: ['sku_id'], properties: { sku_id: { type: 'integer', format: 'int64' }, title: { type: 'string' } } } };
const model = (f: Fragment): ApiModel => buildModel(fragmentDocument(f));
const param = (f: Fragment, name = 'a') => model(f).operations[0]!.params.find((p) => p.name === name)!;

// ---- TypeScript types (openapi-typescript, told by the model what each scalar is)

/** The members of one schema's type, whitespace and JSDoc dropped: `a?: bigint; s: string;`. */
function membersOf(types: string, schema: string): string {
  const start = types.indexOf(`${schema}: {`);
  assert.ok(start !== -1, `no ${schema} in the types`);
  let depth = 0;
  let end = start;
  for (let i = types.indexOf('{', start); i < types.length; i++) {
    if (types[i] === '{') depth++;
    if (types[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  return types
    .slice(types.indexOf('{', start) + 1, end)
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const typeRows: { name: string; given: Fragment; schema: string; want: string }[] = [
  {
    // A request's optional field takes undefined too (read as left out; exactOptionalPropertyTypes callers).
    name: 'int64 is bigint; required is not optional',
    given: { request: { a: { type: 'integer', format: 'int64' }, s: { type: 'string' } }, required: ['s'] },
    schema: 'ThingRequest',
    want: 'a?: bigint | undefined; s: string;',
  },
  { name: 'int32 stays number', given: { request: { a: { type: 'integer', format: 'int32' } } }, schema: 'ThingRequest', want: 'a?: number | undefined;' },
  { name: 'a default makes a parameter optional', given: { request: { a: { type: 'boolean', default: true } } }, schema: 'ThingRequest', want: 'a?: boolean | undefined;' },
  {
    name: 'a Date in a request DTO takes a Date or its text',
    given: {
      request: { a: { $ref: '#/components/schemas/When' } },
      encoding: { a: { contentType: 'application/json' } },
      schemas: { When: { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } } },
    },
    schema: 'When',
    want: 'at?: Date | string | undefined;',
  },
  { name: 'a top-level Date parameter takes a Date or its text', given: { request: { a: { type: 'string', format: 'date-time' } } }, schema: 'ThingRequest', want: 'a?: Date | string | undefined;' },
  { name: 'a Date in an answer is text', given: { response: { at: { type: 'string', format: 'date-time' } } }, schema: 'ThingResponse', want: 'at?: string;' },
  {
    name: 'int64 inside a list of DTOs in an answer',
    given: { response: { items: { type: 'array', items: { $ref: '#/components/schemas/Item', xml: { name: 'item' } } } }, schemas: DTO },
    schema: 'Item',
    want: 'sku_id: bigint; title?: string;',
  },
  { name: 'a file is a TopFileInput', given: { multipart: true, request: { a: { type: 'string', format: 'binary' } } }, schema: 'ThingRequest', want: 'a?: TopFileInput | undefined;' },
];
for (const row of typeRows) {
  test(`render, types: ${row.name}`, async () => {
    assert.equal(membersOf(await renderTypes(model(row.given)), row.schema), row.want);
  });
}

// ---- Validator schemas (compiled by ajv standalone)

const schemaRows: { name: string; given: Fragment; side: 'req' | 'res'; want: unknown }[] = [
  { name: 'int64 is the x-int64 keyword', given: { request: { a: { type: 'integer', format: 'int64' } } }, side: 'req', want: { 'x-int64': true } },
  {
    name: 'int64 bounds travel as text (exact)',
    given: { request: { a: { type: 'integer', format: 'int64', minimum: 1, maximum: 100 } } },
    side: 'req',
    want: { 'x-int64': true, 'x-int64-minimum': '1', 'x-int64-maximum': '100' },
  },
  { name: 'int32 has its range', given: { request: { a: { type: 'integer', format: 'int32' } } }, side: 'req', want: { type: 'integer', minimum: -2147483648, maximum: 2147483647 } },
  { name: 'a request Date takes a Date or GMT+8 text', given: { request: { a: { type: 'string', format: 'date-time' } } }, side: 'req', want: { 'x-top-date': 'date-time' } },
  { name: 'a Price is decimal text', given: { request: { a: { type: 'string', format: 'price' } } }, side: 'req', want: { type: 'string', pattern: PRICE_TEXT.source } },
  // Lengths count code points through x-max-length (no ajv runtime module needed in the standalone code).
  { name: 'string constraints as they are', given: { request: { a: { type: 'string', maxLength: 8, enum: ['X', 'Y'] } } }, side: 'req', want: { type: 'string', 'x-max-length': 8, enum: ['X', 'Y'] } },
  { name: 'an answer string may be null (TOP leaves it out)', given: { response: { a: { type: 'string' } } }, side: 'res', want: { type: ['string', 'null'] } },
  { name: 'an answer int64 may be null', given: { response: { a: { type: 'integer', format: 'int64' } } }, side: 'res', want: { 'x-int64': 'nullable' } },
  {
    name: 'a DTO is a reference to its definition',
    given: { request: { a: { $ref: '#/components/schemas/Item' } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO },
    side: 'req',
    want: { $ref: '#/$defs/req_Item' },
  },
];
for (const row of schemaRows) {
  test(`render, validator schema: ${row.name}`, () => {
    const { root } = validatorSchemas(model(row.given));
    const def = (root.$defs as Record<string, { properties: Record<string, unknown> }>)[row.side === 'req' ? 'req_ThingRequest' : 'res_ThingResponse']!;
    assert.deepEqual(def.properties.a, row.want);
  });
}

test('render, validator schema: requests are closed, answers open; the entry points name each operation', () => {
  const { root, exports } = validatorSchemas(model({ request: { a: { type: 'string' } }, required: ['a'], response: { b: { type: 'string' } } }));
  const defs = root.$defs as Record<string, Record<string, unknown>>;
  assert.equal(defs.req_ThingRequest!.additionalProperties, false);
  assert.deepEqual(defs.req_ThingRequest!.required, ['a']);
  assert.equal('additionalProperties' in defs.res_ThingResponse!, false);
  assert.deepEqual(exports, { validateRequest_alibabaFixtureThingDo: 'top#/$defs/req_ThingRequest', validateResponse_alibabaFixtureThingDo: 'top#/$defs/res_ThingResponse' });
});

// ---- What the client templates print

const expressionRows: { name: string; given: Fragment; want: string }[] = [
  { name: 'a scalar is its kind', given: { request: { a: { type: 'integer', format: 'int64' } } }, want: 'int64' },
  { name: 'a DTO by its name', given: { request: { a: { $ref: '#/components/schemas/Item' } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO }, want: 'Item' },
  { name: 'a comma-joined list', given: { request: { a: { type: 'array', items: { type: 'string' } } } }, want: "{ type: 'array', items: string }" },
];
for (const row of expressionRows) {
  test(`render, client shape expression: ${row.name}`, () => {
    assert.equal(shapeExpression(param(row.given).shape), row.want);
  });
}

test('render, client shape expression: an answer list carries its item element', () => {
  const field = model({ response: { items: { type: 'array', items: { $ref: '#/components/schemas/Item', xml: { name: 'item' } } } }, schemas: DTO }).operations[0]!.response[0]!;
  assert.equal(shapeExpression(field.shape), `{ type: 'array', items: Item, itemName: "item" }`);
});

const literalRows: { name: string; value: unknown; given: Fragment; want: string }[] = [
  { name: 'an int64 above 2^53 as a bigint literal', value: 9007199254740993n, given: { request: { a: { type: 'integer', format: 'int64' } } }, want: '9007199254740993n' },
  { name: 'an int64 field written as a number', value: 5, given: { request: { a: { type: 'integer', format: 'int64' } } }, want: '5n' },
  { name: 'an int32 stays a number', value: 5, given: { request: { a: { type: 'integer', format: 'int32' } } }, want: '5' },
  {
    name: 'a DTO with int64 inside',
    value: { sku_id: 7, title: 't' },
    given: { request: { a: { $ref: '#/components/schemas/Item' } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO },
    want: '{\n  sku_id: 7n,\n  title: "t",\n}',
  },
];
for (const row of literalRows) {
  test(`render, TypeScript literal: ${row.name}`, () => {
    assert.equal(tsLiteral(row.value, param(row.given).shape), row.want);
  });
}

// ---- Parameter descriptors (what the client encodes and the gateway decodes by)

const specRows: { name: string; given: Fragment; want: unknown }[] = [
  {
    name: 'a default is carried as the wire text the gateway applies',
    given: { request: { a: { type: 'boolean', default: true } } },
    want: { shape: { type: 'boolean' }, required: false, encoding: 'text', default: 'true' },
  },
  { name: 'an int64 default', given: { request: { a: { type: 'integer', format: 'int64', default: 20 } } }, want: { shape: { type: 'int64' }, required: false, encoding: 'text', default: '20' } },
  {
    name: 'a list default comma-joined',
    given: { request: { a: { type: 'array', items: { type: 'string' }, default: ['tid', 'title'] } } },
    want: { shape: { type: 'array', items: { type: 'string' } }, required: false, encoding: 'comma', default: 'tid,title' },
  },
  {
    name: 'a file part has no default',
    given: { multipart: true, request: { a: { type: 'string', format: 'binary' } }, required: ['a'] },
    want: { shape: { type: 'file' }, required: true, encoding: 'file' },
  },
];
for (const row of specRows) {
  test(`render, parameter descriptor: ${row.name}`, () => {
    assert.deepEqual(paramSpec(param(row.given)), row.want);
  });
}

test('render, answer example on the wire: each list wrapped in its item element', () => {
  const op = model({ response: { items: { type: 'array', items: { $ref: '#/components/schemas/Item', xml: { name: 'item' } } } }, schemas: DTO }).operations[0]!;
  assert.deepEqual(wireAnswerExample(op, { [ROOT]: { items: [{ sku_id: 1 }, { sku_id: 2 }] } }), { [ROOT]: { items: { item: [{ sku_id: 1 }, { sku_id: 2 }] } } });
});
