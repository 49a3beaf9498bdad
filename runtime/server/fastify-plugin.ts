// The gateway as a fastify plugin on the same core. Typed structurally, so the
// package does not depend on fastify (nor on fastify-plugin): register it with
// `app.register(gateway.fastifyPlugin, { prefix: '/top' })`. It reads every body
// as raw bytes (TOP decides what a body means, not fastify) and maps fastify's
// own body errors to TOP answers, so no request gets a 4xx or 5xx.
import { GATEWAY_PATH } from '../common/protocol.ts';
import type { GatewayCore } from './gateway-core.ts';

interface FastifyRequestLike {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}
interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  headers(values: Record<string, string>): FastifyReplyLike;
  send(payload: string): FastifyReplyLike;
}
export interface FastifyLike {
  addContentTypeParser(type: string, options: { parseAs: 'buffer'; bodyLimit: number }, parser: (req: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => void): void;
  removeAllContentTypeParsers(): void;
  setErrorHandler(handler: (error: Error & { code?: string; statusCode?: number }, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown): void;
  route(options: { method: string[]; url: string; handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown> }): void;
}

export interface TopGatewayPluginOptions {
  /** Where the gateway answers, under the prefix it is registered with; default {@link GATEWAY_PATH}, TOP's. */
  path?: string;
}

/** The metadata fastify-plugin would attach, read by fastify when the plugin is registered. */
export interface TopGatewayPluginMeta {
  name: string;
  /** The fastify versions this plugin is written for (a semver range fastify checks). */
  fastify: string;
  /** The routes, parsers and error handler stay in the plugin's own context. */
  encapsulate: true;
}

export type TopGatewayFastifyPlugin = (fastify: FastifyLike) => Promise<void>;

/** The plugin's name in fastify (`app.hasPlugin(TOP_GATEWAY_PLUGIN_NAME)`, `dependencies`). */
export const TOP_GATEWAY_PLUGIN_NAME = 'top-gateway';

// The body types a TOP client sends: a form (every SDK's default) and multipart
// (file uploads). Named so a user's own routes beside the plugin keep theirs.
const TOP_BODY_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function topGatewayPlugin(core: GatewayCore, pluginOptions: TopGatewayPluginOptions = {}): TopGatewayFastifyPlugin {
  const path = pluginOptions.path ?? GATEWAY_PATH;
  const send = async (reply: FastifyReplyLike, request: FastifyRequestLike, body: Uint8Array, bodyTooLarge = false) => {
    const contentType = request.headers['content-type'];
    const answer = await core.handle({ httpMethod: request.method, url: request.url, contentType: Array.isArray(contentType) ? contentType[0] : contentType, body, bodyTooLarge });
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
  const plugin = async (fastify: FastifyLike) => {
    // Only inside this plugin's context (it is encapsulated): the host app's
    // JSON and text parsers are untouched.
    fastify.removeAllContentTypeParsers();
    const raw = { parseAs: 'buffer' as const, bodyLimit: core.limits.maxBodyBytes };
    const keep = (_req: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => done(null, body);
    for (const type of TOP_BODY_TYPES) fastify.addContentTypeParser(type, raw, keep);
    // Any other type (JSON, text, none) reaches the core as bytes too, which
    // answers it as TOP does, exactly as the node:http adapter. `'*'` is
    // fastify's catch-all; unlike a `/.*/` RegExp it raises no FSTSEC001.
    fastify.addContentTypeParser('*', raw, keep);
    // Only fastify's body errors (too large, a wrong content-length) are the gateway's to answer, as TOP
    // would. Any other error (a host app's rate limiter or auth hook refusing the call) goes on to the
    // app's own error handler: answering it here would run the call its hook refused.
    fastify.setErrorHandler((error, request, reply) => {
      if (!error.code?.startsWith('FST_ERR_CTP_')) throw error;
      return send(reply, request, new Uint8Array(), error.code === 'FST_ERR_CTP_BODY_TOO_LARGE');
    });
    fastify.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      url: path,
      handler: (request, reply) => send(reply, request, request.body instanceof Uint8Array ? request.body : new Uint8Array()),
    });
  };
  // fastify-plugin's metadata, set by hand so the package needs no dependency,
  // with `encapsulate: true`'s meaning: `skip-override` stays false, so fastify
  // gives the plugin its own context (the prefix applies; its parsers and error
  // handler reach its route only).
  const meta: TopGatewayPluginMeta = { name: TOP_GATEWAY_PLUGIN_NAME, fastify: '5.x', encapsulate: true };
  return Object.assign(plugin, {
    [Symbol.for('skip-override')]: false,
    [Symbol.for('fastify.display-name')]: TOP_GATEWAY_PLUGIN_NAME,
    [Symbol.for('plugin-meta')]: meta,
  });
}
