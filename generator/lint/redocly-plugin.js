// @ts-check
// Redocly plugin `top`: checks that every operation carries the TOP extensions
// and that they agree with the naming rules in ../top-naming.js.
import { methodOfPathKey, METHOD_PATTERN, operationIdOf, responseRootOf } from '../top-naming.js';

const FORM = 'application/x-www-form-urlencoded';
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
  return walk(schema, segments.flatMap((s) => ['properties', s]), ctx).node !== undefined;
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
            report(`Path key must be \`/router/rest#${method}\` to match \`x-top-method\`; found \`${pathKey}\`.`);
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
          if (!Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string' && k.length > 0)) {
            report('Operation must have `x-top-idempotency-key`: a non-empty list of dotted request-field paths, first present wins.');
          } else {
            const body = walk(here, ['requestBody', 'content', FORM, 'schema'], ctx);
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

export default function topPlugin() {
  return {
    id: 'top',
    rules: { oas3: { 'operation-extensions': OperationExtensions } },
  };
}
