// Builds the ApiModel from the bundled document. This is the one module that
// knows TOP's rules: how an operation names its method and response root,
// what TOP type each field is (the table in ../top-naming.js), how each
// parameter travels (text, comma-joined, JSON text or a file part), which
// defaults and constraints it has, the element name of every answer list, who
// needs a session, and what key (if any) makes a retry safe.

import { ERROR_ROOT, SYSTEM_PARAMETER_SET } from '../../runtime/common/protocol.ts';
import { deref, escapePointer, getPointer, isObject, type Json, schemaRefName } from '../json-pointer.ts';
import { methodOfPathKey, operationIdOf, pathKeyOf, responseRootOf, scalarKindOf } from '../top-naming.js';
import { checkDefault } from './default-check.ts';
import { exactValue } from './exact-values.ts';
import {
  type ApiModel,
  type Constraints,
  type Encoding,
  type FieldModel,
  ModelError,
  type NamedExample,
  type OperationModel,
  type ParameterModel,
  type ScalarKind,
  type ShapeModel,
  type Text,
} from './types.ts';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const JSON_MEDIA = 'application/json';
const XML_MEDIA = 'text/xml';

function text(node: Json, enKey = 'description', zhKey = 'x-description-zh'): Text {
  return { en: typeof node[enKey] === 'string' ? (node[enKey] as string) : '', zh: typeof node[zhKey] === 'string' ? (node[zhKey] as string) : '' };
}

const TOP_TYPES: Record<ScalarKind, string> = {
  string: 'String',
  boolean: 'Boolean',
  int64: 'Number',
  int32: 'Number',
  number: 'Number',
  'date-time': 'Date',
  date: 'Date',
  price: 'Price',
  json: 'Json',
  file: 'byte[]',
};

/** JSON Schema constraints the model does not carry into the validators: refused, not silently dropped. */
const UNCHECKED_KEYWORDS = [
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'uniqueItems',
  'const',
  'minProperties',
  'maxProperties',
  'patternProperties',
  'propertyNames',
  'contains',
  'dependentRequired',
  'dependentSchemas',
];

/**
 * Constraints the generated validators would not check (they were dropped
 * silently: an exclusiveMaximum let its bound through) are refused. And the
 * validators are compiled by ajv, which throws, with no place, on an
 * empty `enum` and on a `pattern` that is no regular expression (the lint
 * lets both through): said here with the schema's place instead.
 */
function checkAjvKeywords(schema: Json, pointer: string): void {
  const unchecked = UNCHECKED_KEYWORDS.find((keyword) => keyword in schema);
  if (unchecked !== undefined) {
    throw new ModelError(
      `${pointer}/${unchecked}`,
      `\`${unchecked}\` is not a TOP constraint, and neither the client nor the gateway would check it; TOP's are maxLength, minLength, maxItems, minItems, minimum, maximum, enum and pattern`,
    );
  }
  if (Array.isArray(schema.enum) && schema.enum.length === 0) throw new ModelError(`${pointer}/enum`, '`enum` must list at least one value');
  if (typeof schema.pattern !== 'string') return;
  try {
    new RegExp(schema.pattern, 'u');
  } catch (error) {
    throw new ModelError(`${pointer}/pattern`, `\`pattern\` is not a regular expression (read with the u flag, as the validators read it): ${(error as Error).message}`);
  }
}

class ModelBuilder {
  readonly #objectShapes = new Map<string, ShapeModel & { kind: 'object' }>();
  readonly #building = new Set<string>();
  readonly kinds = new Map<string, ScalarKind>();
  constructor(readonly document: Json) {}

