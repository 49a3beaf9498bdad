export type FormFields = Map<string, string>;
/**
 * Adds the pairs of `text` to `into`. `maxParams` bounds the work an attacker
 * can cause with `a&a&a...`.
 */
export declare function parseForm(text: string, into: FormFields, maxParams: number): void;
export declare function decodeUtf8(bytes: Uint8Array): string;
