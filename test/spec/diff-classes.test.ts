// diff's classes for what the field model adds: constraints narrowed (breaking
// on a request, not on an answer) or widened, list item element names, a query
// becoming a payment. Models built directly (the CLI path is test/generator/diff.test.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffApis, formatChange } from '../../generator/diff/api-diff.ts';
import type { ApiModel, FieldModel, OperationModel, ShapeModel } from '../../generator/model/types.ts';

const field = (name: string, shape: ShapeModel, extra: Partial<FieldModel> = {}): FieldModel => ({
  name,
  required: false,
  deprecated: false,
  description: { en: '', zh: '' },
  maintainerNote: '',
  example: undefined,
  hasExample: false,
  default: undefined,
  hasDefault: false,
  constraints: {},
  shape,
  typeLabel: '',
  topType: '',
  encoding: undefined,
  pointer: '',
  ...extra,
});
const model = (params: FieldModel[], response: FieldModel[], idempotencyKey: string[] = [], query = idempotencyKey.length === 0): ApiModel => ({
  title: 't',
  version: '1',
  description: '',
  servers: [],
  systemParameters: [],
  schemas: [],
  kindsByPointer: new Map(),
  errorExample: undefined,
  document: {},
  operations: [
    {
      operationId: 'x',
      method: 'taobao.x.get',
      pathKey: '',
      responseRoot: 'x_get_response',
      session: false,
      idempotencyKey,
      query,
      multipart: false,
      summary: { en: '', zh: '' },
      description: { en: '', zh: '' },
      deprecated: false,
      tags: [],
      requestSchema: 'R',
      responseSchema: 'A',
      params,
      response,
      requestExample: {},
      jsonExamples: [],
      xmlExamples: [],
      pointer: '',
    } as OperationModel,
  ],
});
const lines = (a: ApiModel, b: ApiModel) => diffApis(a, b).map(formatChange);

test('request constraints: narrowed is breaking, widened is not; on answers the other way round', () => {
  const req = (c: FieldModel['constraints']) => model([field('page_size', { kind: 'int64' }, { constraints: c, encoding: 'text' })], []);
  assert.deepEqual(lines(req({ maximum: 100n }), req({ maximum: 50n })), ['BREAKING      taobao.x.get  request  page_size: maximum changed: 100 → 50']);
  assert.deepEqual(lines(req({ maximum: 100n }), req({ maximum: 200n })), ['non-breaking  taobao.x.get  request  page_size: maximum changed: 100 → 200']);
  assert.deepEqual(lines(req({ minimum: 1n }), req({})), ['non-breaking  taobao.x.get  request  page_size: minimum removed: 1 → (none)']);
  assert.deepEqual(lines(req({ enum: [1n, 2n] }), req({ enum: [1n] })), ['BREAKING      taobao.x.get  request  page_size: enum values removed: 2']);
  const res = (c: FieldModel['constraints']) => model([], [field('status', { kind: 'string' }, { constraints: c })]);
  assert.deepEqual(lines(res({ enum: ['A'] }), res({ enum: ['A', 'B'] })), ['BREAKING      taobao.x.get  response  status: enum values added: B']);
});

test('a list item element renamed, an encoding changed, a query became a payment', () => {
  const list = (itemName: string) => model([], [field('trades', { kind: 'array', items: { kind: 'string' }, itemName })]);
  assert.deepEqual(lines(list('trade'), list('item')), ['BREAKING      taobao.x.get  response  trades: list item element changed: trade → item']);
  const enc = (encoding: 'comma' | 'json') => model([field('ids', { kind: 'array', items: { kind: 'int64' }, itemName: undefined }, { encoding })], []);
  assert.deepEqual(lines(enc('comma'), enc('json')), ['BREAKING      taobao.x.get  request  ids: encoding changed: comma → json']);
  const p = [field('tid', { kind: 'int64' }, { encoding: 'text' })];
  assert.deepEqual(lines(model(p, []), model(p, [], ['tid'])), ['BREAKING      taobao.x.get  operation: a query became a payment: idempotency key added (tid)']);
  // x-top-idempotency-key: [] (a write TOP gives no key) against none at all (a query).
  assert.deepEqual(lines(model(p, []), model(p, [], [], false)), ['BREAKING      taobao.x.get  operation: a query became a write without an idempotency key: resending it is no longer safe']);
  assert.deepEqual(lines(model(p, [], [], false), model(p, [])), ['non-breaking  taobao.x.get  operation: a write without an idempotency key became a query: resending it is now safe']);
});
