// The load stage parses a spec file a second time (for integers beyond 2^53)
// only when it can hold one; a file that does keeps every digit, whichever
// notation it uses.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { exactValue } from '../../generator/model/exact-values.ts';

test('integers beyond 2^53 in split files keep every digit (decimal, 16 digits; hexadecimal, 14)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-exact-'));
  try {
    writeFileSync(
      path.join(dir, 'openapi.yaml'),
      ['openapi: 3.1.0', 'info: { title: t, version: 1.0.0 }', 'paths: {}', 'components:', '  schemas:', "    Decimal: { $ref: './decimal.yaml' }", "    Hex: { $ref: './hex.yaml' }", ''].join('\n'),
    );
    writeFileSync(path.join(dir, 'decimal.yaml'), 'type: integer\nformat: int64\nexamples: [9007199254740993]\n');
    writeFileSync(path.join(dir, 'hex.yaml'), 'type: integer\nformat: int64\nexamples: [0x20000000000001]\n');
    const { document } = await loadSpec(path.join(dir, 'openapi.yaml'), path.resolve(import.meta.dirname, '../../redocly.yaml'), { lint: false });
    const schemas = (document.components as { schemas: Record<string, { examples: unknown[] }> }).schemas;
    assert.equal(exactValue(document, schemas.decimal!.examples[0]), 9007199254740993n);
    assert.equal(exactValue(document, schemas.hex!.examples[0]), 0x20000000000001n);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
