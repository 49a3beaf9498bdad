// A second TOP signer, written independently of runtime/sign.ts to check it:
// MD5 is implemented here in plain TypeScript (RFC 1321), HMAC by hand
// (RFC 2104) over it, and SHA-256 comes from WebCrypto rather than node:crypto.

function md5(bytes: Uint8Array): Uint8Array {
  const s = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6,
    10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
  ];
  const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, bitLength >>> 0, true);
  view.setUint32(padded.length - 4, Math.floor(bitLength / 2 ** 32), true);
  let a0 = 0x67452301,
    b0 = 0xefcdab89,
    c0 = 0x98badcfe,
    d0 = 0x10325476;
  for (let chunk = 0; chunk < padded.length; chunk += 64) {
    const M = Array.from({ length: 16 }, (_, i) => view.getUint32(chunk + i * 4, true));
    let A = a0,
      B = b0,
      C = c0,
      D = d0;
    for (let i = 0; i < 64; i++) {
      let F: number, g: number;
      if (i < 16) {
        F = (B & C) | (~B & D);
        g = i;
      } else if (i < 32) {
        F = (D & B) | (~D & C);
        g = (5 * i + 1) % 16;
      } else if (i < 48) {
        F = B ^ C ^ D;
        g = (3 * i + 5) % 16;
      } else {
        F = C ^ (B | ~D);
        g = (7 * i) % 16;
      }
      F = (F + A + K[i]! + M[g]!) >>> 0;
      A = D;
      D = C;
      C = B;
      B = (B + ((F << s[i]!) | (F >>> (32 - s[i]!)))) >>> 0;
    }
    a0 = (a0 + A) >>> 0;
    b0 = (b0 + B) >>> 0;
    c0 = (c0 + C) >>> 0;
    d0 = (d0 + D) >>> 0;
  }
  const out = new Uint8Array(16);
  const outView = new DataView(out.buffer);
  [a0, b0, c0, d0].forEach((w, i) => outView.setUint32(i * 4, w, true));
  return out;
}

function hmacMd5(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = 64;
  const k = new Uint8Array(block);
  k.set(key.length > block ? md5(key) : key);
  const inner = new Uint8Array(block + message.length);
  const outer = new Uint8Array(block + 16);
  for (let i = 0; i < block; i++) {
    inner[i] = k[i]! ^ 0x36;
    outer[i] = k[i]! ^ 0x5c;
  }
  inner.set(message, block);
  outer.set(md5(inner), block);
  return md5(outer);
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * TOP's blank value, as the Java SDK's StringUtils.isEmpty decides it: every
 * char Character.isWhitespace (Unicode space, line and paragraph separators but
 * the no-break spaces U+00A0, U+2007, U+202F; U+0009-U+000D; U+001C-U+001F).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: U+001C-U+001F are Java white space, the point of this rule
export const isJavaBlank = (value: string): boolean => /^(?:(?![\u00a0\u2007\u202f])[\p{Zs}\p{Zl}\p{Zp}]|[\t\n\v\f\r\u001c-\u001f])*$/u.test(value);

export async function independentSign(params: Record<string, string>, secret: string, method: 'md5' | 'hmac' | 'hmac-sha256'): Promise<string> {
  const text = Object.entries(params)
    .filter(([name, value]) => name !== 'sign' && !isJavaBlank(value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}${value}`)
    .join('');
  if (method === 'md5') return hex(md5(utf8(secret + text + secret)));
  if (method === 'hmac') return hex(hmacMd5(utf8(secret), utf8(text)));
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(text))));
}
