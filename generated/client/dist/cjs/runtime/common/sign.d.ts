export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export declare const SIGN_METHODS: readonly SignMethod[];
/**
 * Java's `Character.isWhitespace`, which TOP's `StringUtils.isEmpty` applies to
 * each char: the Unicode space, line and paragraph separators except the three
 * no-break spaces (U+00A0, U+2007, U+202F), and U+0009-U+000D, U+001C-U+001F.
 * Not JavaScript's trim: that also takes the no-break spaces and U+FEFF, and
 * leaves U+001C-U+001F, so a value of only those would be signed by one side
 * and dropped by the other (error 25 between a Java SDK and this gateway).
 */
export declare function isJavaWhitespace(c: number): boolean;
/** TOP drops a parameter that is null, empty or only white space (in Java's sense): it is neither signed nor sent. */
export declare function isSendable(value: string | undefined | null): value is string;
/** The string that is hashed: sorted `name + value` pairs, no separators. */
export declare function signingString(params: Readonly<Record<string, string | undefined>>): string;
/** Whether `hmac` and `hmac-sha256` are signed by two one-shot hashes here (else by createHmac, or WebCrypto in `signAsync`). */
export declare const HMAC_BY_ONE_SHOT_HASH: boolean;
/** Whether `sign` can sign with `method` here, synchronously (hmac-sha256 needs node:crypto). */
export declare function canSignSync(method: SignMethod): boolean;
/**
 * The signature, synchronously. Needs node:crypto for `hmac-sha256` (WebCrypto
 * is asynchronous only); where there is none, use `signAsync`.
 */
export declare function sign(params: Readonly<Record<string, string | undefined>>, secret: string, method: SignMethod): string;
/**
 * The signature on any runtime: node:crypto where there is one, else WebCrypto
 * for `hmac-sha256` and the bundled MD5 for `md5` and `hmac`. `portable: true`
 * skips node:crypto (the tests use it to check the WebCrypto/MD5 path on Node).
 */
export declare function signAsync(params: Readonly<Record<string, string | undefined>>, secret: string, method: SignMethod, options?: {
    portable?: boolean;
}): Promise<string>;