  /** A value from the spec (an example, a default), with int64s above 2^53 exact. */
  exact(value: unknown): unknown {
    return exactValue(this.document, value);
  }

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
    checkAjvKeywords(schema, at);
    for (const unsupported of ['oneOf', 'anyOf', 'allOf', 'not', 'if']) {
      if (unsupported in schema) throw new ModelError(at, `\`${unsupported}\` is not supported in a TOP parameter or answer schema (TOP DTOs are plain objects)`);
    }
    switch (schema.type) {
      case 'array': {
        if (!('items' in schema)) throw new ModelError(at, 'an array schema needs `items`');
        const items = this.shape(schema.items, `${at}/items`);
        // The item element: the array's items' `xml.name` (a sibling of a $ref counts), else the item schema's own.
        const itemNode = isObject(schema.items) ? schema.items : {};
        const itemTarget = deref(this.document, schema.items, `${at}/items`).node;
        const xmlName = (n: unknown) => (isObject(n) && isObject(n.xml) && typeof n.xml.name === 'string' ? n.xml.name : undefined);
        return { kind: 'array', items, itemName: xmlName(itemNode) ?? xmlName(itemTarget) };
      }
      case 'object': {
        if (name !== undefined) this.#building.add(name);
        const shape: ShapeModel & { kind: 'object' } = { kind: 'object', name, fields: this.fields(schema, at) };
        if (name !== undefined) {
          this.#building.delete(name);
          this.#objectShapes.set(name, shape);
        }
        return shape;
      }
      default: {
        const found = scalarKindOf(schema) as { kind?: ScalarKind; problem?: string };
        if (!found.kind) throw new ModelError(at, found.problem ?? 'unsupported schema');
        this.kinds.set(at, found.kind);
        this.kinds.set(pointer, found.kind);
        return { kind: found.kind };
      }
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
      const pick = (key: string) => (key in own ? own[key] : target[key]);
      const examples = Array.isArray(own.examples) ? own.examples : Array.isArray(target.examples) ? target.examples : undefined;
      const hasDefault = pick('default') !== undefined;
      const isRequired = required.includes(name);
      if (hasDefault && isRequired) {
        throw new ModelError(`${pointer}/required`, `\`${name}\` has a documented default, so it is optional (the gateway applies the default): leave it out of \`required\``);
      }
      const note = pick('x-maintainer-note');
      return {
        name,
        required: isRequired,
        deprecated: own.deprecated === true || target.deprecated === true,
        description,
        maintainerNote: typeof note === 'string' ? note : '',
        example: this.exact(examples?.[0]),
        hasExample: examples !== undefined && examples.length > 0,
        default: this.exact(pick('default')),
        hasDefault,
        constraints: this.constraints(own, target, shape, at),
        shape,
        typeLabel: typeLabel(shape),
        topType: topType(shape),
        encoding: undefined,
        pointer: at,
      };
    });
  }

  constraints(own: Json, target: Json, shape: ShapeModel, pointer: string): Constraints {
    const out: Constraints = {};
    const pick = (key: string) => (key in own ? own[key] : target[key]);
    for (const key of ['maxLength', 'minLength', 'maxItems', 'minItems'] as const) {
      const v = pick(key);
      if (typeof v === 'number') out[key] = v;
    }
    for (const key of ['minimum', 'maximum'] as const) {
      const v = this.exact(pick(key));
      if (shape.kind === 'int64' && typeof v === 'number' && !Number.isInteger(v)) throw new ModelError(`${pointer}/${key}`, `\`${key}\` of an int64 must be a whole number; got ${v}`);
      if (typeof v === 'number' || typeof v === 'bigint') out[key] = shape.kind === 'int64' && typeof v === 'number' ? BigInt(v) : v;
    }
    checkAjvKeywords(own, pointer);
    const e = pick('enum');
    if (Array.isArray(e)) out.enum = this.exact(e) as unknown[];
    const p = pick('pattern');
    if (typeof p === 'string') out.pattern = p;
    return out;
  }

  objectShapes(requestNames: Set<string>): ApiModel['schemas'] {
    const schemas = (getPointer(this.document, '#/components/schemas') ?? {}) as Json;
    return [...this.#objectShapes.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, shape]) => ({ name, shape, description: text((schemas[name] ?? {}) as Json), inRequest: requestNames.has(name) }));
  }
}

/** TOP's own label of a type: `Number`, `Date`, `Trade`, `String []`. */
export function topType(shape: ShapeModel): string {
  switch (shape.kind) {
    case 'object':
      return shape.name ?? 'Object';
    case 'array':
      return `${topType(shape.items)} []`;
    default:
      return TOP_TYPES[shape.kind];
  }
}

