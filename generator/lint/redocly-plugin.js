// @ts-check
// Redocly plugin `top`: checks that every operation carries the TOP extensions
// and that they agree with the naming rules in ../top-naming.js (rule
// `top/operation-extensions`), and that every schema is one of TOP's types as
// spec/README.md writes them (rule `top/field-types`): a known `format`, a
// named item element on every answer list, a default only on an optional
// field, files only in multipart bodies, and a declared encoding for DTO
// parameters. Rule `top/readers-text`: descriptions and summaries speak of
// the API, and notes about the source pages go in `x-maintainer-note`
// (./readers-text.js). Each problem carries its file and line.

import { looksLikeQuery, METHOD_PATTERN, methodOfPathKey, operationIdOf, pathKeyOf, responseRootOf, scalarKindOf } from '../top-naming.js';
import { MAINTAINER_NOTE_KEY, READER_TEXT_KEYS, sourceTalkIn } from './readers-text.js';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * A node with the file it was read from, so that a $ref inside it resolves
 * relative to that file and not to the one being visited.
 * @typedef {{ node: any, from: string | undefined }} Located
 */

/**
 * Follows $ref until a plain node.
 * @param {any} node
 * @param {string | undefined} from
 * @param {any} ctx
 * @returns {Located}
 */
function deref(node, from, ctx) {
  let current = node;
  let file = from;
  for (let depth = 0; current && typeof current === 'object' && '$ref' in current && depth < 32; depth++) {
    const resolved = ctx.resolve(current, file);
    current = resolved.node;
    file = resolved.location?.source?.absoluteRef ?? file;
  }
  return { node: current, from: file };
}

/**
 * Follows a chain of property names, dereferencing at each step.
 * @param {Located} start
 * @param {(string | number)[]} path
 * @param {any} ctx
 * @returns {Located}
 */
function walk(start, path, ctx) {
  let at = deref(start.node, start.from, ctx);
  for (const key of path) {
    if (at.node === undefined || at.node === null || typeof at.node !== 'object') return { node: undefined, from: at.from };
    at = deref(at.node[key], at.from, ctx);
  }
  return at;
}

/**
 * Whether a dotted path (`param0.pre_pay_no`) names a property of the schema.
 * @param {Located} schema
 * @param {string[]} segments
 * @param {any} ctx
 */
function schemaHasPath(schema, segments, ctx) {
  return (
    walk(
      schema,
      segments.flatMap((s) => ['properties', s]),
      ctx,
    ).node !== undefined
  );
}

