// @ts-check
// TOP's naming rules, in plain JavaScript so that the redocly CLI can load the
// lint plugin that uses them without a TypeScript loader. The generator's model
// imports the same functions: one definition of each rule. The protocol's
// constants (the gateway path, the response root rule) come from
// runtime/common/protocol.ts through its JavaScript twin, ./protocol.js.

import { GATEWAY_PATH, responseRootOf } from './protocol.js';

export { GATEWAY_PATH, responseRootOf };

/** A TOP method name: dot-separated lower-case segments. */
export const METHOD_PATTERN = /^[a-z][a-z0-9]*(\.[a-z0-9]+)+$/;

/**
 * TOP's scalar types as a schema spells them: `type` → `format` → kind. The
 * one table of them: the lint rule reports anything else with its file and
 * line, and the model classifies every field by it.
 * @type {Record<string, Record<string, string>>}
 */
export const SCALAR_FORMATS = {
  // A TOP Number is a Java Long.
  integer: { int64: 'int64', int32: 'int32' },
  number: { '': 'number', float: 'number', double: 'number' },
  // TOP Date: `yyyy-MM-dd HH:mm:ss` in GMT+8 (not RFC 3339); date: `yyyy-MM-dd`; Price: decimal text; byte[]: a file part.
  string: { '': 'string', 'date-time': 'date-time', date: 'date', price: 'price', binary: 'file' },
  boolean: { '': 'boolean' },
};

/**
 * The kind of a scalar schema, or a problem saying what to write instead.
 * @param {any} schema
 * @returns {{ kind: string } | { problem: string }}
 */
export function scalarKindOf(schema) {
  const type = schema?.type;
  const formats = typeof type === 'string' ? SCALAR_FORMATS[type] : undefined;
  if (!formats) return { problem: `\`type\` must be one of string, integer, number, boolean, array or object; found ${JSON.stringify(type)}` };
  const format = schema.format === undefined ? '' : schema.format;
  if (type === 'string' && format === '' && schema.contentMediaType === 'application/json') return { kind: 'json' };
  if (type === 'integer' && format === '') return { problem: 'a TOP `Number` is a Java Long: write `format: int64` (or `format: int32` for an int)' };
  const kind = typeof format === 'string' ? formats[format] : undefined;
  if (!kind) {
    const known = Object.keys(formats)
      .filter(Boolean)
      .map((f) => `\`${f}\``);
    return { problem: `\`format: ${String(schema.format)}\` is not a TOP type for \`type: ${type}\`${known.length ? `; use ${known.join(', ')}` : '; leave `format` out'}` };
  }
  return { kind };
}

/**
 * Whether a method looks like a query (`*.get`, `*.search`, `*.query`): one
 * that changes nothing and so needs no idempotency key.
 * @param {string} method
 */
export function looksLikeQuery(method) {
  return /\.(get|search|query|list)$/.test(method) || /\.get\./.test(method);
}

/**
 * operationId: lowerCamelCase of every dot-separated segment.
 * `taobao.game.virtual.order.create` → `taobaoGameVirtualOrderCreate`.
 * @param {string} method
 */
export function operationIdOf(method) {
  return method
    .split('.')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
}

/**
 * The OpenAPI path key of an operation. The fragment is never sent by an HTTP
 * client, so generic tools still post to the gateway path.
 * @param {string} method
 */
export function pathKeyOf(method) {
  return `${GATEWAY_PATH}#${method}`;
}

/**
 * The inverse of pathKeyOf, or undefined for a key that is not of that form.
 * @param {string} pathKey
 */
export function methodOfPathKey(pathKey) {
  const prefix = `${GATEWAY_PATH}#`;
  return pathKey.startsWith(prefix) ? pathKey.slice(prefix.length) : undefined;
}
