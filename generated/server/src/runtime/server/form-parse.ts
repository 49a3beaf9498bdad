// Copied from runtime/server/form-parse.ts by the TOP generator: edit that file, then regenerate.
// A strict application/x-www-form-urlencoded parser for the gateway: invalid
// percent-encoding or UTF-8 is an error (TOP code 47), not a silent U+FFFD,
// and a parameter named twice is reported, since the signature was computed
// over one value and a handler must not see another.
import { GatewayError } from './platform-errors.ts';

export type FormFields = Map<string, string>;

function decodeComponent(text: string): string {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new GatewayError(47, 'isv.invalid-encoding', 'percent-encoding is malformed or not UTF-8');
  }
}

/**
 * Adds the pairs of `text` to `into`. `maxParams` bounds the work an attacker
 * can cause with `a&a&a...`.
 */
export function parseForm(text: string, into: FormFields, maxParams: number): void {
  if (text === '') return;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const pair = text.slice(start, end);
      const eq = pair.indexOf('=');
      const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
      const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1));
      if (into.has(name)) throw new GatewayError(43, `isv.parameter-duplicated:${name}`, `parameter ${name} is given more than once`);
      if (into.size >= maxParams) throw new GatewayError(43, 'isv.too-many-parameters', `more than ${maxParams} parameters`);
      into.set(name, value);
    }
    start = end + 1;
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new GatewayError(47, 'isv.invalid-encoding', 'the body is not UTF-8');
  }
}

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
export async function parseMultipart(body: Uint8Array, contentType: string, into: FormFields, files: Map<string, UploadedFile>, limits: MultipartLimits): Promise<void> {
  // Loaded on the first upload only: a gateway without file APIs never needs it.
  const { Busboy } = await import('@fastify/busboy');
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: GatewayError) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    let busboy: InstanceType<typeof Busboy>;
    try {
      busboy = new Busboy({
        headers: { 'content-type': contentType },
        limits: { parts: limits.maxParams, fields: limits.maxParams, files: limits.maxParams, fileSize: limits.maxPartBytes, headerPairs: 32, fieldNameSize: 256 },
        // Every part as raw bytes: this module decides what is a file and decodes text strictly.
        isPartAFile: () => true,
      });
    } catch (error) {
      fail(new GatewayError(43, 'isv.invalid-multipart', `the multipart body cannot be read: ${(error as Error).message}`));
      return;
    }
    let pending = 0;
    let finished = false;
    const done = () => {
      if (finished && pending === 0 && !failed) resolve();
    };
    const tooMany = () => fail(new GatewayError(43, 'isv.too-many-parameters', `more than ${limits.maxParams} parameters`));
    busboy.on('partsLimit', tooMany);
    busboy.on('filesLimit', tooMany);
    busboy.on('fieldsLimit', tooMany);
    busboy.on('error', (error: Error) => fail(new GatewayError(43, 'isv.invalid-multipart', `the multipart body cannot be read: ${error.message}`)));
    busboy.on('file', (name: string, stream: NodeJS.ReadableStream & { truncated?: boolean }, filename: string | undefined, _encoding: string, mime: string) => {
      pending++;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(new GatewayError(43, `isv.parameter-too-large:${name}`, `${name} is larger than ${limits.maxPartBytes} bytes`)));
      stream.on('error', (error: Error) => fail(new GatewayError(43, 'isv.invalid-multipart', error.message)));
      stream.on('end', () => {
        pending--;
        if (failed) return;
        try {
          if (into.has(name) || files.has(name)) throw new GatewayError(43, `isv.parameter-duplicated:${name}`, `parameter ${name} is given more than once`);
          const bytes = Buffer.concat(chunks);
          if (filename !== undefined && filename !== '')
            files.set(name, { filename, contentType: mime || 'application/octet-stream', data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
          else into.set(name, decodeUtf8(bytes));
        } catch (error) {
          fail(GatewayError.is(error) ? error : new GatewayError(43, 'isv.invalid-multipart', (error as Error).message));
          return;
        }
        done();
      });
    });
    busboy.on('finish', () => {
      finished = true;
      done();
    });
    busboy.end(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  });
}
