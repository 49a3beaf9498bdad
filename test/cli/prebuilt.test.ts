// The prebuilt generator (bin/prebuilt.js): used only while every source it
// was built from is unchanged, and it writes exactly what the sources write.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { build, currentBuild, loadBuild } from '../../bin/prebuilt.js';
import { filesUnder } from '../support/files-under.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `generate --only client` through the bin into out/dir: the prebuilt, one thread, its phases reported on stderr. */
function generateClient(out: string, dir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/top-openapi.js'), 'generate', '--spec', path.join(ROOT, 'spec/openapi.yaml'), '--out', path.join(out, dir), '--only', 'client'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TOP_OPENAPI_FROM_SOURCE: '', TOP_GENERATE_PROFILE: '1', TOP_OPENAPI_TS_WORKER: '0', ...env },
  });
}

test('a build is current only while every source it lists is byte-for-byte what it was built from', async () => {
  await build();
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'bin/build/manifest.json'), 'utf8')) as { sources: string[] };
  assert.ok(manifest.sources.includes('generator/render/compile.ts') && manifest.sources.includes('runtime/common/protocol.ts'), 'the manifest lists the generator and the runtime modules it imports');
  assert.match(currentBuild() ?? '', /bin\/build\/[0-9a-f]{16}\/top-openapi\.cjs$/);
  // A copy of the package's sources and build, then one source edited: stale.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'top-prebuilt-'));
  try {
    for (const file of manifest.sources) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(copy, file));
    }
    cpSync(path.join(ROOT, 'bin/build'), path.join(copy, 'bin/build'), { recursive: true });
    assert.ok(currentBuild(copy), 'an unchanged copy is current');
    const edited = path.join(copy, 'generator/render/templates.ts');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n// an edit\n`);
    assert.equal(currentBuild(copy), undefined, 'an edited source makes the build stale');
    rmSync(edited);
    assert.equal(currentBuild(copy), undefined, 'a missing source makes the build stale');
    // A manifest without its hash (the hash of a list with a missing file is undefined too) is never current.
    const manifestFile = path.join(copy, 'bin/build/manifest.json');
    const { sha256: _dropped, ...withoutHash } = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify(withoutHash));
    assert.equal(currentBuild(copy), undefined, 'a manifest without its hash, a source missing');
    // JSON that is no manifest at all: not current, and no crash (review rev4: `null` threw).
    for (const text of ['null', '[]', '7', '"x"', '{}']) {
      writeFileSync(manifestFile, text);
      assert.equal(currentBuild(copy), undefined, `a manifest that is ${text}`);
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the prebuilt generator writes what the sources write (generate --check through bin/)', async () => {
  if (currentBuild() === undefined) await build();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/top-openapi.js'), 'generate', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TOP_OPENAPI_FROM_SOURCE: '', TOP_OPENAPI_REPORT_LOADER: '1' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /is current/);
  assert.match(r.stderr, /top-openapi: prebuilt generator/, 'the prebuilt generator ran');
});

test('a rebuild records the runtime transpiles again, when the old record already held them all', async () => {
  const recordOf = () => JSON.parse(readFileSync(path.join(ROOT, 'bin/build/transpiled.json'), 'utf8')) as [string, unknown][];
  await build();
  const first = recordOf();
  // The client's and the server's runtime files: ES module + declarations, and the client's CommonJS.
  assert.ok(first.length >= 20, `transpiled.json holds ${first.length} transpiles`);
  await build();
  assert.deepEqual(recordOf(), first);
});

