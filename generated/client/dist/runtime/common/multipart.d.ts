/** A file with its name, as a call passes it (and as a gateway handler receives it, `data` then a Uint8Array). */
export interface TopFile {
    readonly filename: string;
    readonly contentType?: string;
    readonly data: Uint8Array | Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;
}
/** What a file parameter takes: a Blob (a File names itself), bytes, or a TopFile (bytes, a Blob or a stream, with a name). */
export type TopFileInput = Blob | Uint8Array | TopFile;
/** A file read into memory, ready for a part. */
export interface FilePart {
    filename: string;
    contentType: string;
    bytes: Uint8Array;
}
/** Whether a value is something a file parameter takes. */
export declare function isFileInput(value: unknown): value is TopFileInput;
/** Reads a file parameter into bytes, refusing more than `maxBytes` (a stream is read only that far). */
export declare function readFile(name: string, input: TopFileInput, maxBytes: number): Promise<FilePart>;
/** The multipart/form-data body and its content type. */
export declare function encodeMultipart(fields: Readonly<Record<string, string>>, files: Readonly<Record<string, FilePart>>, fixedBoundary?: string): {
    body: Uint8Array;
    contentType: string;
};
