export type FormFields = Map<string, string>;
/**
 * Adds the pairs of `text` to `into`. `maxParams` bounds the work an attacker
 * can cause with `a&a&a...`.
 */
export declare function parseForm(text: string, into: FormFields, maxParams: number): void;
export declare function decodeUtf8(bytes: Uint8Array): string;
/** A file part as a handler receives it. */
export interface UploadedFile {
    readonly filename: string;
    readonly contentType: string;
    readonly data: Uint8Array;
}
export interface MultipartLimits {
    /** Most parts (text and file together). */
    maxParams: number;
    /** Largest part, in bytes (the whole body is bounded by the adapter already). */
    maxPartBytes: number;
}
/**
 * multipart/form-data (an upload), parsed by @fastify/busboy with limits on
 * parts, part size and header size. Every part is read as bytes: a part with
 * a file name is a file, any other is a text parameter, decoded strictly as
 * UTF-8 (47 otherwise). A name given twice is refused (43), as in a form.
 */
export declare function parseMultipart(body: Uint8Array, contentType: string, into: FormFields, files: Map<string, UploadedFile>, limits: MultipartLimits): Promise<void>;
