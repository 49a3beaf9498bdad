export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export declare const SIGN_METHODS: readonly SignMethod[];
/** TOP drops a parameter that is null, empty or only white space: it is neither signed nor sent. */
export declare function isSendable(value: string | undefined | null): value is string;
/** The string that is hashed: sorted `name + value` pairs, no separators. */
export declare function signingString(params: Readonly<Record<string, string | undefined>>): string;
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