test("the build carries V8's code cache of TypeScript: a run accepts it, writes the same, and a corrupt one is only rejected", async () => {
  if (currentBuild() === undefined) await build();
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version;
  const cache = path.join(ROOT, `bin/build/typescript-${version}.v8cache`);
  const saved = readFileSync(cache);
  assert.ok(saved.length > 100_000, `the cache holds ${saved.length} bytes`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-tscache-'));
  const run = (dir: string, env: Record<string, string>) => generateClient(out, dir, env);
  const read = (dir: string) => readFileSync(path.join(out, dir, 'client/dist/types.d.ts'), 'utf8') + readFileSync(path.join(out, dir, 'client/dist/client.js'), 'utf8');
  try {
    const cached = run('cached', {});
    assert.equal(cached.status, 0, cached.stderr);
    assert.match(cached.stderr, /TypeScript code cache: accepted/);
    const plain = run('plain', { TOP_OPENAPI_TS_CACHE: '0' });
    assert.match(plain.stderr, /TypeScript code cache: none/);
    assert.equal(read('cached'), read('plain'));
    // Cut short; damaged past its header at full length (V8 alone would crash on it:
    // it does not checksum a cache); made for another typescript.js (V8 checks only the length).
    const newline = saved.indexOf(0x0a);
    const damaged = Buffer.from(saved);
    for (let i = newline + 64; i < damaged.length; i += 20_000) damaged[i]! ^= 0xff;
    const header = JSON.parse(saved.subarray(0, newline).toString('utf8')) as { source: string; cache: string };
    const foreign = Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, source: '0'.repeat(64) })}\n`), saved.subarray(newline + 1)]);
    for (const [name, bytes] of [
      ['cut', Buffer.concat([saved.subarray(0, 64), Buffer.alloc(4096, 7)])],
      ['damaged', damaged],
      ['foreign', foreign],
    ] as const) {
      writeFileSync(cache, bytes);
      const r = run(name, {});
      assert.equal(r.status, 0, `${name}: ${r.signal ?? ''} ${r.stderr}`);
      assert.match(r.stderr, /TypeScript code cache: rejected/, name);
      assert.equal(read(name), read('plain'), name);
    }
  } finally {
    writeFileSync(cache, saved);
    rmSync(out, { recursive: true, force: true });
  }
});

test('a code cache is trusted only for the very source it was made from, and only with its bytes intact', async () => {
  const { trustedCache } = await import('../../generator/render/typescript.ts');
  const { createHash } = await import('node:crypto');
  const vm = await import('node:vm');
  // Two sources of the same length: V8 would take A's cache for B and run A's code.
  const a = 'var version = "5.9.3"; function f() { return version; } f();';
  const b = 'var version = "5.9.8"; function f() { return version; } f();';
  const script = new vm.Script(a, { filename: 'typescript.js' });
  script.runInThisContext();
  const data = script.createCachedData();
  const sha = (x: string | Buffer) => createHash('sha256').update(x).digest('hex');
  const file = Buffer.concat([Buffer.from(`${JSON.stringify({ source: sha(a), cache: sha(data) })}\n`), data]);
  assert.deepEqual(trustedCache(file, a), data);
  assert.equal(trustedCache(file, b), undefined, 'another source of the same length');
  const damaged = Buffer.from(file);
  damaged[damaged.length - 1]! ^= 1;
  assert.equal(trustedCache(damaged, a), undefined, 'a changed byte');
  assert.equal(trustedCache(data, a), undefined, 'no header');
});

test("the build carries V8's code cache of the generator's script: a run accepts it, and a cut-short, damaged or foreign one is only rejected, with the same output", async () => {
  if (currentBuild() === undefined) await build();
  const cache = currentBuild()!.replace(/\.cjs$/, '.v8cache');
  const saved = readFileSync(cache);
  assert.ok(saved.length > 100_000, `the cache holds ${saved.length} bytes`);
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-buildcache-'));
  const run = (dir: string) => generateClient(out, dir);
  try {
    const cached = run('cached');
    assert.equal(cached.status, 0, cached.stderr);
    assert.match(cached.stderr, /generator code cache: accepted/);
    const expected = filesUnder(path.join(out, 'cached'));
    // Cut short; damaged past its header at full length (V8 alone does not
    // checksum a cache); made for another script, or for the same script in
    // another wrapper (V8 checks only the source's length).
    const newline = saved.indexOf(0x0a);
    const header = JSON.parse(saved.subarray(0, newline).toString('utf8')) as { script: string; wrapper: string; cache: string };
    const damaged = Buffer.from(saved);
    for (let i = newline + 64; i < damaged.length; i += 20_000) damaged[i]! ^= 0xff;
    const withHeader = (h: object) => Buffer.concat([Buffer.from(`${JSON.stringify(h)}\n`), saved.subarray(newline + 1)]);
    for (const [name, bytes] of [
      ['cut', Buffer.concat([saved.subarray(0, 64), Buffer.alloc(4096, 7)])],
      ['truncated', saved.subarray(0, saved.length - 1000)],
      ['damaged', damaged],
      ['foreign', withHeader({ ...header, script: '0'.repeat(64) })],
      ['rewrapped', withHeader({ ...header, wrapper: header.wrapper.replace('__topImport', '__topImporx') })],
    ] as const) {
      writeFileSync(cache, bytes);
      const r = run(name);
      assert.equal(r.status, 0, `${name}: ${r.signal ?? ''} ${r.stderr}`);
      assert.match(r.stderr, /generator code cache: rejected\n/, name);
      assert.deepEqual(filesUnder(path.join(out, name)), expected, name);
    }
  } finally {
    writeFileSync(cache, saved);
    rmSync(out, { recursive: true, force: true });
  }
});

test('a generator script whose bytes are not the ones the build wrote is never run (the sources run instead)', async () => {
  if (currentBuild() === undefined) await build();
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'bin/build/manifest.json'), 'utf8')) as { sources: string[]; entry: string };
  const copy = mkdtempSync(path.join(os.tmpdir(), 'top-prebuilt-'));
  try {
    for (const file of manifest.sources) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      cpSync(path.join(ROOT, file), path.join(copy, file));
    }
    cpSync(path.join(ROOT, 'bin/build'), path.join(copy, 'bin/build'), { recursive: true });
    const script = path.join(copy, 'bin/build', manifest.entry);
    const original = readFileSync(script, 'utf8');
    // One character changed, the length kept: V8 would take the code cache for it.
    const at = original.indexOf('generate   spec');
    assert.ok(at > 0);
    writeFileSync(script, `${original.slice(0, at)}Generate${original.slice(at + 'generate'.length)}`);
    assert.ok(currentBuild(copy), 'the sources are unchanged');
    assert.equal(loadBuild(copy), undefined, 'a changed script is not run');
    rmSync(script);
    assert.equal(loadBuild(copy), undefined, 'nor a missing one');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('the build records the compiled templates: a run takes them, and a cut-short, changed or moved record is passed over, with the same output', async () => {
  if (currentBuild() === undefined) await build();
  const record = path.join(path.dirname(currentBuild()!), 'templates.json');
  const saved = readFileSync(record, 'utf8');
  const entries = JSON.parse(saved) as [string, string, string][];
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-templates-'));
  const run = (dir: string) => generateClient(out, dir);
  try {
    const recorded = run('recorded');
    assert.equal(recorded.status, 0, recorded.stderr);
    assert.match(recorded.stderr, /templates: 7 from the build's record, 0 compiled/);
    const expected = filesUnder(path.join(out, 'recorded'));
    // The client template's record with a word of its text changed (its checksum kept); two records' code and checksums swapped (their keys kept).
    const at = entries.findIndex(([, spec]) => spec.includes('A typed client for'));
    assert.ok(at >= 0);
    const changed = entries.map((e, i) => (i === at ? ([e[0], e[1].replace('A typed client for', 'A typed cliENT for'), e[2]] as const) : e));
    const moved = entries.map((e, i) => (i === 0 ? [e[0], entries[1]![1], entries[1]![2]] : i === 1 ? [e[0], entries[0]![1], entries[0]![2]] : e));
    for (const [name, text, counts] of [
      ['cut', saved.slice(0, saved.length / 2), /templates: 0 from the build's record, 7 compiled/],
      ['changed', JSON.stringify(changed), /templates: 6 from the build's record, 1 compiled/],
      ['moved', JSON.stringify(moved), /templates: 5 from the build's record, 2 compiled/],
    ] as const) {
      writeFileSync(record, text);
      const r = run(name);
      assert.equal(r.status, 0, `${name}: ${r.stderr}`);
      assert.match(r.stderr, counts, name);
      assert.deepEqual(filesUnder(path.join(out, name)), expected, name);
    }
  } finally {
    writeFileSync(record, saved);
    rmSync(out, { recursive: true, force: true });
  }
});

test('a template is recorded under the Handlebars version, its options and its own text', async () => {
  const { templateKey } = await import('../../generator/render/templates.ts');
  const key = templateKey('{{a}}', { strict: true });
  assert.equal(templateKey('{{a}}', { strict: true }), key);
  assert.notEqual(templateKey('{{a}} ', { strict: true }), key, 'another text');
  assert.notEqual(templateKey('{{a}}', { strict: true, noEscape: true }), key, 'other options');
});