/** @type {import('@redocly/openapi-core').Oas3Rule} */
function OperationExtensions() {
  return {
    PathItem: {
      enter(pathItem, ctx) {
        const pathKey = String(ctx.key);
        const keyMethod = methodOfPathKey(pathKey);
        for (const verb of VERBS) {
          /** @type {any} */
          const op = /** @type {any} */ (pathItem)[verb];
          if (!op) continue;
          const at = ctx.location.child([verb]);
          /** @param {string} message @param {(string|number)[]} [where] */
          const report = (message, where = []) => ctx.report({ message, location: at.child(where) });

          /** @type {Located} */
          const here = { node: op, from: ctx.location.source.absoluteRef };
          if (verb !== 'post') report(`TOP operations are POSTed to the gateway; found \`${verb}\`.`);
          const method = op['x-top-method'];
          if (typeof method !== 'string' || !METHOD_PATTERN.test(method)) {
            report('Operation must have `x-top-method`, the TOP method name (e.g. `taobao.game.virtual.order.create`).');
            continue;
          }
          if (keyMethod !== method) {
            report(`Path key must be \`${pathKeyOf(method)}\` to match \`x-top-method\`; found \`${pathKey}\`.`);
          }
          const wantId = operationIdOf(method);
          if (op.operationId !== wantId) {
            report(`\`operationId\` must be \`${wantId}\` (lowerCamelCase of \`${method}\`); found \`${op.operationId}\`.`, ['operationId']);
          }
          const wantRoot = responseRootOf(method);
          if (op['x-top-response-root'] !== wantRoot) {
            report(`\`x-top-response-root\` must be \`${wantRoot}\`; found \`${op['x-top-response-root']}\`.`, ['x-top-response-root']);
          }
          const keys = op['x-top-idempotency-key'];
          const content = walk(here, ['requestBody', 'content'], ctx).node ?? {};
          const media = content[FORM] ? FORM : content[MULTIPART] ? MULTIPART : undefined;
          if (!media) report(`The request body must be \`${FORM}\` (or \`${MULTIPART}\` for an API that uploads a file).`, ['requestBody']);
          if (keys === undefined) {
            // A query API: no key, resending is safe. A write without a key is allowed (TOP names none for many), but said.
            if (!looksLikeQuery(method)) {
              ctx.report({
                message: `\`${method}\` has no \`x-top-idempotency-key\`, so it is treated as safe to resend (a query). If it changes anything, name the request field that makes a retry safe.`,
                location: at,
                forceSeverity: 'warn',
              });
            }
          } else if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string' && k.length > 0)) {
            report('`x-top-idempotency-key` must be a list of dotted request-field paths, first present wins ([] for a write TOP gives no key; leave it out for a query API).', [
              'x-top-idempotency-key',
            ]);
          } else if (media && keys.length > 0) {
            const body = walk(here, ['requestBody', 'content', media, 'schema'], ctx);
            keys.forEach((key, i) => {
              if (!schemaHasPath(body, key.split('.'), ctx)) {
                report(`\`x-top-idempotency-key\` names \`${key}\`, which is not a field of the request body.`, ['x-top-idempotency-key', i]);
              }
            });
          }
          const responseSchema = walk(here, ['responses', '200', 'content', 'application/json', 'schema'], ctx);
          const oneOf = responseSchema.node?.oneOf;
          const branches = Array.isArray(oneOf) ? oneOf.map((/** @type {any} */ s) => deref(s, responseSchema.from, ctx).node) : [];
          const hasRoot = branches.some((/** @type {any} */ s) => s?.properties && wantRoot in s.properties);
          const hasError = branches.some((/** @type {any} */ s) => s?.properties && 'error_response' in s.properties);
          if (!hasRoot || !hasError) {
            report(`The 200 \`application/json\` answer must be \`oneOf\` an object with property \`${wantRoot}\` and the \`error_response\` envelope.`, ['responses']);
          }
        }
      },
    },
  };
}

/**
 * Every schema a TOP type: scalars by the table in ../top-naming.js, lists in
 * answers with a named item element, defaults only on optional fields, files
 * only as top-level parameters of a multipart body, DTO and list parameters
 * with a declared encoding.
 * @type {import('@redocly/openapi-core').Oas3Rule}
 */
