// The intermediate model: everything downstream (types, validators, client,
// server, docs) reads this, never the raw spec.

export interface Text {
  en: string;
  zh: string;
}

export type ShapeModel =
  | { kind: 'string' | 'boolean' | 'int64' | 'number' }
  | { kind: 'object'; name: string | undefined; fields: FieldModel[] }
  | { kind: 'array'; items: ShapeModel };

export interface FieldModel {
  name: string;
  required: boolean;
  deprecated: boolean;
  description: Text;
  /** The spec's example value for this field, if any. */
  example: unknown;
  hasExample: boolean;
  shape: ShapeModel;
  /** How a reader should read the type: `string`, `int64`, `PayOrderRequest`, `RefundSubscribeRequest[]`. */
  typeLabel: string;
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
  /** Candidate dotted request paths of the idempotency key, first present wins. */
  idempotencyKey: string[];
  summary: Text;
  description: Text;
  deprecated: boolean;
  tags: string[];
  /** Component schema names of the business parameters and of the answer inside its root. */
  requestSchema: string;
  responseSchema: string;
  /** Business parameters: each is one form field; an object or array travels as JSON text. */
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
  schemas: { name: string; shape: ShapeModel & { kind: 'object' }; description: Text }[];
  errorExample: unknown;
  /** The bundled document, for the stages that hand it to a library (openapi-typescript, redocly). */
  document: Record<string, unknown>;
}

/** A spec problem found while building the model: where it is and what is wrong. */
export class ModelError extends Error {
  override name = 'ModelError';
  constructor(readonly pointer: string, message: string) {
    super(`${pointer}: ${message}`);
  }
}
