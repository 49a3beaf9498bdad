// hmac and hmac-sha256 hashed K^ipad joined to the signing string in one string
// (sign.ts, the one-shot path). A signing string within a few dozen units of
// the engine's longest string (V8: 2^29-24 UTF-16 units) cannot be joined to
// anything: the join threw RangeError where createHmac, which hashes the text
// as given, signs it. Such a text is signed here as createHmac signs it.
// (About 1 GB for a moment: the text, and createHmac's UTF-8 copy of it.)
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import os from 'node:os';
import { test } from 'node:test';
import { sign } from '../../../runtime/common/sign.ts';

/** A string of the longest length this engine makes (repeat checks the length before it builds anything). */
function longestString(): string {
  for (const n of [2 ** 30 - 25, 2 ** 29 - 24, 2 ** 28 - 16]) {
    try {
      return 'x'.repeat(n);
    } catch {}
  }
  throw new Error('no long string on this engine');
}

// One method: hmac and hmac-sha256 take the same branch (sign.ts), and each pass over the text costs a second.
// About 1.2 GB at its peak: skipped, and said so, on a machine with less than 4 GiB in all, where it could starve the rest of the run.
const skip = os.totalmem() < 4 * 2 ** 30 ? `needs about 1.2 GB; this machine has ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB` : false;
test("sign: hmac-sha256 signs a signing string of the engine's longest length, as createHmac does", { skip }, () => {
  const value = longestString();
  // A parameter named '': the signing string is the value itself, not a copy.
  const params = { '': value };
  // The reference streams the same UTF-8 bytes in chunks, so it needs no second copy of the text.
  const reference = createHmac('sha256', 'helloworld');
  const chunk = 'x'.repeat(1 << 24);
  let left = value.length;
  for (; left >= chunk.length; left -= chunk.length) reference.update(chunk, 'utf8');
  reference.update('x'.repeat(left), 'utf8');
  assert.equal(sign(params, 'helloworld', 'hmac-sha256'), reference.digest('hex').toUpperCase(), `a signing string of ${value.length} units`);
});
