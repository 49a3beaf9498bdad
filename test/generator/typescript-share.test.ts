// Review rv1: the generator installed into a project that has another
// TypeScript at its top level (typescript@5.4.5 beside the tarball: npm nests
// the generator's 5.9.3 under it, and hoists openapi-typescript, which then
// finds the project's). Run from the sources (no current bin/build, or
// TOP_OPENAPI_FROM_SOURCE=1), every generation failed with "unexpected
// error: types.ts: openapi-typescript printed a ClassDeclaration": the
// printer made its nodes with 5.4.5 and the generator read them with 5.9.3,
// whose SyntaxKind numbers differ. The printer's require('typescript') is
// now given the generator's own. Seen end to end in such a project (the
// report); here the aliasing itself, with a stand-in for the project's copy.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { shareTypeScript } from '../../generator/render/types.ts';
import { typescript } from '../../generator/render/typescript.ts';

test("openapi-typescript's require('typescript') gets the generator's TypeScript, not a project's other copy", () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'top-ts-share-'));
  try {
    const theirs = path.join(project, 'node_modules/typescript/lib/typescript.js');
    mkdirSync(path.dirname(theirs), { recursive: true });
    writeFileSync(path.join(project, 'node_modules/typescript/package.json'), JSON.stringify({ name: 'typescript', version: '5.4.5', main: './lib/typescript.js' }));
    writeFileSync(theirs, "module.exports = { version: '5.4.5', SyntaxKind: {} };\n");
    const requireInProject = createRequire(path.join(project, 'node_modules/openapi-typescript/dist/lib/ts.cjs'));
    assert.equal(requireInProject.resolve('typescript'), theirs, 'the stand-in is what a hoisted openapi-typescript finds');
    shareTypeScript(theirs);
    assert.equal(requireInProject('typescript'), typescript());
    assert.equal(requireInProject('typescript').SyntaxKind.ClassDeclaration, typescript().SyntaxKind.ClassDeclaration);
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
