// Contract: what the generated client puts on the wire and what the generated
// gateway answers both fit the spec, checked with ajv in the OpenAPI 3.1
// dialect against the spec's own schemas (not the generator's validators).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { type OperationId, operations, TopClient } from '../../generated/client/src/node.ts';
import { createGateway } from '../../generated/server/src/index.ts';
import { escapePointer } from '../../generator/json-pointer.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { createOasAjv, SPEC_ID } from '../../generator/load/oas-ajv.ts';
import { buildModel } from '../../generator/model/build-model.ts';
import { parseJson } from '../../runtime/common/json.ts';
import { objectOf } from '../support/arbitraries.ts';
import { APP_KEY, post, rawRequest, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';
import { parseXml, treeOf } from '../support/xml.ts';

const { document } = await loadSpec('spec/openapi.yaml');
const model = buildModel(document);
const ajv = createOasAjv(document);
const FORM = 'application/x-www-form-urlencoded';

/** A decoded value as the spec's JSON Schema sees it: bigint is just an integer. */
function asJson(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(asJson);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asJson(v)]));
  return value;
}

/** Form fields back to the business parameters the spec describes: DTO text parsed, int64 digits as numbers. */
function decodeWire(operationId: OperationId, body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const shape = operations[operationId].params[name as never]?.shape as { type: string } | undefined;
    out[name] = shape?.type === 'object' || shape?.type === 'array' ? parseJson(value) : shape?.type === 'int64' ? Number(value) : shape?.type === 'boolean' ? value === 'true' : value;
  }
  return asJson(out) as Record<string, unknown>;
}

let answerNext: unknown;
let gateway: Awaited<ReturnType<typeof listen>>;
before(async () => {
  const handlers = Object.fromEntries(model.operations.map((op) => [op.operationId, () => answerNext]));
  gateway = await listen(
    createGateway({
      apps: () => SECRET,
      verifySession: () => ({ user: 1 }),
      handlers: handlers as never,
      idempotencyStore: { claim: async () => ({ claimed: true }), renew: async () => 'renewed', complete: async () => ({ stored: true }), release: async () => {}, get: async () => undefined },
    }),
  );
});
after(() => gateway.close());

for (const op of model.operations) {
  const operationId = op.operationId as OperationId;
  const at = `${SPEC_ID}#/paths/${escapePointer(op.pathKey)}/post`;
  const requestSchema = ajv.compile({ $ref: `${at}/requestBody/content/${escapePointer(FORM)}/schema` });
  const responseSchema = ajv.compile({ $ref: `${at}/responses/200/content/application~1json/schema` });

  test(`${op.method}: every request the client sends fits the spec, and every answer the gateway gives does too (JSON, and XML in shape)`, async () => {
    const client = new TopClient({ appKey: APP_KEY, appSecret: SECRET, gateway: gateway.url, session: 'user-1' });
    await fc.assert(
      fc.asyncProperty(objectOf(op.params), objectOf(op.response), async (params, answer) => {
        const { query, body } = client.prepare(op.method as never, params as never);
        const wire = decodeWire(operationId, body);
        assert.ok(requestSchema(wire), `request does not fit: ${ajv.errorsText(requestSchema.errors)}`);

        answerNext = answer;
        const system = Object.fromEntries(new URLSearchParams(query));
        const json = await rawRequest(gateway.url, { path: `/router/rest?${query}`, body });
        assert.equal(json.status, 200);
        const parsedJson = parseJson(json.body) as Record<string, unknown>;
        assert.ok(responseSchema(asJson(parsedJson)), `answer does not fit: ${ajv.errorsText(responseSchema.errors)} in ${json.body}`);
        assert.ok(op.responseRoot in parsedJson, json.body);

        // The same call answered in XML has the JSON answer's shape and values.
        const xml = await post(gateway.url, signedParams(op.method, Object.fromEntries(new URLSearchParams(body)), { extra: { format: 'xml', session: system.session! } }));
        const xmlTree = parseXml(xml.body);
        const fromJson = treeOf(op.responseRoot, parsedJson[op.responseRoot]);
        // request_ids differ between the two calls; compare everything else.
        const strip = (t: typeof xmlTree) => ({ ...t, children: t.children.filter((c) => c.name !== 'request_id') });
        assert.deepEqual(strip(xmlTree), strip(fromJson));
      }),
      { numRuns: 60 },
    );
    client.close();
  });

  test(`${op.method}: error answers fit the spec's error_response`, async () => {
    const answers = [
      await post(gateway.url, signedParams(op.method, {}, { secret: 'wrong' })),
      await post(gateway.url, signedParams(op.method, { [op.params[0]!.name]: '{' }, { extra: op.session ? { session: 's' } : {} })),
      await rawRequest(gateway.url, { method: 'PUT', path: '/router/rest?format=json', body: '' }),
    ];
    for (const answer of answers) {
      assert.ok(answer.json?.error_response, answer.body);
      assert.ok(responseSchema(answer.json), `${answer.body}: ${ajv.errorsText(responseSchema.errors)}`);
    }
  });
}
