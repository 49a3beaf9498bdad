// Runs the client suite on Node, Bun or Deno: loads the client package by the
// specifier given (a bare `@top-payments/client`, resolved by that runtime's
// own export conditions) and prints the results as one `RESULT <json>` line.
// Arguments: <specifier> <targets json> <expected transport name>.
import { type ClientModule, type NodeEntry, runSuite } from './client-suite.ts';

const g = globalThis as { Deno?: { args: string[] }; process?: { argv: string[] } };
const [specifier, targets, expectedTransport] = g.Deno?.args ?? g.process?.argv.slice(2) ?? [];
const pkg = (await import(specifier!)) as ClientModule;
// The /node entry (node:http), which Node, Bun and Deno all load; the suite loads it last (it sets the default transport).
const loadNodeEntry = async () => (await import(`${specifier}/node`)) as NodeEntry;
console.log(`RESULT ${JSON.stringify(await runSuite(pkg, JSON.parse(targets!), expectedTransport!, loadNodeEntry))}`);
