// TOP request signing (top-protocol.md §3), the same as the Java SDK's
// TaobaoUtils.signTopRequest: sort by name, concatenate name+value of every
// non-empty parameter except `sign`, hash the UTF-8 bytes, upper-case hex.
//
// No static import of node:crypto: this file runs on Cloudflare Workers
// without nodejs_compat and in browsers too. Where node:crypto exists (Node,
// Bun, Deno) it is taken through process.getBuiltinModule, synchronously;
// elsewhere `signAsync` hashes with WebCrypto (HMAC-SHA256) and ./md5.ts
// (MD5 and HMAC-MD5, which WebCrypto lacks).
import { hmacMd5, md5, toHex } from './md5.ts';

export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export const SIGN_METHODS: readonly SignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

/**
 * Java's `Character.isWhitespace`, which TOP's `StringUtils.isEmpty` applies to
 * each char: the Unicode space, line and paragraph separators except the three
 * no-break spaces (U+00A0, U+2007, U+202F), and U+0009-U+000D, U+001C-U+001F.
 * Not JavaScript's trim: that also takes the no-break spaces and U+FEFF, and
 * leaves U+001C-U+001F, so a value of only those would be signed by one side
 * and dropped by the other (error 25 between a Java SDK and this gateway).
 */
export function isJavaWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x1680) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a && c !== 0x2007) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

/** TOP drops a parameter that is null, empty or only white space (in Java's sense): it is neither signed nor sent. */
export function isSendable(value: string | undefined | null): value is string {
  if (value === undefined || value === null) return false;
  for (let i = 0; i < value.length; i++) if (!isJavaWhitespace(value.charCodeAt(i))) return true;
  return false;
}

/** The string that is hashed: sorted `name + value` pairs, no separators. */
export function signingString(params: Readonly<Record<string, string | undefined>>): string {
  // Plain code-unit comparison is ASCII order for TOP's ASCII parameter names,
  // which is what Java's Arrays.sort does on String.
  const names: string[] = [];
  for (const name of Object.keys(params)) if (name !== 'sign' && isSendable(params[name])) names.push(name);
  names.sort();
  let out = '';
  for (const name of names) out += name + params[name];
  return out;
}

/** The part of node:crypto used here. */
interface NodeCrypto {
  /** One call for a whole string (Node 20.12+, not every runtime): several times cheaper than createHash for a short text. */
  hash?(algorithm: string, data: string, encoding: 'hex'): string;
  createHash(algorithm: string): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: string, key: string): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

function loadNodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}
const nodeCrypto: NodeCrypto | undefined = loadNodeCrypto();

function checkMethod(method: SignMethod): void {
  if (!SIGN_METHODS.includes(method)) throw new TypeError(`sign_method must be one of ${SIGN_METHODS.join(', ')}; got ${String(method)}`);
}

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/** MD5 and HMAC-MD5 without node:crypto. */
function signMd5Portable(text: string, secret: string, method: 'md5' | 'hmac'): string {
  const digest = method === 'md5' ? md5(utf8(secret + text + secret)) : hmacMd5(utf8(secret), utf8(text));
  return toHex(digest).toUpperCase();
}

/** Whether `sign` can sign with `method` here, synchronously (hmac-sha256 needs node:crypto). */
export function canSignSync(method: SignMethod): boolean {
  return nodeCrypto !== undefined || method !== 'hmac-sha256';
}

/**
 * The signature, synchronously. Needs node:crypto for `hmac-sha256` (WebCrypto
 * is asynchronous only); where there is none, use `signAsync`.
 */
export function sign(params: Readonly<Record<string, string | undefined>>, secret: string, method: SignMethod): string {
  checkMethod(method);
  const text = signingString(params);
  if (nodeCrypto) {
    if (method === 'md5') {
      const data = secret + text + secret;
      return (nodeCrypto.hash ? nodeCrypto.hash('md5', data, 'hex') : nodeCrypto.createHash('md5').update(data, 'utf8').digest('hex')).toUpperCase();
    }
    return nodeCrypto
      .createHmac(method === 'hmac' ? 'md5' : 'sha256', secret)
      .update(text, 'utf8')
      .digest('hex')
      .toUpperCase();
  }
  if (method !== 'hmac-sha256') return signMd5Portable(text, secret, method);
  throw new TypeError('sign: hmac-sha256 needs node:crypto to sign synchronously, and this runtime has none; use signAsync');
}

/**
 * The signature on any runtime: node:crypto where there is one, else WebCrypto
 * for `hmac-sha256` and the bundled MD5 for `md5` and `hmac`. `portable: true`
 * skips node:crypto (the tests use it to check the WebCrypto/MD5 path on Node).
 */
export async function signAsync(params: Readonly<Record<string, string | undefined>>, secret: string, method: SignMethod, options: { portable?: boolean } = {}): Promise<string> {
  checkMethod(method);
  if (nodeCrypto && !options.portable) return sign(params, secret, method);
  const text = signingString(params);
  if (method !== 'hmac-sha256') return signMd5Portable(text, secret, method);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new TypeError('sign: this runtime has neither node:crypto nor WebCrypto (crypto.subtle) for hmac-sha256');
  const key = await subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(new Uint8Array(await subtle.sign('HMAC', key, utf8(text)))).toUpperCase();
}
