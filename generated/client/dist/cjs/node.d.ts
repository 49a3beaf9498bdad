export * from './index.ts';
export { nodeHttpTransport, isNodeItself, type NodeHttpTransportOptions, type NodeAgentLike } from './runtime/client/node-transport.ts';
