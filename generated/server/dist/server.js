import { GatewayCore } from "./runtime/server/gateway-core.js";
import { nodeListener } from "./runtime/server/node-listener.js";
import { topGatewayPlugin } from "./runtime/server/fastify-plugin.js";
import { operations } from "./operations.js";
/**
 * A TOP gateway for Taobao Open Platform payment APIs (spec 1.0.0): `http.createServer(createGateway({...}))`.
 * It checks every system parameter and the signature, validates the business
 * parameters, replays idempotent retries and answers in TOP's JSON or XML envelopes;
 * an API without a handler answers code 22 (Invalid Method).
 */
export function createGateway(options) {
    const core = new GatewayCore({ ...options, operations, handlers: options.handlers });
    return Object.assign(nodeListener(core), { core, fastifyPlugin: topGatewayPlugin(core) });
}