/** Names of the object schemas a shape holds, at any depth. */
function objectNames(shape: ShapeModel, into: Set<string>): Set<string> {
  if (shape.kind === 'object') {
    if (shape.name !== undefined) {
      if (into.has(shape.name)) return into;
      into.add(shape.name);
    }
    shape.fields.forEach((f) => objectNames(f.shape, into));
  } else if (shape.kind === 'array') objectNames(shape.items, into);
  return into;
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
  return security.every(
    (requirement) =>
      isObject(requirement) &&
      Object.keys(requirement).some((scheme) => {
        const s = schemes[scheme];
        return isObject(s) && s.type === 'apiKey' && s.name === 'session';
      }),
  );
}

function mediaExamples(builder: ModelBuilder, media: Json | undefined): NamedExample[] {
  if (!media || !isObject(media.examples)) return [];
  return Object.entries(media.examples).flatMap(([name, example]) => {
    const resolved = deref(builder.document, example, '').node;
    return isObject(resolved) && 'value' in resolved ? [{ name, summary: typeof resolved.summary === 'string' ? resolved.summary : name, value: builder.exact(resolved.value) }] : [];
  });
}

/**
 * Declared parameters are TOP's system parameters, in the query. Anything
 * else (a business parameter declared `in: query`, a header) was dropped
 * silently: the client never sent it and the gateway never read it; business
 * parameters are the request body's schema.
 */
function checkParameters(document: Json, list: unknown, pointer: string): void {
  if (!Array.isArray(list)) return;
  list.forEach((entry, i) => {
    const { node } = deref(document, entry, `${pointer}/${i}`);
    if (!isObject(node) || (node.in === 'query' && SYSTEM_PARAMETER_SET.has(String(node.name)))) return;
    throw new ModelError(
      `${pointer}/${i}`,
      `\`${String(node.name)}\` (in: ${String(node.in)}) is not a TOP system parameter: the client would never send it, nor the gateway read it; a business parameter belongs in the request body's schema`,
    );
  });
}

