// The `top/operation-extensions` lint rule: given an operation, want the
// problems it reports. Runs through redocly's own lint with redocly.yaml.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadSpec } from '../../generator/load/load-spec.ts';

type Operation = Record<string, unknown>;

function validOperation(): Operation {
  return {
    operationId: 'alibabaIdleTenderPrePayAction',
    summary: 's',
    description: 'd',
    tags: ['idle'],
    security: [],
    'x-top-method': 'alibaba.idle.tender.pre.pay.action',
    'x-top-response-root': 'alibaba_idle_tender_pre_pay_action_response',
    'x-top-idempotency-key': ['param0.pre_pay_no'],
    requestBody: {
      content: {
        'application/x-www-form-urlencoded': {
          schema: { type: 'object', properties: { param0: { $ref: '#/components/schemas/Cmd' } } },
        },
      },
    },
    responses: {
      '200': {
        description: 'ok',
        content: {
          'application/json': {
            schema: {
              oneOf: [{ type: 'object', properties: { alibaba_idle_tender_pre_pay_action_response: { type: 'object' } } }, { $ref: '#/components/schemas/ErrorResponse' }],
            },
          },
        },
      },
    },
  };
}

async function topProblems(operation: Operation, pathKey = '/router/rest#alibaba.idle.tender.pre.pay.action'): Promise<string[]> {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1', description: 'd', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://eco.taobao.com' }],
    security: [],
    tags: [{ name: 'idle', description: 'd' }],
    paths: { [pathKey]: { post: operation } },
    components: {
      schemas: {
        Cmd: { type: 'object', properties: { pre_pay_no: { type: 'string' } } },
        ErrorResponse: { type: 'object', properties: { error_response: { type: 'object' } } },
      },
    },
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-lint-'));
  const file = path.join(dir, 'openapi.yaml');
  writeFileSync(file, stringify(document));
  const { problems } = await loadSpec(file, 'redocly.yaml');
  return problems.filter((p) => p.rule === 'top/operation-extensions').map((p) => p.message);
}

const cases: { name: string; mutate: (op: Operation) => void; pathKey?: string; want: RegExp[] }[] = [
  { name: 'a valid operation', mutate: () => {}, want: [] },
  { name: 'no x-top-method', mutate: (op) => delete op['x-top-method'], want: [/must have `x-top-method`/] },
  { name: 'a method name that is not one', mutate: (op) => (op['x-top-method'] = 'Alibaba Idle'), want: [/must have `x-top-method`/] },
  { name: 'operationId off the rule', mutate: (op) => (op.operationId = 'prePay'), want: [/`operationId` must be `alibabaIdleTenderPrePayAction`/] },
  {
    name: 'wrong response root',
    mutate: (op) => (op['x-top-response-root'] = 'idle_tender_pre_pay_action_response'),
    want: [/`x-top-response-root` must be `alibaba_idle_tender_pre_pay_action_response`/],
  },
  // No key: a query API. Allowed; a method not named like a query gets a warning saying it is treated as safe to resend.
  { name: 'no idempotency key on a method not named like a query', mutate: (op) => delete op['x-top-idempotency-key'], want: [/has no `x-top-idempotency-key`, so it is treated as safe to resend/] },
  { name: 'an empty idempotency key list', mutate: (op) => (op['x-top-idempotency-key'] = []), want: [/must be a non-empty list/] },
  { name: 'idempotency key naming no field', mutate: (op) => (op['x-top-idempotency-key'] = ['param0.nope']), want: [/names `param0.nope`, which is not a field/] },
  { name: 'path key of another method', mutate: () => {}, pathKey: '/router/rest#alibaba.other.api', want: [/Path key must be `\/router\/rest#alibaba.idle.tender.pre.pay.action`/] },
  {
    name: 'answer without error_response',
    mutate: (op) => {
      ((op.responses as any)['200'].content['application/json'].schema.oneOf as unknown[]).pop();
    },
    want: [/must be `oneOf` an object with property `alibaba_idle_tender_pre_pay_action_response` and the `error_response` envelope/],
  },
];

