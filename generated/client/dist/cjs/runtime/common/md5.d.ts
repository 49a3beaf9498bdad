/** The 16-byte MD5 digest of `bytes`. */
export declare function md5(bytes: Uint8Array): Uint8Array;
/** HMAC-MD5 (RFC 2104, block size 64). */
export declare function hmacMd5(key: Uint8Array, message: Uint8Array): Uint8Array;
/** Lower-case hex of `bytes`. */
export declare function toHex(bytes: Uint8Array): string;
