// The `top/operation-extensions` lint rule: given an operation, want the
// problems it reports. Runs through redocly's own lint with redocly.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
              oneOf: [
                { type: 'object', properties: { alibaba_idle_tender_pre_pay_action_response: { type: 'object' } } },
                { $ref: '#/components/schemas/ErrorResponse' },
              ],
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
  { name: 'wrong response root', mutate: (op) => (op['x-top-response-root'] = 'idle_tender_pre_pay_action_response'), want: [/`x-top-response-root` must be `alibaba_idle_tender_pre_pay_action_response`/] },
  { name: 'no idempotency key', mutate: (op) => delete op['x-top-idempotency-key'], want: [/must have `x-top-idempotency-key`/] },
  { name: 'idempotency key naming no field', mutate: (op) => (op['x-top-idempotency-key'] = ['param0.nope']), want: [/names `param0.nope`, which is not a field/] },
  { name: 'path key of another method', mutate: () => {}, pathKey: '/router/rest#alibaba.other.api', want: [/Path key must be `\/router\/rest#alibaba.idle.tender.pre.pay.action`/] },
  {
    name: 'answer without error_response',
    mutate: (op) => {
      // biome-ignore lint/suspicious/noExplicitAny: a spec document, edited deep inside
      ((((op.responses as any)['200'].content['application/json'].schema.oneOf) as unknown[])).pop();
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
