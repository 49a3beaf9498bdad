// The gateway's signature comparison: exact, either case of hex, no early exit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { equalSignatures } from '../../runtime/server/gateway-core.ts';

const expected = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
const cases: { given: string; want: boolean; why: string }[] = [
  { given: expected, want: true, why: 'the same text' },
  { given: expected.toLowerCase(), want: true, why: 'lower-case hex' },
  { given: `${expected.slice(0, -1)}1`, want: false, why: 'the last character differs' },
  { given: `0${expected.slice(1)}`, want: false, why: 'the first character differs' },
  { given: expected.slice(0, -2), want: false, why: 'shorter' },
  { given: `${expected}00`, want: false, why: 'longer' },
  { given: '', want: false, why: 'empty' },
  { given: expected.replace('A', 'a').replace('B', '\u0142'), want: false, why: 'a non-ASCII character in place of a hex digit' },
  { given: expected.replace('A', '!'), want: false, why: 'punctuation (0x21 is 0x41 minus 0x20) never passes as a letter' },
];
for (const c of cases) test(`equalSignatures: ${c.why} → ${c.want}`, () => assert.equal(equalSignatures(c.given, expected), c.want));