function buildOperation(builder: ModelBuilder, document: Json, pathKey: string, verb: string, operation: Json, sharedParameters: unknown): OperationModel {
  const pointer = `#/paths/${escapePointer(pathKey)}/${verb}`;
  const method = operation['x-top-method'];
  if (typeof method !== 'string') throw new ModelError(pointer, 'missing `x-top-method`');
  if (verb !== 'post') throw new ModelError(pointer, `TOP operations are POST; found ${verb}`);
  if (methodOfPathKey(pathKey) !== method) throw new ModelError(pointer, `path key must be ${pathKeyOf(method)}`);
  const operationId = operationIdOf(method);
  if (operation.operationId !== operationId) throw new ModelError(`${pointer}/operationId`, `must be ${operationId}`);
  const responseRoot = responseRootOf(method);
  if (operation['x-top-response-root'] !== responseRoot) throw new ModelError(`${pointer}/x-top-response-root`, `must be ${responseRoot}`);
  // No `x-top-idempotency-key`: a query API (it changes nothing; resending is
  // always safe). An explicit empty list: an API that changes state yet has no
  // key (an upload, a price update): not deduplicated, and not safe to resend.
  const declaredKey = operation['x-top-idempotency-key'];
  const idempotencyKey = declaredKey ?? [];
  if (!Array.isArray(idempotencyKey) || !idempotencyKey.every((k) => typeof k === 'string' && k !== '')) {
    throw new ModelError(`${pointer}/x-top-idempotency-key`, 'must be a list of dotted request paths ([] for a write without a key; leave it out for a query API)');
  }

  checkParameters(document, sharedParameters, `#/paths/${escapePointer(pathKey)}/parameters`);
  checkParameters(document, operation.parameters, `${pointer}/parameters`);

  // Business parameters: the form (or, with a file, multipart) body's schema, a named component.
  const body = deref(document, operation.requestBody, `${pointer}/requestBody`).node;
  const content = isObject(body) && isObject(body.content) ? body.content : {};
  const mediaType = isObject(content[FORM]) ? FORM : isObject(content[MULTIPART]) ? MULTIPART : undefined;
  if (!mediaType) throw new ModelError(`${pointer}/requestBody`, `needs an ${FORM} body (or ${MULTIPART}, for an API that uploads a file)`);
  const form = content[mediaType] as Json;
  const formPointer = `${pointer}/requestBody/content/${escapePointer(mediaType)}`;
  const requestSchema = schemaRefName(form.schema);
  if (!requestSchema) throw new ModelError(`${formPointer}/schema`, 'must be a $ref to a named schema under components/schemas');
  const requestShape = builder.shape(form.schema, `${formPointer}/schema`);
  if (requestShape.kind !== 'object') throw new ModelError(`${pointer}/requestBody`, 'the business parameters must be an object schema');
  const encodings = isObject(form.encoding) ? form.encoding : {};
  const params = requestShape.fields.map((param) => ({
    ...param,
    encoding: encodingOf(param, isObject(encodings[param.name]) ? (encodings[param.name] as Json) : {}, mediaType, `${formPointer}/encoding`),
  }));
  for (const param of params) {
    if (SYSTEM_PARAMETER_SET.has(param.name)) throw new ModelError(param.pointer, `\`${param.name}\` is a TOP system parameter and cannot be a business parameter`);
    if (param.encoding !== 'file') rejectFiles(param.shape, param.pointer);
    checkDefault(param);
  }
  const multipart = params.some((p) => p.encoding === 'file');
  if (mediaType === MULTIPART && !multipart) throw new ModelError(formPointer, `a ${MULTIPART} body is for an API that uploads a file; this one has no \`format: binary\` parameter`);
  for (const key of idempotencyKey as string[]) {
    if (!hasPath(requestShape, key.split('.'))) throw new ModelError(`${pointer}/x-top-idempotency-key`, `\`${key}\` is not a request field`);
  }

  // The answer: oneOf the root envelope and error_response.
  const responsePointer = `${pointer}/responses/200/content/${escapePointer(JSON_MEDIA)}`;
  const response = deref(document, getPointer(document, `${pointer}/responses/200`), `${pointer}/responses/200`).node;
  const answers = isObject(response) && isObject(response.content) ? response.content : {};
  const jsonMedia = isObject(answers[JSON_MEDIA]) ? (answers[JSON_MEDIA] as Json) : undefined;
  const oneOf = jsonMedia && isObject(jsonMedia.schema) && Array.isArray(jsonMedia.schema.oneOf) ? jsonMedia.schema.oneOf : [];
  const envelope = oneOf.map((s) => deref(document, s, responsePointer).node).find((s) => isObject(s) && isObject(s.properties) && responseRoot in s.properties) as Json | undefined;
  const rootSchema = envelope ? (envelope.properties as Json)[responseRoot] : undefined;
  const responseSchema = schemaRefName(rootSchema);
  if (!responseSchema) throw new ModelError(`${responsePointer}/schema`, `must be oneOf an object whose \`${responseRoot}\` is a $ref to a named schema, and the ${ERROR_ROOT} envelope`);
  const responseShape = builder.shape(rootSchema, `${responsePointer}/schema`);
  if (responseShape.kind !== 'object') throw new ModelError(`${responsePointer}/schema`, 'the answer must be an object schema');
  checkAnswerShape(responseShape);

  return {
    operationId,
    method,
    pathKey,
    responseRoot,
    session: sessionRequired(document, operation, pointer),
    idempotencyKey: idempotencyKey as string[],
    query: declaredKey === undefined,
    multipart,
    summary: text(operation, 'summary', 'x-summary-zh'),
    description: text(operation),
    deprecated: operation.deprecated === true,
    tags: Array.isArray(operation.tags) ? (operation.tags as string[]) : [],
    requestSchema,
    responseSchema,
    params,
    response: responseShape.fields,
    requestExample: builder.exact(form.example),
    jsonExamples: mediaExamples(builder, jsonMedia),
    xmlExamples: mediaExamples(builder, isObject(answers[XML_MEDIA]) ? (answers[XML_MEDIA] as Json) : undefined),
    pointer,
  };
}

/**
 * How a top-level parameter travels (top-protocol.md §4, §7): a DTO or a list
 * of DTOs as JSON text (the spec says so with `contentType: application/json`);
 * a list of scalars comma-joined (`style: form, explode: false`, the default)
 * or, when the spec says so, JSON text; a file as a multipart part; anything
 * else as text.
 */
