export type SignMethod = 'md5' | 'hmac' | 'hmac-sha256';
export declare const SIGN_METHODS: readonly SignMethod[];
/** TOP drops a parameter that is null, empty or only white space: it is neither signed nor sent. */
export declare function isSendable(value: string | undefined | null): value is string;
/** The string that is hashed: sorted `name + value` pairs, no separators. */
export declare function signingString(params: Readonly<Record<string, string | undefined>>): string;
export declare function sign(params: Readonly<Record<string, string | undefined>>, secret: string, method: SignMethod): string;
