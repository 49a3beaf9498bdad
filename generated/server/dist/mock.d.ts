import http from 'node:http';
import { type Handlers } from './server.ts';
/** The demo key and secret of the protocol notes' worked examples. */
export declare const MOCK_APP_KEY = "12345678";
export declare const MOCK_APP_SECRET = "helloworld";
export declare const mockHandlers: Required<Handlers>;
export interface MockOptions {
    /** 0 picks a free port. */
    port?: number;
    appKey?: string;
    appSecret?: string;
}
/** Starts the mock on 127.0.0.1; any non-empty session is accepted as a user of that name. */
export declare function startMockGateway(options?: MockOptions): Promise<{
    server: http.Server;
    url: string;
    close: () => Promise<void>;
}>;