function encodingOf(param: FieldModel, encoding: Json, mediaType: string, pointer: string): Encoding {
  const { shape } = param;
  const json = encoding.contentType === JSON_MEDIA;
  if (shape.kind === 'file') {
    if (mediaType !== MULTIPART) throw new ModelError(param.pointer, `\`${param.name}\` is a file (byte[]): the request body must be ${MULTIPART}`);
    return 'file';
  }
  if (shape.kind === 'object' || (shape.kind === 'array' && (shape.items.kind === 'object' || shape.items.kind === 'array'))) {
    if (!json) throw new ModelError(pointer, `\`${param.name}\` is a ${param.typeLabel} and travels as JSON text: declare encoding.${param.name}.contentType: ${JSON_MEDIA}`);
    return 'json';
  }
  if (shape.kind === 'array') {
    if (json) return 'json';
    if (encoding.explode === true || (encoding.style !== undefined && encoding.style !== 'form')) {
      throw new ModelError(
        pointer,
        `\`${param.name}\` is a list of ${topType(shape.items)}: TOP sends it as one comma-joined field (style: form, explode: false) or, with contentType: ${JSON_MEDIA}, as JSON text`,
      );
    }
    if (shape.items.kind === 'file') throw new ModelError(param.pointer, 'a list of files is not a TOP parameter; declare one file parameter per part');
    return 'comma';
  }
  if (json && shape.kind !== 'json') throw new ModelError(pointer, `\`${param.name}\` is a ${param.typeLabel}, sent as text; only a DTO, a list or a Json parameter is JSON text`);
  return 'text';
}

/** Files (byte[]) are top-level multipart parts only. */
function rejectFiles(shape: ShapeModel, pointer: string): void {
  if (shape.kind === 'file') throw new ModelError(pointer, 'a file (byte[]) can only be a top-level parameter of a multipart/form-data request');
  if (shape.kind === 'array') rejectFiles(shape.items, `${pointer}/items`);
  if (shape.kind === 'object') shape.fields.forEach((f) => rejectFiles(f.shape, f.pointer));
}

/** Every list of an answer names its item element (TOP wraps it: `"trades":{"trade":[…]}`); no answer holds a file. */
function checkAnswerShape(shape: ShapeModel & { kind: 'object' }, seen = new Set<ShapeModel>()): void {
  if (seen.has(shape)) return;
  seen.add(shape);
  for (const field of shape.fields) {
    let s = field.shape;
    let at = field.pointer;
    while (s.kind === 'array') {
      if (s.itemName === undefined) {
        throw new ModelError(
          at,
          `\`${field.name}\` is a list in an answer: name its item element with \`items.xml.name\` (TOP wraps lists: \`"${field.name}":{"<item>":[…]}\`; take the name from the page's XML example or the SDK's @ApiField)`,
        );
      }
      s = s.items;
      at = `${at}/items`;
    }
    if (s.kind === 'file') throw new ModelError(field.pointer, 'an answer cannot hold a file (byte[])');
    if (s.kind === 'object') checkAnswerShape(s, seen);
  }
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
  const out: ParameterModel[] = Object.values(parameters)
    .filter(isObject)
    .map((p) => ({
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
      operations.push(buildOperation(builder, document, pathKey, verb, operation, pathItem.parameters));
    }
  }
  // Every artefact is made per operation (the READMEs' example call is the first one's).
  if (operations.length === 0) throw new ModelError('#/paths', `the spec has no operation: add a path ${pathKeyOf('<method>')} for each TOP API`);
  const seen = new Map<string, string>();
  for (const op of operations) {
    if (seen.has(op.operationId)) throw new ModelError(op.pointer, `operationId ${op.operationId} is used twice`);
    seen.set(op.operationId, op.pointer);
  }
  const info = isObject(document.info) ? document.info : {};
  const servers = Array.isArray(document.servers) ? document.servers.filter(isObject) : [];
  const errorExample = getPointer(document, '#/components/examples/ErrorResponse');
  const requestNames = new Set<string>();
  for (const op of operations) {
    // The business parameters themselves are a request schema too (their own Date fields take a Date).
    requestNames.add(op.requestSchema);
    op.params.forEach((p) => objectNames(p.shape, requestNames));
  }
  return {
    title: String(info.title ?? ''),
    version: String(info.version ?? '0.0.0'),
    description: String(info.description ?? ''),
    servers: servers.map((s) => ({ url: String(s.url), description: String(s.description ?? '') })),
    systemParameters: systemParameters(document),
    operations,
    schemas: builder.objectShapes(requestNames),
    kindsByPointer: builder.kinds,
    errorExample: isObject(errorExample) ? builder.exact(errorExample.value) : undefined,
    document,
  };
}
