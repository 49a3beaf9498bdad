// The model step as a table, the way openapi-typescript tests its transforms:
// a tiny spec fragment given, the model's reading of it wanted. In process,
// no YAML or CLI: each row takes milliseconds. Rows that want a ModelError
// name the pointer and the message, as a spec author sees them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../generator/model/build-model.ts';
import { type FieldModel, ModelError } from '../../generator/model/types.ts';
import { type Fragment, fragmentDocument } from '../support/spec-fragment.ts';

const DTO = { Item: { type: 'object', required: ['sku_id'], properties: { sku_id: { type: 'integer', format: 'int64' }, title: { type: 'string' } } } };

/** The parts of a field a row checks; any other part of the model may change freely. */
type FieldWant = Partial<Pick<FieldModel, 'required' | 'typeLabel' | 'topType' | 'encoding' | 'hasDefault' | 'default' | 'constraints' | 'example'>> & { itemName?: string };

function pick(field: FieldModel, want: FieldWant): FieldWant {
  const got: Record<string, unknown> = {};
  for (const key of Object.keys(want)) {
    got[key] = key === 'itemName' ? (field.shape.kind === 'array' ? field.shape.itemName : undefined) : field[key as keyof FieldModel];
  }
  return got as FieldWant;
}

const requestRows: { name: string; given: Fragment; want: FieldWant }[] = [
  { name: 'a string is text', given: { request: { a: { type: 'string' } }, required: ['a'] }, want: { required: true, typeLabel: 'string', topType: 'String', encoding: 'text' } },
  { name: 'int64 is a TOP Number', given: { request: { a: { type: 'integer', format: 'int64' } } }, want: { required: false, typeLabel: 'int64', topType: 'Number', encoding: 'text' } },
  { name: 'int32 is a Number too', given: { request: { a: { type: 'integer', format: 'int32' } } }, want: { typeLabel: 'int32', topType: 'Number' } },
  { name: 'a number', given: { request: { a: { type: 'number' } } }, want: { typeLabel: 'number', topType: 'Number', encoding: 'text' } },
  {
    name: 'a boolean with a default is optional and keeps the default',
    given: { request: { a: { type: 'boolean', default: true } } },
    want: { required: false, hasDefault: true, default: true, topType: 'Boolean' },
  },
  { name: 'date-time is a TOP Date', given: { request: { a: { type: 'string', format: 'date-time' } } }, want: { typeLabel: 'date-time', topType: 'Date', encoding: 'text' } },
  { name: 'format price is a TOP Price', given: { request: { a: { type: 'string', format: 'price' } } }, want: { typeLabel: 'price', topType: 'Price' } },
  {
    name: 'a Json parameter is already JSON text: sent as it is',
    given: { request: { a: { type: 'string', contentMediaType: 'application/json' } } },
    want: { typeLabel: 'json', topType: 'Json', encoding: 'text' },
  },
  { name: 'a list of strings is comma-joined', given: { request: { a: { type: 'array', items: { type: 'string' } } } }, want: { typeLabel: 'string[]', topType: 'String []', encoding: 'comma' } },
  {
    name: 'a list of int64 as JSON when the spec says so',
    given: { request: { a: { type: 'array', items: { type: 'integer', format: 'int64' } } }, encoding: { a: { contentType: 'application/json' } } },
    want: { typeLabel: 'int64[]', encoding: 'json' },
  },
  {
    name: 'a DTO travels as JSON text',
    given: { request: { a: { $ref: '#/components/schemas/Item' } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO },
    want: { typeLabel: 'Item', topType: 'Item', encoding: 'json' },
  },
  {
    name: 'a list of DTOs travels as JSON text',
    given: { request: { a: { type: 'array', items: { $ref: '#/components/schemas/Item' } } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO },
    want: { typeLabel: 'Item[]', topType: 'Item []', encoding: 'json' },
  },
  { name: 'a file (byte[]) is a multipart part', given: { multipart: true, request: { a: { type: 'string', format: 'binary' } } }, want: { typeLabel: 'file', topType: 'byte[]', encoding: 'file' } },
  {
    name: 'constraints are kept; int64 bounds as bigint',
    given: { request: { a: { type: 'integer', format: 'int64', minimum: 1, maximum: 100 }, b: { type: 'string', maxLength: 8, enum: ['X', 'Y'] } } },
    want: { constraints: { minimum: 1n, maximum: 100n } },
  },
  {
    name: 'an int64 example above 2^53 keeps every digit (from the source text)',
    // The bundled document holds the double the YAML parser read (…992); the source text has every digit.
    given: { request: { a: { type: 'integer', format: 'int64', examples: [Number('9007199254740993')] } }, sourceText: 'a:\n  type: integer\n  format: int64\n  examples: [9007199254740993]\n' },
    want: { example: 9007199254740993n },
  },
];

for (const row of requestRows) {
  test(`model, request field: ${row.name}`, () => {
    const model = buildModel(fragmentDocument(row.given));
    const field = model.operations[0]!.params.find((p) => p.name === 'a')!;
    assert.deepEqual(pick(field, row.want), row.want);
  });
}

test('model, request field: the string beside keeps its own constraints', () => {
  const model = buildModel(fragmentDocument(requestRows.find((r) => r.name.startsWith('constraints'))!.given));
  assert.deepEqual(model.operations[0]!.params.find((p) => p.name === 'b')!.constraints, { maxLength: 8, enum: ['X', 'Y'] });
});

const answerRows: { name: string; given: Fragment; want: FieldWant }[] = [
  {
    name: 'an answer list names its item element (TOP wraps lists)',
    given: { response: { items: { type: 'array', items: { $ref: '#/components/schemas/Item', xml: { name: 'item' } } } }, schemas: DTO },
    want: { typeLabel: 'Item[]', itemName: 'item', encoding: undefined },
  },
  {
    name: "the item schema's own xml name counts too",
    given: { response: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } }, schemas: { Item: { ...DTO.Item, xml: { name: 'the_item' } } } },
    want: { itemName: 'the_item' },
  },
  { name: 'an int64 answer field', given: { response: { id: { type: 'integer', format: 'int64' } } }, want: { typeLabel: 'int64', topType: 'Number' } },
];
for (const row of answerRows) {
  test(`model, answer field: ${row.name}`, () => {
    const model = buildModel(fragmentDocument(row.given));
    const field = model.operations[0]!.response[0]!;
    assert.deepEqual(pick(field, row.want), row.want);
  });
}

