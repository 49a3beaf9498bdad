// TypeScript (and openapi-typescript's printer), loaded with require.
//
// Why not `import ts from 'typescript'`: typescript.js is one 9 MB CommonJS
// file, and an ES module import of it makes Node 20 parse it twice before
// compiling it (detectModuleFormat, then cjs-module-lexer for its export
// names): ~250 ms of a cold generation's CPU (issue 16). require() only
// compiles it. openapi-typescript's CommonJS build requires it the same way.
//
// And with V8's code cache when the prebuilt generator has one: compiling
// typescript.js is still ~200 ms of a cold run (V8 pre-parses all 9 MB). The
// build (bin/prebuilt.js) records the compiled code of one real generation in
// bin/build/typescript-<version>.v8cache; a run hands it to V8 with the source,
// which skips that work. V8 itself checks only its version, its flags and the
// source's length, and does not checksum the cache in release builds: a
// same-length edit of typescript.js would run the recorded code, and damaged
// bytes can crash the process (found in review). So the file starts with a
// line of JSON holding the SHA-256 of the source it was made from and of the
// cache bytes; a run uses the cache only when both match (~10 ms of hashing
// against the ~200 ms saved) and otherwise requires TypeScript as usual.
import * as crypto from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type * as TS from 'typescript';

const require = createRequire(import.meta.url);

let loaded: typeof TS | undefined;

/**
 * TypeScript, required on first use: a generation that hands TypeScript's
 * work to its worker (typescript-work.ts) never loads it in the main thread.
 */
export function typescript(): typeof TS {
  loaded ??= load();
  return loaded;
}

/** Where the build keeps the code cache for this TypeScript (its version in the name). */
export function codeCacheFile(version: string): string {
  return path.resolve(import.meta.dirname, '../../bin/build', `typescript-${version}.v8cache`);
}

// TOP_OPENAPI_RECORD_TS_CACHE=<file>: compile without a cache and write V8's
// cache of everything this process compiled of it to <file> at exit (the build does this).
const RECORD = process.env.TOP_OPENAPI_RECORD_TS_CACHE;

function load(): typeof TS {
  const file = require.resolve('typescript');
  const version = (require('typescript/package.json') as { version: string }).version;
  const cacheFile = codeCacheFile(version);
  if (!RECORD && (process.env.TOP_OPENAPI_TS_CACHE === '0' || !existsSync(cacheFile))) {
    profile('none');
    return require(file) as typeof TS;
  }
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  if (!RECORD) {
    try {
      cachedData = trustedCache(readFileSync(cacheFile), source);
    } catch {
      // unreadable: as if absent
    }
    if (!cachedData) {
      profile('rejected');
      return require(file) as typeof TS;
    }
  }
  // What require() does for a CommonJS file, with the cached code: the module
  // goes into require's cache, so openapi-typescript's require('typescript') gets this one.
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  // V8 sets cachedDataRejected only when it was handed a cache.
  profile(RECORD ? 'recording' : script.cachedDataRejected === false ? 'accepted' : script.cachedDataRejected === true ? 'rejected' : 'not used');
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  require.cache[file] = mod;
  if (RECORD) {
    const record = RECORD;
    process.on('exit', () => {
      const data = script.createCachedData();
      writeFileSync(record, Buffer.concat([Buffer.from(`${JSON.stringify({ source: sha256(source), cache: sha256(data) })}\n`), data]));
    });
  }
  return mod.exports as typeof TS;
}

/** The cache bytes of a cache file, when its header's checksums match `source` and the bytes; else undefined. */
export function trustedCache(file: Buffer, source: string): Buffer | undefined {
  const newline = file.indexOf(0x0a);
  if (newline <= 0 || newline > 1024) return undefined;
  let header: { source?: unknown; cache?: unknown };
  try {
    header = JSON.parse(file.subarray(0, newline).toString('utf8')) as typeof header;
  } catch {
    return undefined;
  }
  const data = file.subarray(newline + 1);
  return header.source === sha256(source) && header.cache === sha256(data) ? data : undefined;
}

// crypto.hash (Node 20.12+) in one call; createHash elsewhere.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'hex') => string }).hash;
const sha256 = (data: string | Buffer) => (oneShotHash ? oneShotHash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex'));

/** TOP_GENERATE_PROFILE=1: whether the code cache served (to stderr, like generate.ts's stages). */
function profile(cache: string): void {
  if (process.env.TOP_GENERATE_PROFILE === '1') console.error(`  [profile] TypeScript code cache: ${cache}`);
}
