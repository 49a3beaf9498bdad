// Copied from runtime/common/sign.ts by the TOP generator: edit that file, then regenerate.
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
  /** One call for a whole input (Node 20.12+, not every runtime): several times cheaper than createHash for a short text. */
  hash?: OneShotHash;
  createHash(algorithm: string): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
  createHmac(algorithm: string, key: string): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}
/** `latin1`: the digest's bytes as the char codes of a string, which costs less than a buffer to make. */
type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'latin1') => string;

function loadNodeCrypto(): NodeCrypto | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}
const nodeCrypto: NodeCrypto | undefined = loadNodeCrypto();

/**
 * HMAC (RFC 2104) as two one-shot hashes, H(K^opad || H(K^ipad || text)),
 * with the padded keys kept per secret. Under a gateway's load createHmac
 * cost about 14 µs a request (a native object a call: a digest looked up by
 * name, a context allocated, a weak handle to collect), two one-shot hashes
 * a fraction of that. Both MD5 and SHA-256 have 64-byte blocks.
 */
const BLOCK = 64;
interface PaddedKey {
  /** K^ipad as a string when every byte is ASCII (it is then its own UTF-8, and is hashed with the text in one string); else undefined. */
  innerAscii: string | undefined;
  inner: Uint8Array;
  /** K^opad followed by room for the inner digest, written into at each call (the call is synchronous). */
  outer: Uint8Array;
}
// By algorithm, then by the secret itself: a key made of both would be a new string, hashed again, at every call.
const paddedKeys = { md5: new Map<string, PaddedKey>(), sha256: new Map<string, PaddedKey>() };
// Secrets are few (one an app). Past this many, a new secret is signed by
// createHmac, as every secret was before there were padded keys, and the keys
// already padded stay: dropping them all and starting again made a gateway
// serving more apps than this pad a key at nearly every call, a round over
// 300 apps 2.7 times createHmac's CPU a signature.
const MAX_PADDED_KEYS = 256;

/** The padded key of `secret`, or undefined when there are MAX_PADDED_KEYS others already (then sign with createHmac). */
function paddedKey(hash: OneShotHash, algorithm: 'md5' | 'sha256', secret: string): PaddedKey | undefined {
  const known = paddedKeys[algorithm];
  let padded = known.get(secret);
  if (padded) return padded;
  if (known.size >= MAX_PADDED_KEYS) return undefined;
  let key: Uint8Array = new TextEncoder().encode(secret);
  if (key.length > BLOCK) key = latin1Bytes(hash(algorithm, key, 'latin1'));
  const digestLength = algorithm === 'md5' ? 16 : 32;
  const inner = new Uint8Array(BLOCK).fill(0x36);
  const outer = new Uint8Array(BLOCK + digestLength).fill(0x5c, 0, BLOCK);
  for (let i = 0; i < key.length; i++) {
    inner[i]! ^= key[i]!;
    outer[i]! ^= key[i]!;
  }
  padded = { innerAscii: inner.every((b) => b < 0x80) ? String.fromCharCode(...inner) : undefined, inner, outer };
  known.set(secret, padded);
  return padded;
}

const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

function hmacOneShot(hash: OneShotHash, algorithm: 'md5' | 'sha256', secret: string, text: string): string | undefined {
  const key = paddedKey(hash, algorithm, secret);
  if (!key) return undefined;
  let innerDigest: string;
  if (key.innerAscii !== undefined) innerDigest = hash(algorithm, key.innerAscii + text, 'latin1');
  else {
    const bytes = new TextEncoder().encode(text);
    const data = new Uint8Array(BLOCK + bytes.length);
    data.set(key.inner);
    data.set(bytes, BLOCK);
    innerDigest = hash(algorithm, data, 'latin1');
  }
  const { outer } = key;
  for (let i = 0; i < innerDigest.length; i++) outer[BLOCK + i] = innerDigest.charCodeAt(i);
  return hash(algorithm, outer, 'hex');
}

/**
 * The one-shot HMAC where this runtime's crypto.hash gives what createHmac
 * gives on a known input (a runtime whose hash takes no bytes or gives no
 * latin1 digest keeps createHmac), checked once at load.
 */
function checkedOneShotHmac(crypto: NodeCrypto | undefined): ((algorithm: 'md5' | 'sha256', secret: string, text: string) => string | undefined) | undefined {
  const hash = crypto?.hash;
  if (!crypto || typeof hash !== 'function') return undefined;
  const hmac = (algorithm: 'md5' | 'sha256', secret: string, text: string) => hmacOneShot(hash, algorithm, secret, text);
  try {
    for (const algorithm of ['md5', 'sha256'] as const) {
      for (const secret of ['helloworld', '密钥', 'k'.repeat(BLOCK + 1)]) {
        const text = `app_key12345678中文${secret}`;
        if (hmac(algorithm, secret, text) !== crypto.createHmac(algorithm, secret).update(text, 'utf8').digest('hex')) return undefined;
      }
    }
  } catch {
    return undefined;
  } finally {
    paddedKeys.md5.clear();
    paddedKeys.sha256.clear();
  }
  return hmac;
}
const oneShotHmac = checkedOneShotHmac(nodeCrypto);
// The one-shot path joins K^ipad to the signing string in one string, which
// the engine refuses past its longest (V8: 2^29-24 UTF-16 units) where
// createHmac signs the text as given. A text this long costs milliseconds to
// hash, so the few microseconds the one-shot path saves do not matter: it goes to createHmac.
const ONE_SHOT_MAX_TEXT = 1 << 20;
/** Whether `hmac` and `hmac-sha256` are signed by two one-shot hashes here (else by createHmac, or WebCrypto in `signAsync`). */
export const HMAC_BY_ONE_SHOT_HASH: boolean = oneShotHmac !== undefined;

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
    const algorithm = method === 'hmac' ? 'md5' : 'sha256';
    const oneShot = oneShotHmac && text.length <= ONE_SHOT_MAX_TEXT ? oneShotHmac(algorithm, secret, text) : undefined;
    return (oneShot ?? nodeCrypto.createHmac(algorithm, secret).update(text, 'utf8').digest('hex')).toUpperCase();
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
