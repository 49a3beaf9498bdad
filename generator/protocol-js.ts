// generator/protocol.js: runtime/common/protocol.ts transpiled to plain
// JavaScript (types stripped, nothing else changed), for the code the
// redocly CLI loads without a TypeScript loader (top-naming.js and, through
// it, the lint plugin). protocol.ts stays the one place TOP's protocol
// constants are written; this file is made from it, never edited.
// test/spec/protocol.test.ts fails when the two differ; to refresh it run
//   node --import tsx generator/protocol-js.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export const PROTOCOL_TS: string = path.resolve(import.meta.dirname, '../runtime/common/protocol.ts');
export const PROTOCOL_JS: string = path.resolve(import.meta.dirname, 'protocol.js');

/** The JavaScript twin of protocol.ts, as it must read. */
export function protocolJs(source: string = readFileSync(PROTOCOL_TS, 'utf8')): string {
  const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, removeComments: false } });
  return `// Made from runtime/common/protocol.ts by generator/protocol-js.ts: edit that file, then run\n//   node --import tsx generator/protocol-js.ts\n// @ts-nocheck\n${outputText}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(PROTOCOL_JS, protocolJs());
  console.log(`wrote ${path.relative(process.cwd(), PROTOCOL_JS)}`);
}
