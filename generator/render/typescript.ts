// TypeScript (and openapi-typescript's printer), loaded with require.
//
// Why not `import ts from 'typescript'`: typescript.js is one 9 MB CommonJS
// file, and an ES module import of it makes Node 20 parse it twice before
// compiling it (detectModuleFormat, then cjs-module-lexer for its export
// names): ~250 ms of a cold generation's CPU (issue 16). require() only
// compiles it. openapi-typescript's CommonJS build requires it the same way.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

const require = createRequire(import.meta.url);

let loaded: typeof TS | undefined;

/**
 * TypeScript, required on first use: a generation that hands TypeScript's
 * work to its worker (typescript-work.ts) never loads it in the main thread.
 */
export function typescript(): typeof TS {
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}
