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
    addContentTypeParser(type: string | RegExp, options: {
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
    /** Where the gateway answers; default `/router/rest`. */
    path?: string;
}
export declare function topGatewayPlugin(core: GatewayCore, pluginOptions?: TopGatewayPluginOptions): (fastify: FastifyLike) => Promise<void>;
export {};