function FieldTypes() {
  return {
    Schema: {
      enter(/** @type {any} */ schema, /** @type {any} */ ctx) {
        if (!schema || typeof schema !== 'object' || '$ref' in schema) return;
        const type = schema.type;
        if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') {
          const found = scalarKindOf(schema);
          if ('problem' in found) ctx.report({ message: `${found.problem}.`, location: ctx.location.child(schema.format !== undefined ? ['format'] : ['type']) });
        }
        if (type === 'object' && schema.properties && typeof schema.properties === 'object') {
          const required = Array.isArray(schema.required) ? schema.required : [];
          for (const [name, property] of Object.entries(schema.properties)) {
            const p = /** @type {any} */ (property);
            if (p && typeof p === 'object' && p.default !== undefined && required.includes(name)) {
              ctx.report({
                message: `\`${name}\` has a documented default, so it is optional (the gateway applies the default): leave it out of \`required\`.`,
                location: ctx.location.child(['properties', name, 'default']),
              });
            }
          }
        }
      },
    },
    MediaType: {
      enter(/** @type {any} */ media, /** @type {any} */ ctx) {
        const key = String(ctx.key);
        const schema = deref(media.schema, ctx.location.source.absoluteRef, ctx);
        const properties = schema.node?.properties;
        if (key === FORM || key === MULTIPART) {
          if (!properties || typeof properties !== 'object') return;
          const encoding = media.encoding ?? {};
          for (const [name, property] of Object.entries(properties)) {
            const p = deref(property, schema.from, ctx).node ?? {};
            const e = encoding[name] ?? {};
            const isFile = p.type === 'string' && p.format === 'binary';
            const items = p.type === 'array' ? (deref(p.items, schema.from, ctx).node ?? {}) : undefined;
            const where = ctx.location.child(['schema']);
            if (isFile && key !== MULTIPART) ctx.report({ message: `\`${name}\` is a file (\`format: binary\`, TOP byte[]): the request body must be \`${MULTIPART}\`.`, location: where });
            if ((p.type === 'object' || (items && (items.type === 'object' || items.type === 'array'))) && e.contentType !== 'application/json') {
              ctx.report({
                message: `\`${name}\` is a DTO (or a list of DTOs) and travels as JSON text: declare \`encoding.${name}.contentType: application/json\`.`,
                location: ctx.location.child(media.encoding ? ['encoding'] : ['schema']),
              });
            }
            if (items && items.type !== 'object' && items.type !== 'array' && (e.explode === true || (e.style !== undefined && e.style !== 'form'))) {
              ctx.report({
                message: `\`${name}\` is a top-level list of scalars: TOP sends it as one comma-joined field (\`style: form, explode: false\`, the default) or as JSON text (\`contentType: application/json\`).`,
                location: ctx.location.child(['encoding', name]),
              });
            }
          }
        }
        if (key === 'application/json' && String(ctx.location.pointer).includes('/responses/')) {
          // Answer lists: every array under the answer names its item element.
          const seen = new Set();
          const visit = (/** @type {{node: any, from: string | undefined}} */ located, /** @type {string} */ path) => {
            const node = located.node;
            if (!node || typeof node !== 'object' || seen.has(node)) return;
            seen.add(node);
            for (const branch of node.oneOf ?? []) visit(deref(branch, located.from, ctx), path);
            if (node.type === 'array') {
              const itemsRaw = node.items ?? {};
              const itemsNode = deref(itemsRaw, located.from, ctx);
              const name = itemsRaw?.xml?.name ?? itemsNode.node?.xml?.name;
              if (typeof name !== 'string' || name === '') {
                ctx.report({
                  message: `\`${path}\` is a list in an answer: name its item element with \`items.xml.name\` (TOP wraps lists: \`"${path.split('.').pop()}":{"<item>":[…]}\`; take the name from the page's XML example or the SDK's @ApiField).`,
                  location: ctx.location.child(['schema']),
                });
              }
              visit(itemsNode, `${path}[]`);
            }
            if (node.properties && typeof node.properties === 'object') {
              for (const [name, property] of Object.entries(node.properties)) {
                if (name === 'error_response') continue;
                visit(deref(property, located.from, ctx), path ? `${path}.${name}` : name);
              }
            }
          };
          visit(schema, '');
        }
      },
    },
  };
}

/** Every node type that carries reader-facing text (description, summary and their Chinese twins). */
const TEXT_NODES = [
  'Root',
  'Info',
  'Tag',
  'Server',
  'ServerVariable',
  'PathItem',
  'Operation',
  'Parameter',
  'RequestBody',
  'Response',
  'MediaType',
  'Example',
  'Schema',
  'SecurityScheme',
  'Header',
  'Link',
  'Encoding',
];

/**
 * Readers' text speaks of the API: a description or summary that talks about
 * the pages the spec was written from (a seed, a column, a placeholder, the
 * Java example) is reported at its line, and the note belongs in
 * `x-maintainer-note` beside it, which no reader-facing artefact prints.
 * @type {import('@redocly/openapi-core').Oas3Rule}
 */
function ReadersText() {
  /** @param {any} node @param {any} ctx */
  const check = (node, ctx) => {
    if (!node || typeof node !== 'object' || '$ref' in node) return;
    for (const key of READER_TEXT_KEYS) {
      const found = sourceTalkIn(node[key]);
      if (!found) continue;
      ctx.report({
        message: `\`${key}\` is read by the API's users, but it talks about ${found.names} ("${found.match}"): say what the field or API is for a caller, and move the note about the source into \`${MAINTAINER_NOTE_KEY}\` beside it.`,
        location: ctx.location.child([key]),
      });
    }
  };
  return Object.fromEntries(TEXT_NODES.map((type) => [type, { enter: check }]));
}

export default function topPlugin() {
  return {
    id: 'top',
    rules: { oas3: { 'operation-extensions': OperationExtensions, 'field-types': FieldTypes, 'readers-text': ReadersText } },
  };
}
