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
    addContentTypeParser(type: string, options: {
        parseAs: 'buffer';
        bodyLimit: number;
    }, parser: (req: unknown, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => void): void;
    removeAllContentTypeParsers(): void;
    setErrorHandler(handler: (error: Error & {
        code?: string;
        statusCode?: number;
    }, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown): void;
    route(options: {
        method: string[];
        url: string;
        handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
    }): void;
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
export declare const TOP_GATEWAY_PLUGIN_NAME = "top-gateway";
export declare function topGatewayPlugin(core: GatewayCore, pluginOptions?: TopGatewayPluginOptions): TopGatewayFastifyPlugin;
export {};
