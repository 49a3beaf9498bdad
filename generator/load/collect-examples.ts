// Every example the spec holds, each paired with the schema it claims to fit.
import { deref, escapePointer, isObject, type Json } from '../json-pointer.ts';
import type { OpenApiDocument } from './load-spec.ts';

export interface ExampleCase {
  /** JSON pointer of the example in the bundled document. */
  where: string;
  /** JSON pointer of the schema it must validate against. */
  schemaPointer: string;
  value: unknown;
}

const resolveRef = (document: OpenApiDocument, node: unknown): unknown => deref(document as Json, node, '#').node;

/** Walks the bundled document and returns schema, parameter and media-type examples. */
export function collectExamples(document: OpenApiDocument): ExampleCase[] {
  const cases: ExampleCase[] = [];

  // Schema-level `examples` (JSON Schema 2020-12 style) and `example`, wherever a schema sits.
  const visitSchema = (schema: unknown, pointer: string): void => {
    if (!isObject(schema)) return;
    if (Array.isArray(schema.examples)) {
      schema.examples.forEach((value, i) => cases.push({ where: `${pointer}/examples/${i}`, schemaPointer: pointer, value }));
    }
    if ('example' in schema) cases.push({ where: `${pointer}/example`, schemaPointer: pointer, value: schema.example });
    for (const key of ['properties', '$defs'] as const) {
      if (isObject(schema[key])) {
        for (const [name, sub] of Object.entries(schema[key] as Record<string, unknown>)) visitSchema(sub, `${pointer}/${key}/${escapePointer(name)}`);
      }
    }
    if (isObject(schema.items)) visitSchema(schema.items, `${pointer}/items`);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach((sub, i) => visitSchema(sub, `${pointer}/${key}/${i}`));
    }
  };

  const components = document.components ?? {};
  for (const [name, schema] of Object.entries(components.schemas ?? {})) visitSchema(schema, `#/components/schemas/${escapePointer(name)}`);
  for (const [name, parameter] of Object.entries(components.parameters ?? {})) {
    if (isObject(parameter)) visitSchema(parameter.schema, `#/components/parameters/${escapePointer(name)}/schema`);
  }

  const visitMediaTypes = (content: unknown, pointer: string): void => {
    if (!isObject(content)) return;
    for (const [mediaType, media] of Object.entries(content)) {
      if (!isObject(media)) continue;
      const at = `${pointer}/${escapePointer(mediaType)}`;
      visitSchema(media.schema, `${at}/schema`);
      if ('example' in media) cases.push({ where: `${at}/example`, schemaPointer: `${at}/schema`, value: media.example });
      if (isObject(media.examples)) {
        for (const [name, example] of Object.entries(media.examples)) {
          const resolved = resolveRef(document, example);
          if (isObject(resolved) && 'value' in resolved) {
            cases.push({ where: `${at}/examples/${escapePointer(name)}`, schemaPointer: `${at}/schema`, value: resolved.value });
          }
        }
      }
    }
  };

  for (const [pathKey, pathItem] of Object.entries(document.paths)) {
    for (const [verb, operation] of Object.entries(pathItem)) {
      if (!isObject(operation)) continue;
      const at = `#/paths/${escapePointer(pathKey)}/${verb}`;
      const body = resolveRef(document, operation.requestBody);
      if (isObject(body)) visitMediaTypes(body.content, `${at}/requestBody/content`);
      if (isObject(operation.responses)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const resolved = resolveRef(document, response);
          if (isObject(resolved)) visitMediaTypes(resolved.content, `${at}/responses/${escapePointer(status)}/content`);
        }
      }
    }
  }
  return cases;
}
