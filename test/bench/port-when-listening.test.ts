// A bench server that dies before it is listening is an error naming it, not
// a bench waiting without end (bench/lib.ts portWhenListening; before, the
// client part's bare server was awaited on its "listening" line alone).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { portWhenListening } from '../../bench/lib.ts';

const node = (source: string) => spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });

// The timeout only bounds a regression (the promise never settling); passing never waits on it.
test('a server that exits before printing "listening PORT" is a rejection naming it', { timeout: 60_000 }, async () => {
  await assert.rejects(portWhenListening(node('process.exit(3)'), 'the test server'), /^Error: the test server exited \(exit code 3\) before it was listening$/);
});

test('the port is read from "listening PORT", even split across writes', { timeout: 60_000 }, async () => {
  const child = node("process.stdout.write('starting\\nlisten'); setTimeout(() => process.stdout.write('ing 4321\\n'), 50); setTimeout(() => {}, 10_000);");
  try {
    assert.equal(await portWhenListening(child, 'the test server'), 4321);
  } finally {
    child.kill();
  }
});
