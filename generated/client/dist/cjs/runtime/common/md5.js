"use strict";
// Copied from runtime/common/md5.ts by the TOP generator: edit that file, then regenerate.
// MD5 (RFC 1321) and HMAC-MD5 (RFC 2104) in plain TypeScript, for the
// runtimes that have WebCrypto but no node:crypto (Cloudflare Workers without
// nodejs_compat, browsers): WebCrypto has no MD5, and TOP's `md5` and `hmac`
// sign methods need it. Checked against RFC 1321's and RFC 2202's test vectors
// and against node:crypto on random inputs (test/runtime/common/md5.test.ts).
// MD5 is used here only because TOP's protocol names it, never as a choice.
Object.defineProperty(exports, "__esModule", { value: true });
exports.md5 = md5;
exports.hmacMd5 = hmacMd5;
exports.toHex = toHex;
// Per-round shift amounts (RFC 1321 §3.4).
// biome-ignore format: four rows of sixteen, as RFC 1321 prints them
const S = [
    7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
    5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
    4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
    6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
];
// T[i] = floor(abs(sin(i + 1)) * 2^32), the table RFC 1321 §3.4 defines.
const T = new Int32Array(64);
for (let i = 0; i < 64; i++)
    T[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x1_0000_0000) | 0;
/** The 16-byte MD5 digest of `bytes`. */
function md5(bytes) {
    // Padding (§3.1–3.2): a 1 bit, zeros to 56 mod 64 bytes, then the bit length, little-endian.
    const length = bytes.length;
    const padded = new Uint8Array((((length + 8) >>> 6) + 1) << 6);
    padded.set(bytes);
    padded[length] = 0x80;
    const view = new DataView(padded.buffer);
    view.setUint32(padded.length - 8, (length * 8) >>> 0, true);
    view.setUint32(padded.length - 4, Math.floor(length / 0x2000_0000), true);
    let a0 = 0x67452301, b0 = 0xefcdab89 | 0, c0 = 0x98badcfe | 0, d0 = 0x10325476;
    const M = new Int32Array(16);
    for (let offset = 0; offset < padded.length; offset += 64) {
        for (let j = 0; j < 16; j++)
            M[j] = view.getInt32(offset + j * 4, true);
        let a = a0, b = b0, c = c0, d = d0;
        for (let i = 0; i < 64; i++) {
            let f, g;
            if (i < 16) {
                f = (b & c) | (~b & d);
                g = i;
            }
            else if (i < 32) {
                f = (d & b) | (~d & c);
                g = (5 * i + 1) & 15;
            }
            else if (i < 48) {
                f = b ^ c ^ d;
                g = (3 * i + 5) & 15;
            }
            else {
                f = c ^ (b | ~d);
                g = (7 * i) & 15;
            }
            const sum = (a + f + T[i] + M[g]) | 0;
            a = d;
            d = c;
            c = b;
            b = (b + ((sum << S[i]) | (sum >>> (32 - S[i])))) | 0;
        }
        a0 = (a0 + a) | 0;
        b0 = (b0 + b) | 0;
        c0 = (c0 + c) | 0;
        d0 = (d0 + d) | 0;
    }
    const out = new Uint8Array(16);
    const outView = new DataView(out.buffer);
    outView.setInt32(0, a0, true);
    outView.setInt32(4, b0, true);
    outView.setInt32(8, c0, true);
    outView.setInt32(12, d0, true);
    return out;
}
/** HMAC-MD5 (RFC 2104, block size 64). */
function hmacMd5(key, message) {
    const block = new Uint8Array(64);
    block.set(key.length > 64 ? md5(key) : key);
    const inner = new Uint8Array(64 + message.length);
    const outer = new Uint8Array(64 + 16);
    for (let i = 0; i < 64; i++) {
        inner[i] = block[i] ^ 0x36;
        outer[i] = block[i] ^ 0x5c;
    }
    inner.set(message, 64);
    outer.set(md5(inner), 64);
    return md5(outer);
}
/** Lower-case hex of `bytes`. */
function toHex(bytes) {
    let out = '';
    for (const byte of bytes)
        out += byte.toString(16).padStart(2, '0');
    return out;
}
