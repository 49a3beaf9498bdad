// @ts-check
// TOP's naming rules, in plain JavaScript so that the redocly CLI can load the
// lint plugin that uses them without a TypeScript loader. The generator's model
// imports the same functions: one definition of each rule.

/** A TOP method name: dot-separated lower-case segments. */
export const METHOD_PATTERN = /^[a-z][a-z0-9]*(\.[a-z0-9]+)+$/;

/** The gateway path every operation is posted to. */
export const GATEWAY_PATH = '/router/rest';

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
 * The success envelope's root: only a leading `taobao.` is dropped.
 * `alibaba.idle.tender.pre.pay.action` → `alibaba_idle_tender_pre_pay_action_response`.
 * @param {string} method
 */
export function responseRootOf(method) {
  return method.replace(/^taobao\./, '').replace(/\./g, '_') + '_response';
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
