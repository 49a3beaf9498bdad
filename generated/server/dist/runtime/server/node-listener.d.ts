import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayCore } from './gateway-core.ts';
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;
export declare function nodeListener(core: GatewayCore): RequestListener;
