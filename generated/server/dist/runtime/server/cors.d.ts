import type { IncomingMessage, ServerResponse } from 'node:http';
type Listener = (req: IncomingMessage, res: ServerResponse) => void;
export declare function withCors(listener: Listener): Listener;
export {};
