// Compiles the validators once, at generation time, into standalone ES module
// code (no ajv at run time).

import { _, type KeywordCxt } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _Code } from 'ajv/dist/compile/codegen/code.js';
import standalone from 'ajv/dist/standalone/index.js';
import type { ApiModel } from '../model/types.ts';
import { validatorSchemas } from './validator-schemas.ts';

const INT64_MIN = '-9223372036854775808n';
const INT64_MAX = '9223372036854775807n';

// Validator schemas carry no descriptions or examples, so most spec edits
// leave them as they were: --watch recompiles only when they change.
const compiled = new Map<string, string>();

export function compileValidators(model: ApiModel): string {
  const { root, exports } = validatorSchemas(model);
  const key = JSON.stringify([root, exports], (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  const known = compiled.get(key);
  if (known !== undefined) return known;
  const code = compileFresh(root, exports);
  compiled.set(key, code);
  return code;
}

function compileFresh(root: ReturnType<typeof validatorSchemas>['root'], exports: Record<string, string>): string {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    code: { source: true, esm: true, lines: true, optimize: true },
  });
  ajv.addKeyword({
    keyword: 'x-int64',
    // true, or 'nullable' for an answer field (TOP leaves an empty one out).
    schemaType: ['boolean', 'string'],
    code(cxt: KeywordCxt) {
      const { data } = cxt;
      if (cxt.schema === 'nullable') {
        cxt.fail(_`${data} !== null && (typeof ${data} !== "bigint" || ${data} < ${rawCode(INT64_MIN)} || ${data} > ${rawCode(INT64_MAX)})`);
        return;
      }
      // bigint literals are code here, written as ajv's codegen expects raw code.
      cxt.fail(_`typeof ${data} !== "bigint" || ${data} < ${rawCode(INT64_MIN)} || ${data} > ${rawCode(INT64_MAX)}`);
    },
    error: { message: 'must be an int64 (bigint)' },
  });
  // int64 bounds, compared as bigint (a double would round them).
  for (const [keyword, op, word] of [
    ['x-int64-minimum', '<', '>='],
    ['x-int64-maximum', '>', '<='],
  ] as const) {
    ajv.addKeyword({
      keyword,
      schemaType: 'string',
      code(cxt: KeywordCxt) {
        const bound = BigInt(cxt.schema as string);
        cxt.fail(_`typeof ${cxt.data} === "bigint" && ${cxt.data} ${rawCode(op)} ${rawCode(`${bound}n`)}`);
      },
      error: { message: (cxt) => _`${`must be ${word} ${cxt.schema as string}`}` },
    });
  }
  // String lengths in code points (what a reader calls characters), compiled inline.
  for (const [keyword, op, word] of [
    ['x-max-length', '>', 'more'],
    ['x-min-length', '<', 'fewer'],
  ] as const) {
    ajv.addKeyword({
      keyword,
      schemaType: 'number',
      code(cxt: KeywordCxt) {
        cxt.fail(_`typeof ${cxt.data} === "string" && [...${cxt.data}].length ${rawCode(op)} ${cxt.schema as number}`);
      },
      error: { message: (cxt) => _`${`must not have ${word} than ${cxt.schema as number} characters`}` },
    });
  }
  // An int64 enum, compared as bigint.
  ajv.addKeyword({
    keyword: 'x-int64-enum',
    schemaType: 'array',
    code(cxt: KeywordCxt) {
      const allowed = (cxt.schema as string[]).map((v) => `${BigInt(v)}n`);
      cxt.fail(_`typeof ${cxt.data} === "bigint" && !(${rawCode(allowed.map((v) => `${cxt.data.toString()} === ${v}`).join(' || ') || 'false')})`);
    },
    error: { message: (cxt) => _`${`must be one of ${(cxt.schema as string[]).join(', ')}`}` },
  });
  // A request Date: a valid JS Date, or its GMT+8 text (the client writes a Date as that text).
  ajv.addKeyword({
    keyword: 'x-top-date',
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const { data } = cxt;
      const dateOnly = cxt.schema === 'date';
      const pattern = dateOnly ? /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ : /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
      cxt.fail(_`!((${data} instanceof Date && !isNaN(${data}.getTime())) || (typeof ${data} === "string" && ${rawCode(pattern.toString())}.test(${data})))`);
    },
    error: { message: (cxt) => _`${`must be a Date or its text (${cxt.schema === 'date' ? 'yyyy-MM-dd' : 'yyyy-MM-dd HH:mm:ss'}, GMT+8)`}` },
  });
  // A Json parameter: text that parses as JSON.
  ajv.addKeyword({
    keyword: 'x-json-text',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      cxt.fail(_`typeof ${cxt.data} === "string" && (() => { try { JSON.parse(${cxt.data}); return false; } catch { return true; } })()`);
    },
    error: { message: 'must be JSON text' },
  });
  // A file: a Blob, bytes, or { filename, data }; with a size limit (byte[]'s 最大长度) where known.
  ajv.addKeyword({
    keyword: 'x-top-file',
    schemaType: ['boolean', 'object'],
    code(cxt: KeywordCxt) {
      const { data } = cxt;
      const maxBytes = typeof cxt.schema === 'object' ? Number((cxt.schema as { maxBytes: number }).maxBytes) : -1;
      const size = _`(${data} instanceof Uint8Array ? ${data}.byteLength : typeof Blob !== "undefined" && ${data} instanceof Blob ? ${data}.size : ${data} && typeof ${data} === "object" && ${data}.data instanceof Uint8Array ? ${data}.data.byteLength : typeof Blob !== "undefined" && ${data} && ${data}.data instanceof Blob ? ${data}.data.size : -1)`;
      const isFile = _`(${data} instanceof Uint8Array || (typeof Blob !== "undefined" && ${data} instanceof Blob) || (${data} !== null && typeof ${data} === "object" && typeof ${data}.filename === "string" && ${data}.filename !== "" && ${data}.data !== null && typeof ${data}.data === "object"))`;
      cxt.fail(maxBytes >= 0 ? _`!${isFile} || ${size} > ${maxBytes}` : _`!${isFile}`);
    },
    error: {
      message: (cxt) =>
        _`${typeof cxt.schema === 'object' ? `must be a file (a Blob, a Uint8Array or { filename, data }) of at most ${(cxt.schema as { maxBytes: number }).maxBytes} bytes` : 'must be a file (a Blob, a Uint8Array or { filename, data })'}`,
    },
  });
  ajv.addSchema(root);
  // One export per schema: ajv's standalone code prints a schema's function once
  // per export naming it, so two operations sharing a request or answer schema
  // gave a module that does not parse. The others are aliases of the first.
  const firstOf = new Map<string, string>();
  const aliases: string[] = [];
  for (const [name, ref] of Object.entries(exports)) {
    const first = firstOf.get(ref);
    if (first === undefined) firstOf.set(ref, name);
    else aliases.push(`export const ${name} = ${first};`);
  }
  // A CommonJS module: its default import is module.exports, whose .default is the function.
  const code = standalone.default(ajv, Object.fromEntries([...firstOf].map(([ref, name]) => [name, ref])));
  if (/\brequire\(/.test(code)) throw new Error('validators: the compiled code needs a runtime module (a keyword or format the runtime-free build does not support)');
  return `// Generated by the TOP generator from the spec: do not edit.\n// ajv standalone validators, compiled at generation time.\n${code}\n${aliases.map((line) => `${line}\n`).join('')}`;
}

// ajv's `_` template treats interpolated strings as data; a _Code passes through as code.
const rawCode = (code: string) => new _Code(code);
