// The intermediate model: everything downstream (types, validators, client,
// server, docs, diff) reads this, never the raw spec. It is the one place
// that knows what a TOP field is: its TOP type, whether it is required or has
// a default, its constraints, the element name of a list's items, and how it
// travels.

export interface Text {
  en: string;
  zh: string;
}

/** TOP's scalar types as the model tells them apart (runtime/common/shape.ts prints the same names). */
export type ScalarKind = 'string' | 'boolean' | 'int64' | 'int32' | 'number' | 'date-time' | 'date' | 'price' | 'json' | 'file';

export type ShapeModel =
  | { kind: ScalarKind }
  | { kind: 'object'; name: string | undefined; fields: FieldModel[] }
  /** `itemName`: the element each item is wrapped in, in JSON and XML answers (`"trades":{"trade":[…]}`). */
  | { kind: 'array'; items: ShapeModel; itemName: string | undefined };

/** The constraints of 更多限制, as the schema states them. int64 bounds are bigint. */
export interface Constraints {
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  minItems?: number;
  minimum?: number | bigint;
  maximum?: number | bigint;
  enum?: unknown[];
  pattern?: string;
}

/**
 * How a top-level business parameter travels: one form field of text, a
 * comma-joined list, JSON text, or a multipart file part (unsigned).
 */
export type Encoding = 'text' | 'comma' | 'json' | 'file';

export interface FieldModel {
  name: string;
  required: boolean;
  deprecated: boolean;
  description: Text;
  /** A note for maintainers about the source page (`x-maintainer-note`); never shown to readers. */
  maintainerNote: string;
  /** The spec's example value for this field, if any; int64 values above 2^53 are exact bigints. */
  example: unknown;
  hasExample: boolean;
  /** The documented default (默认值); a field with one is optional and the gateway applies it. */
  default: unknown;
  hasDefault: boolean;
  constraints: Constraints;
  shape: ShapeModel;
  /** How a reader should read the type: `string`, `int64`, `date-time`, `PayOrderRequest`, `RefundSubscribeRequest[]`. */
  typeLabel: string;
  /** TOP's own name of the type, as its pages write it: `String`, `Number`, `Date`, `Price`, `byte[]`, `Trade []`. */
  topType: string;
  /** Top-level business parameters only: how it travels. Undefined for answer fields and fields inside a DTO. */
  encoding: Encoding | undefined;
  /** Pointer of the field's schema in the bundled document, for messages. */
  pointer: string;
}

export interface ParameterModel {
  name: string;
  required: boolean;
  description: Text;
  /** JSON Schema of the value, for docs. */
  schema: Record<string, unknown>;
}

export interface NamedExample {
  name: string;
  summary: string;
  value: unknown;
}

export interface OperationModel {
  operationId: string;
  /** The TOP method name, e.g. `alibaba.idle.tender.pre.pay.action`. */
  method: string;
  pathKey: string;
  responseRoot: string;
  /** Whether the API needs the `session` system parameter. */
  session: boolean;
  /** Candidate dotted request paths of the idempotency key, first present wins; empty for a query API. */
  idempotencyKey: string[];
  /** A query API (no `x-top-idempotency-key`): it changes nothing, and resending it is always safe. Not one: a write, with a key or (`[]`) without. */
  query: boolean;
  /** Whether the request is multipart/form-data (it has a file parameter). */
  multipart: boolean;
  summary: Text;
  description: Text;
  deprecated: boolean;
  tags: string[];
  /** Component schema names of the business parameters and of the answer inside its root. */
  requestSchema: string;
  responseSchema: string;
  /** Business parameters: each is one form field (or file part), travelling as its `encoding` says. */
  params: FieldModel[];
  response: FieldModel[];
  requestExample: unknown;
  jsonExamples: NamedExample[];
  xmlExamples: NamedExample[];
  /** Pointer of the operation in the bundled document, for messages. */
  pointer: string;
}

export interface ApiModel {
  title: string;
  version: string;
  description: string;
  servers: { url: string; description: string }[];
  systemParameters: ParameterModel[];
  operations: OperationModel[];
  /** Component schema names in a stable order, each with its shape (objects only). */
  schemas: { name: string; shape: ShapeModel & { kind: 'object' }; description: Text; inRequest: boolean }[];
  /** The scalar kind of every schema node the model read, by pointer (`#/components/schemas/Trade/properties/tid`), for the types renderer. */
  kindsByPointer: ReadonlyMap<string, ScalarKind>;
  errorExample: unknown;
  /** The bundled document, for the stages that hand it to a library (openapi-typescript, redocly). */
  document: Record<string, unknown>;
}

/** A spec problem found while building the model: where it is and what is wrong. */
export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
  }
}
