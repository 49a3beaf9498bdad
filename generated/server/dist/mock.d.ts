import http from 'node:http';
import { type Handlers } from './server.ts';
/** The demo key and secret of the protocol notes' worked examples. */
export declare const MOCK_APP_KEY = "12345678";
export declare const MOCK_APP_SECRET = "helloworld";
export declare const mockHandlers: Required<Handlers>;
export interface MockOptions {
    /** 0 picks a free port. */
    port?: number;
    /** The address to listen on (default 127.0.0.1; `0.0.0.0` or `::` for every interface). */
    host?: string;
    appKey?: string;
    appSecret?: string;
}
/** Starts the mock (on 127.0.0.1 unless `host` says otherwise); any non-empty session is accepted as a user of that name. */
export declare function startMockGateway(options?: MockOptions): Promise<{
    server: http.Server;
    url: string;
    close: () => Promise<void>;
}>;
