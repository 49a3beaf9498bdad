// Review rv1: the README has users import the generated sources themselves
// (`./generated/server/src/index.ts`), so the packages' sources must compile
// under the stricter flags a project may turn on beyond `strict`. Under
// exactOptionalPropertyTypes the gateway's OpenTelemetry hook did not
// (`{ message: string | undefined }` for an optional `message`).
// (noPropertyAccessFromIndexSignature is a style rule the runtime does not follow.)

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('the generated client and server sources compile with exactOptionalPropertyTypes, noUncheckedIndexedAccess and the other opt-in checks', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-strict-flags-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    symlinkSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), 'dir');
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022', 'DOM'],
          types: ['node'],
          typeRoots: [path.join(ROOT, 'node_modules/@types')],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noImplicitOverride: true,
          noImplicitReturns: true,
          noFallthroughCasesInSwitch: true,
          verbatimModuleSyntax: true,
          allowImportingTsExtensions: true,
          noEmit: true,
          skipLibCheck: true,
        },
        include: ['generated/client/src/**/*.ts', 'generated/server/src/**/*.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
    } catch (error) {
      assert.fail(`tsc: ${(error as { stdout?: string }).stdout ?? error}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
