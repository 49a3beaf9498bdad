// The gateway as a fastify plugin on the same core. Typed structurally, so the
// package does not depend on fastify: register it with
// `app.register(topGatewayPlugin(core))`. It reads every body as raw bytes
// (TOP decides what a body means, not fastify) and maps fastify's own body
// errors to TOP answers, so no request gets a 4xx or 5xx.
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
  addContentTypeParser(type: string | RegExp, options: { parseAs: 'buffer'; bodyLimit: number }, parser: (req: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => void): void;
  removeAllContentTypeParsers(): void;
  setErrorHandler(handler: (error: Error & { code?: string; statusCode?: number }, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown): void;
  route(options: { method: string[]; url: string; handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown> }): void;
}

export interface TopGatewayPluginOptions {
  /** Where the gateway answers; default `/router/rest`. */
  path?: string;
}

export function topGatewayPlugin(core: GatewayCore, pluginOptions: TopGatewayPluginOptions = {}): (fastify: FastifyLike) => Promise<void> {
  const path = pluginOptions.path ?? '/router/rest';
  const send = async (reply: FastifyReplyLike, request: FastifyRequestLike, body: Uint8Array, bodyTooLarge = false) => {
    const contentType = request.headers['content-type'];
    const answer = await core.handle({ httpMethod: request.method, url: request.url, contentType: Array.isArray(contentType) ? contentType[0] : contentType, body, bodyTooLarge });
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  };
  const plugin = async (fastify: FastifyLike) => {
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser(/.*/, { parseAs: 'buffer', bodyLimit: core.limits.maxBodyBytes }, (_req, body, done) => done(null, body));
    fastify.setErrorHandler((error, request, reply) => send(reply, request, new Uint8Array(), error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'));
    fastify.route({
      method: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
      url: path,
      handler: (request, reply) => send(reply, request, request.body instanceof Uint8Array ? request.body : new Uint8Array()),
    });
  };
  // Not wrapped with fastify-plugin on purpose: fastify encapsulates it, so its
  // parsers and error handler apply to this route only, not to the host app.
  return plugin;
}
