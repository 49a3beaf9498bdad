// An Ajv that reads schemas as OpenAPI 3.1 writes them: JSON Schema 2020-12
// plus the OAS vocabulary (discriminator, xml, externalDocs, example) and this
// project's extensions. Strict, so a misspelt keyword is an error, not a no-op.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenApiDocument } from './load-spec.ts';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Keywords this project adds to schemas (see spec/README.md). */
export const SCHEMA_EXTENSIONS = ['x-description-zh', 'x-maintainer-note'] as const;
const OAS_VOCABULARY = ['discriminator', 'xml', 'externalDocs', 'example'];
// The document's own top-level fields: declared so that the document can be a
// schema resource whose subschemas `$ref` can point into; ajv never treats them
// as schemas, it only walks through them by JSON pointer.
const DOCUMENT_FIELDS = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags'];

export const SPEC_ID = 'openapi.json';

export function createOasAjv(document: OpenApiDocument): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OAS formats for numbers: ajv-formats knows int32/int64 only as its own
  // "full" formats; declare them so they are checked, not merely tolerated.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addVocabulary([...OAS_VOCABULARY, ...SCHEMA_EXTENSIONS, ...DOCUMENT_FIELDS]);
  // The whole document is added so that `#/components/schemas/X` refs resolve;
  // only the subschemas we point at are compiled.
  ajv.addSchema(document as object, SPEC_ID, undefined, false);
  return ajv;
}
