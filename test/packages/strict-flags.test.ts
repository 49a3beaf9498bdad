// Review rv1: the README has users import the generated sources themselves
// (`./generated/server/src/index.ts`), so the packages' sources must compile
// under the stricter flags a project may turn on beyond `strict`. Under
// exactOptionalPropertyTypes the gateway's OpenTelemetry hook did not
// (`{ message: string | undefined }` for an optional `message`).
// (noPropertyAccessFromIndexSignature is a style rule the runtime does not follow.)

import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { typeCheck } from '../support/strict-tsc.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

test('the generated client and server sources compile with exactOptionalPropertyTypes, noUncheckedIndexedAccess and the other opt-in checks', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-strict-flags-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    symlinkSync(path.join(ROOT, 'generated'), path.join(dir, 'generated'), 'dir');
    typeCheck(dir, {
      compilerOptions: {
        lib: ['ES2022', 'DOM'],
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
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