for (const c of cases) {
  test(`top/operation-extensions: ${c.name}`, async () => {
    const op = validOperation();
    c.mutate(op);
    const got = await topProblems(op, c.pathKey);
    assert.equal(got.length, c.want.length, `got: ${JSON.stringify(got)}`);
    c.want.forEach((re, i) => assert.match(got[i]!, re));
  });
}

test('the real spec passes the recommended ruleset and the top plugin with no problem', async () => {
  const { problems } = await loadSpec('spec/openapi.yaml');
  assert.deepEqual(problems, []);
});

// The `top/field-types` rule: every schema one of TOP's types as spec/README.md writes them.
async function fieldProblems(mutate: (op: any, schemas: any) => void): Promise<{ message: string; line: number }[]> {
  const op: any = validOperation();
  op.requestBody.content['application/x-www-form-urlencoded'].encoding = { param0: { contentType: 'application/json' } };
  const schemas: any = {
    Cmd: { type: 'object', properties: { pre_pay_no: { type: 'string' } } },
    ErrorResponse: { type: 'object', properties: { error_response: { type: 'object' } } },
  };
  mutate(op, schemas);
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1', description: 'd', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://eco.taobao.com' }],
    security: [],
    tags: [{ name: 'idle', description: 'd' }],
    paths: { '/router/rest#alibaba.idle.tender.pre.pay.action': { post: op } },
    components: { schemas },
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-lint-'));
  const file = path.join(dir, 'openapi.yaml');
  writeFileSync(file, stringify(document));
  const { problems } = await loadSpec(file, 'redocly.yaml');
  return problems.filter((p) => p.rule === 'top/field-types').map((p) => ({ message: p.message, line: p.line }));
}

const fieldCases: { name: string; mutate: (op: any, schemas: any) => void; want: RegExp | undefined }[] = [
  { name: 'a valid operation', mutate: () => {}, want: undefined },
  { name: 'an unknown format', mutate: (_op, s) => (s.Cmd.properties.pre_pay_no = { type: 'string', format: 'email' }), want: /`format: email` is not a TOP type/ },
  { name: 'an integer without int64', mutate: (_op, s) => (s.Cmd.properties.pre_pay_no = { type: 'integer' }), want: /a TOP `Number` is a Java Long/ },
  {
    name: 'an answer list without its item element',
    mutate: (op) =>
      (op.responses['200'].content['application/json'].schema.oneOf[0].properties.alibaba_idle_tender_pre_pay_action_response = {
        type: 'object',
        properties: { trades: { type: 'array', items: { type: 'string' } } },
      }),
    want: /`alibaba_idle_tender_pre_pay_action_response\.trades` is a list in an answer: name its item element/,
  },
  {
    name: 'a default on a required field',
    mutate: (_op, s) => Object.assign(s.Cmd, { required: ['pre_pay_no'], properties: { pre_pay_no: { type: 'string', default: 'x' } } }),
    want: /has a documented default, so it is optional/,
  },
  {
    name: 'a file in a form body',
    mutate: (op) => (op.requestBody.content['application/x-www-form-urlencoded'].schema.properties.image = { type: 'string', format: 'binary' }),
    want: /is a file \(`format: binary`, TOP byte\[\]\): the request body must be `multipart\/form-data`/,
  },
  {
    name: 'a DTO parameter without its encoding',
    mutate: (op) => delete op.requestBody.content['application/x-www-form-urlencoded'].encoding,
    want: /travels as JSON text: declare `encoding.param0.contentType: application\/json`/,
  },
];

for (const c of fieldCases) {
  test(`top/field-types: ${c.name}`, async () => {
    const got = await fieldProblems(c.mutate);
    if (!c.want) return assert.deepEqual(got, []);
    assert.equal(got.length, 1, JSON.stringify(got));
    assert.match(got[0]!.message, c.want);
    assert.ok(got[0]!.line > 0, 'with its line');
  });
}
