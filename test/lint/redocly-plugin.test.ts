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
  // [] declares a write TOP gives no key (an upload): allowed, and not a query.
  { name: 'an empty idempotency key list (a write without a key)', mutate: (op) => (op['x-top-idempotency-key'] = []), want: [] },
  { name: 'an idempotency key that is not a list', mutate: (op) => (op['x-top-idempotency-key'] = 'param0.pre_pay_no'), want: [/must be a list of dotted request-field paths/] },
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

// The `top/readers-text` rule: descriptions and summaries are read by the API's
// users; notes about the source pages go in `x-maintainer-note`. Given a text
// somewhere in a spec, want the problem (or none) at that text's own line.
async function readersProblems(mutate: (doc: any) => void): Promise<{ problems: { message: string; line: number; file: string }[]; yaml: string }> {
  const op: any = validOperation();
  op.requestBody.content['application/x-www-form-urlencoded'].encoding = { param0: { contentType: 'application/json' } };
  const document: any = {
    openapi: '3.1.0',
    info: { title: 't', version: '1', description: 'd', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: 'https://eco.taobao.com' }],
    security: [],
    tags: [{ name: 'idle', description: 'd' }],
    paths: { '/router/rest#alibaba.idle.tender.pre.pay.action': { post: op } },
    components: {
      schemas: {
        Cmd: { type: 'object', properties: { pre_pay_no: { type: 'string', description: 'Prepayment serial number.' } } },
        ErrorResponse: { type: 'object', properties: { error_response: { type: 'object' } } },
      },
    },
  };
  mutate(document);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-lint-'));
  const file = path.join(dir, 'openapi.yaml');
  const yaml = stringify(document, { lineWidth: 0 });
  writeFileSync(file, yaml);
  const { problems } = await loadSpec(file, 'redocly.yaml');
  return { problems: problems.filter((p) => p.rule === 'top/readers-text').map((p) => ({ message: p.message, line: p.line, file: p.file })), yaml };
}

const successExample = (doc: any) => {
  const media = doc.paths['/router/rest#alibaba.idle.tender.pre.pay.action'].post.responses['200'].content['application/json'];
  media.examples = { success: { summary: 'A successful answer', value: { alibaba_idle_tender_pre_pay_action_response: {} } } };
  return media.examples.success;
};
const field = (doc: any) => doc.components.schemas.Cmd.properties.pre_pay_no;

const readersCases: { name: string; mutate: (doc: any) => void; text?: string; want?: RegExp }[] = [
  { name: 'readers’ words only', mutate: () => {}, want: undefined },
  {
    name: 'a field description about the seed',
    mutate: (d) => (field(d).description = "Serial number. The seed's example column reads a placeholder."),
    text: "The seed's example column",
    want: /`description` is read by the API's users, but it talks about the seed pages \("seed's"\).*move the note about the source into `x-maintainer-note` beside it/,
  },
  {
    name: 'a swapped column, in the Chinese twin',
    mutate: (d) => (field(d)['x-description-zh'] = '流水号 (example and description columns are swapped)'),
    text: '流水号',
    want: /`x-description-zh` .*a source page's table column \("description columns"\)/,
  },
  { name: 'an example summary about the seed', mutate: (d) => (successExample(d).summary = "The seed's response example"), text: "The seed's response example", want: /`summary` .*the seed pages/ },
  {
    name: 'an operation description about the Java example',
    mutate: (d) => (d.paths['/router/rest#alibaba.idle.tender.pre.pay.action'].post.description = 'Pays it, as the Java example shows.'),
    text: 'as the Java example shows',
    want: /the source page's Java example/,
  },
  {
    name: 'info about the source pages',
    mutate: (d) => (d.info.description = 'Written from their source pages.'),
    text: 'Written from their source pages.',
    want: /the source page \("source pages"\)/,
  },
  { name: 'a placeholder example', mutate: (d) => (field(d).description = 'The page’s example is a placeholder.'), text: 'a placeholder', want: /talks about/ },
  // Not source talk: paging, a caller's SDK, the note itself in its own extension.
  { name: 'paging is not a source page', mutate: (d) => (field(d).description = 'Page number; the page size is 40 by default.'), want: undefined },
  { name: 'a caller’s SDK is not a source', mutate: (d) => (field(d).description = 'The answer format; every SDK sends `json`.'), want: undefined },
  {
    name: 'the note in x-maintainer-note',
    mutate: (d) => Object.assign(field(d), { description: 'Prepayment serial number.', 'x-maintainer-note': "The seed's example column reads a placeholder." }),
    want: undefined,
  },
  {
    name: 'a note in an example’s x-maintainer-note',
    mutate: (d) => Object.assign(successExample(d), { 'x-maintainer-note': "The seed's response example." }),
    want: undefined,
  },
];

for (const c of readersCases) {
  test(`top/readers-text: ${c.name}`, async () => {
    const { problems, yaml } = await readersProblems(c.mutate);
    if (!c.want) return assert.deepEqual(problems, []);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(problems[0]!.message, c.want);
    // File and line: the line of the text itself.
    const want = yaml.split('\n').findIndex((l) => l.includes(c.text!)) + 1;
    assert.ok(want > 0, `the text is in the YAML: ${c.text}`);
    assert.equal(problems[0]!.line, want, `line of ${c.text}`);
    assert.match(problems[0]!.file, /openapi\.yaml$/);
  });
}

test('top/readers-text: the fixture spec passes it too (its notes are in x-maintainer-note)', async () => {
  const { problems } = await loadSpec('test/fixtures/top-apis/openapi.yaml');
  assert.deepEqual(
    problems.filter((p) => p.rule === 'top/readers-text'),
    [],
  );
});