test('model, operation: method, root, session, query or payment', () => {
  const query = buildModel(fragmentDocument({ request: { a: { type: 'string' } } })).operations[0]!;
  assert.deepEqual(
    [query.method, query.operationId, query.responseRoot, query.session, query.query, query.idempotencyKey, query.multipart],
    ['alibaba.fixture.thing.do', 'alibabaFixtureThingDo', 'alibaba_fixture_thing_do_response', false, true, [], false],
  );
  const payment = buildModel(
    fragmentDocument({ request: { a: { $ref: '#/components/schemas/Item' } }, encoding: { a: { contentType: 'application/json' } }, schemas: DTO, idempotencyKey: ['a.sku_id'] }),
  ).operations[0]!;
  assert.deepEqual([payment.query, payment.idempotencyKey], [false, ['a.sku_id']]);
});

const REQ = '#/components/schemas/ThingRequest';
const FORM = '#/paths/~1router~1rest#alibaba.fixture.thing.do/post/requestBody/content/application~1x-www-form-urlencoded';
const errorRows: { name: string; given: Fragment; pointer: string; message: RegExp }[] = [
  {
    name: 'a DTO without its JSON encoding',
    given: { request: { a: { $ref: '#/components/schemas/Item' } }, schemas: DTO },
    pointer: `${FORM}/encoding`,
    message: /`a` is a Item and travels as JSON text: declare encoding\.a\.contentType: application\/json/,
  },
  { name: 'a required name with no property', given: { request: { a: { type: 'string' } }, required: ['b'] }, pointer: `${REQ}/required`, message: /`b` is required but not a property/ },
  { name: 'an integer without a format', given: { request: { a: { type: 'integer' } } }, pointer: `${REQ}/properties/a`, message: /a TOP `Number` is a Java Long: write `format: int64`/ },
  { name: 'an unknown format', given: { request: { a: { type: 'string', format: 'uuid' } } }, pointer: `${REQ}/properties/a`, message: /`format: uuid` is not a TOP type for `type: string`/ },
  {
    name: 'a default on a required field',
    given: { request: { a: { type: 'string', default: 'x' } }, required: ['a'] },
    pointer: `${REQ}/required`,
    message: /`a` has a documented default, so it is optional/,
  },
  { name: 'a system parameter as a business parameter', given: { request: { method: { type: 'string' } } }, pointer: `${REQ}/properties/method`, message: /`method` is a TOP system parameter/ },
  { name: 'a file in a form body', given: { request: { a: { type: 'string', format: 'binary' } } }, pointer: `${REQ}/properties/a`, message: /the request body must be multipart\/form-data/ },
  {
    name: 'an answer list without its item element',
    given: { response: { items: { type: 'array', items: { type: 'string' } } } },
    pointer: '#/components/schemas/ThingResponse/properties/items',
    message: /name its item element with `items\.xml\.name`/,
  },
  { name: 'oneOf in a DTO', given: { request: { a: { oneOf: [{ type: 'string' }, { type: 'boolean' }] } } }, pointer: `${REQ}/properties/a`, message: /`oneOf` is not supported/ },
  {
    name: 'an idempotency key that is not a request field',
    given: { request: { a: { type: 'string' } }, idempotencyKey: ['b'] },
    pointer: '#/paths/~1router~1rest#alibaba.fixture.thing.do/post/x-top-idempotency-key',
    message: /`b` is not a request field/,
  },
];
for (const row of errorRows) {
  test(`model, refused: ${row.name}`, () => {
    assert.throws(
      () => buildModel(fragmentDocument(row.given)),
      (error: unknown) => {
        assert.ok(error instanceof ModelError, String(error));
        assert.equal(error.pointer, row.pointer);
        assert.match(error.message, row.message);
        return true;
      },
    );
  });
}
