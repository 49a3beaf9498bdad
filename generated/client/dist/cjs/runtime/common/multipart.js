"use strict";
// Copied from runtime/common/multipart.ts by the TOP generator: edit that file, then regenerate.
// Uploads (TOP `byte[]` / Java `FileItem`): the request becomes
// multipart/form-data, every text parameter an ordinary part and each file a
// part with a file name. Files are not signed (top-protocol.md §7). This
// module only makes bytes; a transport sends them with the content type.
Object.defineProperty(exports, "__esModule", { value: true });
exports.isFileInput = isFileInput;
exports.readFile = readFile;
exports.encodeMultipart = encodeMultipart;
const isBlob = (v) => typeof Blob !== 'undefined' && v instanceof Blob;
/** Whether a value is something a file parameter takes. */
function isFileInput(value) {
    if (value instanceof Uint8Array || isBlob(value))
        return true;
    if (typeof value !== 'object' || value === null)
        return false;
    const file = value;
    const data = file.data;
    return (typeof file.filename === 'string' &&
        file.filename !== '' &&
        (data instanceof Uint8Array || isBlob(data) || (typeof data === 'object' && data !== null && (typeof data.getReader === 'function' || Symbol.asyncIterator in data))));
}
/** Reads a file parameter into bytes, refusing more than `maxBytes` (a stream is read only that far). */
async function readFile(name, input, maxBytes) {
    const fileName = (v) => (typeof v.name === 'string' && v.name !== '' ? v.name : name);
    let filename = name;
    let contentType = 'application/octet-stream';
    let data;
    if (input instanceof Uint8Array)
        data = input;
    else if (isBlob(input)) {
        filename = fileName(input);
        if (input.type)
            contentType = input.type;
        data = input;
    }
    else {
        filename = input.filename;
        if (input.contentType)
            contentType = input.contentType;
        data = input.data;
    }
    const tooLarge = () => new RangeError(`is larger than ${maxBytes} bytes`);
    if (data instanceof Uint8Array) {
        if (data.byteLength > maxBytes)
            throw tooLarge();
        return { filename, contentType, bytes: data };
    }
    if (isBlob(data)) {
        if (data.size > maxBytes)
            throw tooLarge();
        return { filename, contentType, bytes: new Uint8Array(await data.arrayBuffer()) };
    }
    const chunks = [];
    let total = 0;
    const iterable = Symbol.asyncIterator in data ? data : streamChunks(data);
    for await (const chunk of iterable) {
        const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
        total += bytes.byteLength;
        if (total > maxBytes)
            throw tooLarge();
        chunks.push(bytes);
    }
    return { filename, contentType, bytes: concat(chunks, total) };
}
async function* streamChunks(stream) {
    const reader = stream.getReader();
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                return;
            yield value;
        }
    }
    finally {
        reader.releaseLock();
    }
}
function concat(chunks, total) {
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.byteLength;
    }
    return out;
}
// A part header value: quotes and line breaks escaped as browsers do, so no
// name can end the header or the part early.
const headerValue = (text) => text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
function boundary() {
    const bytes = new Uint8Array(16);
    globalThis.crypto.getRandomValues(bytes);
    return `----TopFormBoundary${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
/** The multipart/form-data body and its content type. */
function encodeMultipart(fields, files, fixedBoundary = boundary()) {
    const encoder = new TextEncoder();
    const chunks = [];
    for (const [name, value] of Object.entries(fields)) {
        chunks.push(encoder.encode(`--${fixedBoundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${value}\r\n`));
    }
    for (const [name, file] of Object.entries(files)) {
        chunks.push(encoder.encode(`--${fixedBoundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"; filename="${headerValue(file.filename)}"\r\nContent-Type: ${headerValue(file.contentType)}\r\n\r\n`));
        chunks.push(file.bytes);
        chunks.push(encoder.encode('\r\n'));
    }
    chunks.push(encoder.encode(`--${fixedBoundary}--\r\n`));
    return {
        body: concat(chunks, chunks.reduce((n, c) => n + c.byteLength, 0)),
        contentType: `multipart/form-data; boundary=${fixedBoundary}`,
    };
}
