// The load stage parses a spec file a second time (for integers beyond 2^53)
// only when it can hold one; a file that does keeps every digit, whichever
// notation it uses.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadSpec, MAY_HOLD_UNSAFE_INTEGER } from '../../generator/load/load-spec.ts';
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

test('a file is parsed again whenever it can hold an integer beyond 2^53, in any notation the yaml package reads as one', () => {
  const values = [2n ** 53n, 2n ** 53n + 1n, 10n ** 16n, 2n ** 63n - 1n, 2n ** 64n + 7n];
  for (const value of values) {
    for (const text of [
      value.toString(),
      `-${value}`,
      `+${value}`,
      `000${value}`,
      `0x${value.toString(16)}`,
      `0x${value.toString(16).toUpperCase()}`,
      `0x00${value.toString(16)}`,
      `0o${value.toString(8)}`,
    ]) {
      assert.ok(MAY_HOLD_UNSAFE_INTEGER.test(`examples: [${text}]\n`), text);
    }
  }
});

test('integers beyond 2^53 keep every digit in octal, negative and upper-case hexadecimal notation too, each in a file of its own', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-exact-'));
  const cases = { octal: ['0o400000000000000001', 2n ** 53n + 1n], negative: ['-9007199254740993', -9007199254740993n], upper: ['0x2000000000000B', 0x2000000000000bn] } as const;
  try {
    const refs = Object.keys(cases).map((name) => `    ${name}: { $ref: './${name}.yaml' }`);
    writeFileSync(path.join(dir, 'openapi.yaml'), ['openapi: 3.1.0', 'info: { title: t, version: 1.0.0 }', 'paths: {}', 'components:', '  schemas:', ...refs, ''].join('\n'));
    for (const [name, [text]] of Object.entries(cases)) writeFileSync(path.join(dir, `${name}.yaml`), `type: integer\nformat: int64\nexamples: [${text}]\n`);
    const { document } = await loadSpec(path.join(dir, 'openapi.yaml'), path.resolve(import.meta.dirname, '../../redocly.yaml'), { lint: false });
    const schemas = (document.components as { schemas: Record<string, { examples: unknown[] }> }).schemas;
    for (const [name, [, exact]] of Object.entries(cases)) assert.equal(exactValue(document, schemas[name]!.examples[0]), exact, name);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
