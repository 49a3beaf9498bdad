// Uploads (TOP `byte[]` / Java `FileItem`): the request becomes
// multipart/form-data, every text parameter an ordinary part and each file a
// part with a file name. Files are not signed (top-protocol.md §7). This
// module only makes bytes; a transport sends them with the content type.

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

const isBlob = (v: unknown): v is Blob => typeof Blob !== 'undefined' && v instanceof Blob;

/** Whether a value is something a file parameter takes. */
export function isFileInput(value: unknown): value is TopFileInput {
  if (value instanceof Uint8Array || isBlob(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<TopFile>;
  const data = file.data as unknown;
  return (
    typeof file.filename === 'string' &&
    file.filename !== '' &&
    (data instanceof Uint8Array || isBlob(data) || (typeof data === 'object' && data !== null && (typeof (data as ReadableStream).getReader === 'function' || Symbol.asyncIterator in data)))
  );
}

/** Reads a file parameter into bytes, refusing more than `maxBytes` (a stream is read only that far). */
export async function readFile(name: string, input: TopFileInput, maxBytes: number): Promise<FilePart> {
  const fileName = (v: unknown) => (typeof (v as { name?: unknown }).name === 'string' && (v as { name: string }).name !== '' ? (v as { name: string }).name : name);
  let filename = name;
  let contentType = 'application/octet-stream';
  let data: TopFile['data'];
  if (input instanceof Uint8Array) data = input;
  else if (isBlob(input)) {
    filename = fileName(input);
    if (input.type) contentType = input.type;
    data = input;
  } else {
    filename = input.filename;
    if (input.contentType) contentType = input.contentType;
    data = input.data;
  }
  const tooLarge = () => new RangeError(`is larger than ${maxBytes} bytes`);
  if (data instanceof Uint8Array) {
    if (data.byteLength > maxBytes) throw tooLarge();
    return { filename, contentType, bytes: data };
  }
  if (isBlob(data)) {
    if (data.size > maxBytes) throw tooLarge();
    return { filename, contentType, bytes: new Uint8Array(await data.arrayBuffer()) };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const iterable: AsyncIterable<Uint8Array> = Symbol.asyncIterator in data ? (data as AsyncIterable<Uint8Array>) : streamChunks(data as ReadableStream<Uint8Array>);
  for await (const chunk of iterable) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw tooLarge();
    chunks.push(bytes);
  }
  return { filename, contentType, bytes: concat(chunks, total) };
}

async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
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
const headerValue = (text: string) => text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

function boundary(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `----TopFormBoundary${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The multipart/form-data body and its content type. */
export function encodeMultipart(fields: Readonly<Record<string, string>>, files: Readonly<Record<string, FilePart>>, fixedBoundary: string = boundary()): { body: Uint8Array; contentType: string } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(encoder.encode(`--${fixedBoundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${value}\r\n`));
  }
  for (const [name, file] of Object.entries(files)) {
    chunks.push(
      encoder.encode(
        `--${fixedBoundary}\r\nContent-Disposition: form-data; name="${headerValue(name)}"; filename="${headerValue(file.filename)}"\r\nContent-Type: ${headerValue(file.contentType)}\r\n\r\n`,
      ),
    );
    chunks.push(file.bytes);
    chunks.push(encoder.encode('\r\n'));
  }
  chunks.push(encoder.encode(`--${fixedBoundary}--\r\n`));
  return {
    body: concat(
      chunks,
      chunks.reduce((n, c) => n + c.byteLength, 0),
    ),
    contentType: `multipart/form-data; boundary=${fixedBoundary}`,
  };
}
