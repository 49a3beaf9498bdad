// Builds the ApiModel from the bundled document. This is the one module that
// knows TOP's rules: how an operation names its method and response root,
// which parameters travel as JSON text, which numbers are int64, who needs a
// session, and what key makes a retry safe.
import { methodOfPathKey, operationIdOf, responseRootOf } from '../top-naming.js';
import { deref, escapePointer, getPointer, isObject, schemaRefName, type Json } from '../json-pointer.ts';
import { ModelError, type ApiModel, type FieldModel, type NamedExample, type OperationModel, type ParameterModel, type ShapeModel, type Text } from './types.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_MEDIA = 'application/json';
const XML_MEDIA = 'text/xml';

function text(node: Json, enKey = 'description', zhKey = 'x-description-zh'): Text {
  return { en: typeof node[enKey] === 'string' ? (node[enKey] as string) : '', zh: typeof node[zhKey] === 'string' ? (node[zhKey] as string) : '' };
}

class ModelBuilder {
  readonly #objectShapes = new Map<string, ShapeModel & { kind: 'object' }>();
  readonly #building = new Set<string>();
  constructor(readonly document: Json) {}

  /** The shape of a schema node; named objects are built once and shared. */
  shape(node: unknown, pointer: string): ShapeModel {
    const name = schemaRefName(node);
    if (name !== undefined) {
      const existing = this.#objectShapes.get(name);
      if (existing) return existing;
      if (this.#building.has(name)) throw new ModelError(pointer, `schema ${name} refers to itself; TOP DTOs are trees, and recursive ones are not supported`);
    }
    const { node: schema, pointer: at } = deref(this.document, node, pointer);
    if (!isObject(schema)) throw new ModelError(pointer, 'expected a schema object');
    for (const unsupported of ['oneOf', 'anyOf', 'allOf', 'not', 'if']) {
      if (unsupported in schema) throw new ModelError(at, `\`${unsupported}\` is not supported in a TOP parameter or answer schema (TOP DTOs are plain objects)`);
    }
    switch (schema.type) {
      case 'string':
        return { kind: 'string' };
      case 'boolean':
        return { kind: 'boolean' };
      case 'integer':
        // A TOP Number is a Java Long: the spec says so with format int64.
        return schema.format === 'int64' ? { kind: 'int64' } : { kind: 'number' };
      case 'number':
        return { kind: 'number' };
      case 'array':
        if (!('items' in schema)) throw new ModelError(at, 'an array schema needs `items`');
        return { kind: 'array', items: this.shape(schema.items, `${at}/items`) };
      case 'object': {
        if (name !== undefined) this.#building.add(name);
        const shape: ShapeModel & { kind: 'object' } = { kind: 'object', name, fields: this.fields(schema, at) };
        if (name !== undefined) {
          this.#building.delete(name);
          this.#objectShapes.set(name, shape);
        }
        return shape;
      }
      default:
        throw new ModelError(at, `schema needs a \`type\` of string, boolean, integer, number, array or object; found ${JSON.stringify(schema.type)}`);
    }
  }

  fields(schema: Json, pointer: string): FieldModel[] {
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
    for (const name of required) {
      if (typeof name !== 'string' || !(name in properties)) throw new ModelError(`${pointer}/required`, `\`${String(name)}\` is required but not a property`);
    }
    return Object.entries(properties).map(([name, property]) => {
      const at = `${pointer}/properties/${escapePointer(name)}`;
      const shape = this.shape(property, at);
      // Describe the field by what sits at the property (a sibling description
      // next to $ref wins), falling back to the referenced schema's own text.
      const own = isObject(property) ? property : {};
      const target = deref(this.document, property, at).node as Json;
      const description = own.description || own['x-description-zh'] ? text(own) : text(target);
      const examples = Array.isArray(own.examples) ? own.examples : Array.isArray(target.examples) ? target.examples : undefined;
      return {
        name,
        required: required.includes(name),
        deprecated: own.deprecated === true || target.deprecated === true,
        description,
        example: examples?.[0],
        hasExample: examples !== undefined && examples.length > 0,
        shape,
        typeLabel: typeLabel(shape),
      };
    });
  }

  objectShapes(): { name: string; shape: ShapeModel & { kind: 'object' }; description: Text }[] {
    const schemas = (getPointer(this.document, '#/components/schemas') ?? {}) as Json;
    return [...this.#objectShapes.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, shape]) => ({ name, shape, description: text((schemas[name] ?? {}) as Json) }));
  }
}

export function typeLabel(shape: ShapeModel): string {
  switch (shape.kind) {
    case 'object':
      return shape.name ?? 'object';
    case 'array':
      return `${typeLabel(shape.items)}[]`;
    default:
      return shape.kind;
  }
}

function sessionRequired(document: Json, operation: Json, pointer: string): boolean {
  const security = operation.security ?? document.security ?? [];
  if (!Array.isArray(security)) throw new ModelError(`${pointer}/security`, 'must be a list of security requirements');
  const schemes = (getPointer(document, '#/components/securitySchemes') ?? {}) as Json;
  // The API needs a session when every alternative requirement names the
  // `session` apiKey scheme (TOP has no API where a session is one option of several).
  if (security.length === 0) return false;
  return security.every((requirement) =>
    isObject(requirement) &&
    Object.keys(requirement).some((scheme) => {
      const s = schemes[scheme];
      return isObject(s) && s.type === 'apiKey' && s.name === 'session';
    }),
  );
}

function mediaExamples(document: Json, media: Json | undefined): NamedExample[] {
  if (!media || !isObject(media.examples)) return [];
  return Object.entries(media.examples).flatMap(([name, example]) => {
    const resolved = deref(document, example, '').node;
    return isObject(resolved) && 'value' in resolved ? [{ name, summary: typeof resolved.summary === 'string' ? resolved.summary : name, value: resolved.value }] : [];
  });
}

function buildOperation(builder: ModelBuilder, document: Json, pathKey: string, verb: string, operation: Json): OperationModel {
  const pointer = `#/paths/${escapePointer(pathKey)}/${verb}`;
  const method = operation['x-top-method'];
  if (typeof method !== 'string') throw new ModelError(pointer, 'missing `x-top-method`');
  if (verb !== 'post') throw new ModelError(pointer, `TOP operations are POST; found ${verb}`);
  if (methodOfPathKey(pathKey) !== method) throw new ModelError(pointer, `path key must be /router/rest#${method}`);
  const operationId = operationIdOf(method);
  if (operation.operationId !== operationId) throw new ModelError(`${pointer}/operationId`, `must be ${operationId}`);
  const responseRoot = responseRootOf(method);
  if (operation['x-top-response-root'] !== responseRoot) throw new ModelError(`${pointer}/x-top-response-root`, `must be ${responseRoot}`);
  const idempotencyKey = operation['x-top-idempotency-key'];
  if (!Array.isArray(idempotencyKey) || !idempotencyKey.every((k) => typeof k === 'string')) {
    throw new ModelError(`${pointer}/x-top-idempotency-key`, 'must be a list of dotted request paths');
  }

  // Business parameters: the form body's schema, a named component.
  const body = deref(document, operation.requestBody, `${pointer}/requestBody`).node;
  const form = isObject(body) && isObject(body.content) ? body.content[FORM] : undefined;
  if (!isObject(form)) throw new ModelError(`${pointer}/requestBody`, `needs an ${FORM} body`);
  const requestSchema = schemaRefName(form.schema);
  if (!requestSchema) throw new ModelError(`${pointer}/requestBody/content/${escapePointer(FORM)}/schema`, 'must be a $ref to a named schema under components/schemas');
  const requestShape = builder.shape(form.schema, `${pointer}/requestBody/content/${escapePointer(FORM)}/schema`);
  if (requestShape.kind !== 'object') throw new ModelError(`${pointer}/requestBody`, 'the business parameters must be an object schema');
  const encoding = isObject(form.encoding) ? form.encoding : {};
  for (const param of requestShape.fields) {
    const structured = param.shape.kind === 'object' || param.shape.kind === 'array';
    const contentType = isObject(encoding[param.name]) ? (encoding[param.name] as Json).contentType : undefined;
    // TOP sends a DTO as one form field of JSON text; the spec must say so.
    if (structured && contentType !== JSON_MEDIA) {
      throw new ModelError(`${pointer}/requestBody/content/${escapePointer(FORM)}/encoding`, `\`${param.name}\` is a ${param.typeLabel} and travels as JSON text: declare encoding.${param.name}.contentType: ${JSON_MEDIA}`);
    }
  }
  for (const key of idempotencyKey as string[]) {
    if (!hasPath(requestShape, key.split('.'))) throw new ModelError(`${pointer}/x-top-idempotency-key`, `\`${key}\` is not a request field`);
  }

  // The answer: oneOf the root envelope and error_response.
  const responsePointer = `${pointer}/responses/200/content/${escapePointer(JSON_MEDIA)}`;
  const response = deref(document, getPointer(document, `${pointer}/responses/200`), `${pointer}/responses/200`).node;
  const content = isObject(response) && isObject(response.content) ? response.content : {};
  const jsonMedia = isObject(content[JSON_MEDIA]) ? (content[JSON_MEDIA] as Json) : undefined;
  const oneOf = jsonMedia && isObject(jsonMedia.schema) && Array.isArray(jsonMedia.schema.oneOf) ? jsonMedia.schema.oneOf : [];
  const envelope = oneOf.map((s) => deref(document, s, responsePointer).node).find((s) => isObject(s) && isObject(s.properties) && responseRoot in s.properties) as Json | undefined;
  const rootSchema = envelope ? (envelope.properties as Json)[responseRoot] : undefined;
  const responseSchema = schemaRefName(rootSchema);
  if (!responseSchema) throw new ModelError(`${responsePointer}/schema`, `must be oneOf an object whose \`${responseRoot}\` is a $ref to a named schema, and the error_response envelope`);
  const responseShape = builder.shape(rootSchema, `${responsePointer}/schema`);
  if (responseShape.kind !== 'object') throw new ModelError(`${responsePointer}/schema`, 'the answer must be an object schema');

  return {
    operationId,
    method,
    pathKey,
    responseRoot,
    session: sessionRequired(document, operation, pointer),
    idempotencyKey: idempotencyKey as string[],
    summary: text(operation, 'summary', 'x-summary-zh'),
    description: text(operation),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? (operation.tags as string[]) : [],
    requestSchema,
    responseSchema,
    params: requestShape.fields,
    response: responseShape.fields,
    requestExample: form.example,
    jsonExamples: mediaExamples(document, jsonMedia),
    xmlExamples: mediaExamples(document, isObject(content[XML_MEDIA]) ? (content[XML_MEDIA] as Json) : undefined),
    pointer,
  };
}

function hasPath(shape: ShapeModel, segments: string[]): boolean {
  let current: ShapeModel | undefined = shape;
  for (const segment of segments) {
    current = current?.kind === 'object' ? current.fields.find((f) => f.name === segment)?.shape : undefined;
    if (!current) return false;
  }
  return true;
}

function systemParameters(document: Json): ParameterModel[] {
  const parameters = (getPointer(document, '#/components/parameters') ?? {}) as Json;
  const out: ParameterModel[] = Object.values(parameters).filter(isObject).map((p) => ({
    name: String(p.name),
    required: p.required === true,
    description: text(p),
    schema: isObject(p.schema) ? p.schema : {},
  }));
  const schemes = (getPointer(document, '#/components/securitySchemes') ?? {}) as Json;
  for (const s of Object.values(schemes).filter(isObject)) {
    if (s.type === 'apiKey' && typeof s.name === 'string') out.push({ name: s.name, required: false, description: text(s), schema: { type: 'string' } });
  }
  return out;
}

export function buildModel(document: Json): ApiModel {
  const builder = new ModelBuilder(document);
  const operations: OperationModel[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [pathKey, item] of Object.entries(paths)) {
    const pathItem = deref(document, item, `#/paths/${escapePointer(pathKey)}`).node;
    if (!isObject(pathItem)) continue;
    for (const [verb, operation] of Object.entries(pathItem)) {
      if (['parameters', 'summary', 'description', 'servers'].includes(verb) || !isObject(operation)) continue;
      operations.push(buildOperation(builder, document, pathKey, verb, operation));
    }
  }
  const seen = new Map<string, string>();
  for (const op of operations) {
    if (seen.has(op.operationId)) throw new ModelError(op.pointer, `operationId ${op.operationId} is used twice`);
    seen.set(op.operationId, op.pointer);
  }
  const info = isObject(document.info) ? document.info : {};
  const servers = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  const errorExample = getPointer(document, '#/components/examples/ErrorResponse');
  return {
    title: String(info.title ?? ''),
    version: String(info.version ?? '0.0.0'),
    description: String(info.description ?? ''),
    servers: servers.map((s) => ({ url: String(s.url), description: String(s.description ?? '') })),
    systemParameters: systemParameters(document),
    operations,
    schemas: builder.objectShapes(),
    errorExample: isObject(errorExample) ? errorExample.value : undefined,
    document,
  };
}
