// A whole bundled document around a small fragment: one TOP operation whose
// business parameters and answer are the properties given, for the model and
// render tables (test/model, test/render). The document is what the loader
// hands the model, so no YAML, redocly or CLI is involved: milliseconds a row.

import type { Json } from '../../generator/json-pointer.ts';
import { attachExactIntegers } from '../../generator/model/exact-values.ts';

export const METHOD = 'alibaba.fixture.thing.do';
export const ROOT = 'alibaba_fixture_thing_do_response';

export interface Fragment {
  /** Properties of the business parameters' schema (`ThingRequest`). */
  request?: Record<string, unknown>;
  required?: string[];
  /** The form body's `encoding`, by parameter. */
  encoding?: Record<string, unknown>;
  /** Properties of the answer inside the root (`ThingResponse`). */
  response?: Record<string, unknown>;
  /** More named schemas, referred to as `#/components/schemas/<name>`. */
  schemas?: Record<string, unknown>;
  idempotencyKey?: string[];
  multipart?: boolean;
  /** The YAML text the fragment was "read from", for exact int64 values above 2^53. */
  sourceText?: string;
}

export function fragmentDocument(f: Fragment): Json {
  const media = f.multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
  const document: Json = {
    openapi: '3.1.0',
    info: { title: 'Fragment', version: '1.0.0' },
    paths: {
      [`/router/rest#${METHOD}`]: {
        post: {
          operationId: 'alibabaFixtureThingDo',
          'x-top-method': METHOD,
          'x-top-response-root': ROOT,
          ...(f.idempotencyKey ? { 'x-top-idempotency-key': f.idempotencyKey } : {}),
          requestBody: {
            required: true,
            content: { [media]: { schema: { $ref: '#/components/schemas/ThingRequest' }, ...(f.encoding ? { encoding: f.encoding } : {}) } },
          },
          responses: {
            200: {
              description: 'answer',
              content: {
                'application/json': {
                  schema: {
                    oneOf: [{ type: 'object', required: [ROOT], properties: { [ROOT]: { $ref: '#/components/schemas/ThingResponse' } } }, { $ref: '#/components/schemas/ErrorResponse' }],
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ThingRequest: { type: 'object', properties: f.request ?? {}, ...(f.required ? { required: f.required } : {}) },
        ThingResponse: { type: 'object', properties: f.response ?? {} },
        ErrorResponse: { type: 'object', properties: { error_response: { type: 'object', properties: { code: { type: 'integer', format: 'int32' } } } } },
        ...f.schemas,
      },
    },
  };
  if (f.sourceText !== undefined) attachExactIntegers(document, [f.sourceText]);
  return document;
}
