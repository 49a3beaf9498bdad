// The generator, prebuilt to plain JavaScript (bin/build/<hash>/, git-ignored, made
// by `npm run build` and by `prepack`, so every tarball carries it).
//
// Why: loaded through tsx, every module of every dependency passes through
// tsx's loader thread. On the 2-core bench machine that cost ~0.8 s and
// ~100 MiB of RSS per run (measured: importing redocly, TypeScript and
// openapi-typescript took 1.8-2.1 s and 260-276 MiB under tsx, 1.0-1.4 s and
// 155-164 MiB without it).
//
// The build is used only while it is current: bin/build/manifest.json lists
// every source file that went into it with the SHA-256 of their contents;
// start-up hashes them again (~60 small files, a few ms) and falls back to
// tsx on any difference, so an edited checkout never runs stale code.
//
// The generator is one CommonJS script (and the TypeScript worker another),
// compiled with V8's code cache of a real generation (issue 16: loading
// ~3 MB of bundled code, then compiling every function it runs on first
// call, was ~0.1-0.15 s of a cold `--only client` run before the lint
// began). Node 20 has no module.enableCompileCache, and an ES module cannot
// be handed a cache, so the script is compiled by vm.Script here. V8 checks
// only its version, its flags and the source's length, and does not
// checksum the cache (a damaged one can crash the process; see
// generator/render/typescript.ts): the cache file opens with a line of JSON
// holding the SHA-256 of the script it was made from and of its own bytes,
// and the manifest holds the script's; any mismatch compiles without it.
//
// import.meta in a bundled module would name the bundle; each source's
// `import.meta.dirname`, `.filename` and `.url` are rewritten to the source
// file's own place (paths from the package root), so templates, the runtime
// folder and the recipe keys that hash a module's text (compile.ts, docs.ts)
// read exactly what they read under tsx, and the output stays byte-identical.
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BUILD_DIR = path.join(ROOT, 'bin/build');
const MANIFEST = 'manifest.json';
const ENTRY = 'generator/top-openapi.ts';
const WORKER = 'generator/render/typescript-worker.ts';
const FORMAT = 2;
/** V8's code cache of the generator's script, beside it (recorded by recordRuntimeTranspiles). */
/** @param {string} script */
const cacheFileOf = (script) => script.replace(/\.cjs$/, '.v8cache');

/**
 * SHA-256 over the named files' paths and contents; undefined when one is missing.
 * @param {string[]} files paths from the package root
 * @param {string} root the package root
 * @returns {string | undefined}
 */
function hashSources(files, root) {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  for (const file of files) {
    const at = sourcePath(file, root);
    let content;
    try {
      if (at === undefined) return undefined;
      content = readFileSync(at);
    } catch {
      return undefined;
    }
    hash.update(`${file}\0`).update(content).update('\0');
  }
  return hash.digest('hex');
}

/**
 * Where a recorded source is read. Our own files: under the package root. A
 * package's file, recorded as the build found it (`node_modules/a/…`, or
 * nested, `node_modules/a/node_modules/b/…`): where node finds that package
 * from the one before it, in the nearest `node_modules` up the folders. An
 * install hoists this package's dependencies beside it
 * (`<project>/node_modules/a`), where the repository has them below it.
 * @param {string} file a recorded source path
 * @param {string} root the package root
 * @returns {string | undefined}
 */
function sourcePath(file, root) {
  const [own, ...packages] = file.split('node_modules/');
  if (packages.length === 0) return path.join(root, file);
  let dir = path.join(root, own ?? '');
  let inPackage = '';
  for (const rest of packages) {
    const name = packageName(rest);
    inPackage = rest.slice(name.length + 1);
    let found;
    for (let up = dir; ; up = path.dirname(up)) {
      if (path.basename(up) !== 'node_modules' && existsSync(path.join(up, 'node_modules', name, 'package.json'))) {
        found = path.join(up, 'node_modules', name);
        break;
      }
      if (path.dirname(up) === up) return undefined;
    }
    dir = found;
  }
  return path.join(dir, inPackage);
}

/**
 * The manifest of the build when it is current, else undefined
 * (TOP_OPENAPI_FROM_SOURCE=1 asks for the sources through tsx regardless).
 * @param {string} root the package root
 * @returns {{ entry: string; entrySha256: string } | undefined}
 */
function currentManifest(root) {
  if (process.env.TOP_OPENAPI_FROM_SOURCE === '1') return undefined;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'bin/build', MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    manifest.format !== FORMAT ||
    typeof manifest.entry !== 'string' ||
    typeof manifest.entrySha256 !== 'string' ||
    typeof manifest.sha256 !== 'string' ||
    !Array.isArray(manifest.sources) ||
    !manifest.sources.every((/** @type {unknown} */ source) => typeof source === 'string')
  )
    return undefined;
  if (hashSources(manifest.sources, root) !== manifest.sha256) return undefined;
  return manifest;
}

/**
 * The prebuilt generator's script (absolute path) when the build is current, else undefined.
 * @param {string} [root] the package root
 * @returns {string | undefined}
 */
export function currentBuild(root = ROOT) {
  const manifest = currentManifest(root);
  return manifest && path.join(root, 'bin/build', manifest.entry);
}

// crypto.hash (Node 20.12+) in one call; createHash elsewhere.
/** @param {string | Buffer} data */
const sha256Of = (data) => (typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex'));

// The script runs as a CommonJS module would, with one more parameter: the
// loader's own import() (code compiled by vm.Script cannot call import() on
// Node 20; the build routes every import() of the bundle through this).
const WRAPPER = ['(function (exports, require, module, __filename, __dirname, __topImport) { ', '\n})'];
/** @param {string} specifier */
const importFromLoader = (specifier) => import(specifier);

// TOP_OPENAPI_RECORD_BUILD_CACHE=<file>: compile without a cache and write V8's
// cache of everything this process compiled of the script to <file> at exit (the build does this).
const RECORD = process.env.TOP_OPENAPI_RECORD_BUILD_CACHE;

/**
 * The cache bytes of a cache file, when its header names this script (by its
 * SHA-256 and the wrapper it was compiled in) and the bytes' own SHA-256; else undefined.
 * @param {Buffer} file
 * @param {string} scriptSha256
 * @returns {Buffer | undefined}
 */
export function trustedBuildCache(file, scriptSha256) {
  const newline = file.indexOf(0x0a);
  if (newline <= 0 || newline > 1024) return undefined;
  let header;
  try {
    header = JSON.parse(file.subarray(0, newline).toString('utf8'));
  } catch {
    return undefined;
  }
  const data = file.subarray(newline + 1);
  return header?.script === scriptSha256 && header.wrapper === WRAPPER[0] && header.cache === sha256Of(data) ? data : undefined;
}

/**
 * Runs the prebuilt generator's script and returns its exports ({ main }), or
 * undefined when the build is not current (then the caller runs the sources).
 * @param {string} [root] the package root
 * @returns {{ main(argv: string[]): Promise<number> } | undefined}
 */
export function loadBuild(root = ROOT) {
  const manifest = currentManifest(root);
  return manifest && loadScript(path.join(root, 'bin/build', manifest.entry), manifest.entrySha256);
}

/**
 * Runs a script of the build as a CommonJS module, with V8's code cache
 * beside it when that cache is trusted (V8 then skips compiling what the
 * recorded run compiled); undefined when the script's bytes are not those
 * the build wrote (`sha256`).
 * @param {string} file
 * @param {string} sha256
 * @returns {{ main(argv: string[]): Promise<number> } | undefined}
 */
export function loadScript(file, sha256) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (sha256Of(bytes) !== sha256) return undefined;
  let cachedData;
  let state = 'recording';
  if (!RECORD) {
    try {
      cachedData = trustedBuildCache(readFileSync(cacheFileOf(file)), sha256);
      state = cachedData ? 'accepted' : 'rejected';
    } catch {
      state = 'none';
    }
  }
  const source = bytes.toString('utf8');
  // The build stores the script in its wrapper (a script without it is not one this loader made).
  if (!source.startsWith(WRAPPER[0]) || !source.endsWith(WRAPPER[1])) return undefined;
  const script = new vm.Script(source, { filename: file, ...(cachedData ? { cachedData } : {}) });
  // V8 can still refuse a cache it was handed (another V8 version or flags): it then compiles as usual.
  if (cachedData && script.cachedDataRejected) state = 'rejected by V8';
  if (process.env.TOP_GENERATE_PROFILE === '1') console.error(`  [profile] generator code cache: ${state}`);
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = /** @type {{ _nodeModulePaths(dir: string): string[] }} */ (/** @type {unknown} */ (Module))._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file), importFromLoader);
  mod.loaded = true;
  if (RECORD) {
    const record = RECORD;
    process.on('exit', () => {
      const data = script.createCachedData();
      writeFileSync(record, Buffer.concat([Buffer.from(`${JSON.stringify({ script: sha256, wrapper: WRAPPER[0], cache: sha256Of(data) })}\n`), data]));
    });
  }
  return mod.exports;
}

/** Packages bundled into the build (see build()). */
const BUNDLED = ['@redocly/openapi-core', 'yaml', 'ajv', 'handlebars', 'openapi-typescript'];
/** Never bundled, wherever imported from: loaded with its own code cache (generator/render/typescript.ts). */
const NEVER_BUNDLED = ['typescript'];

/**
 * The package a bare specifier or a path under node_modules/ names.
 * @param {string} specifier
 */
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const IMPORT_META = /\bimport\.meta\.(dirname|filename|url)\b/g;

/**
 * Builds bin/build/ from the sources (esbuild: a devDependency, needed only here).
 * @returns {Promise<{ format: number; entry: string; sources: string[]; sha256: string | undefined }>}
 */
export async function build() {
  const esbuild = await import('esbuild');
  /** @type {import('esbuild').Plugin} */
  const rewrite = {
    name: 'source-import-meta',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
        const text = readFileSync(args.path, 'utf8');
        const contents = text.replace(IMPORT_META, (/** @type {string} */ _m, /** @type {string} */ what) =>
          what === 'dirname' ? `__topSource(${JSON.stringify(path.posix.dirname(rel))})` : what === 'filename' ? `__topSource(${JSON.stringify(rel)})` : `__topSourceUrl(${JSON.stringify(rel)})`,
        );
        return { contents, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
  // Bundled into the build with their own dependencies, rather than loaded
  // from node_modules at run time: @redocly/openapi-core is ~600 modules, and
  // loading them one by one cost ~450 ms of CPU a cold run against ~180 ms
  // as one file (issue 16); yaml, ajv, handlebars and openapi-typescript are
  // ~250 more, and bundled they are under the script's code cache too.
  // TypeScript stays external (required with its own code cache, see
  // generator/render/typescript.ts; openapi-typescript's require of it finds
  // that one). Their package.json files are hashed with the sources:
  // another installed version makes the build stale.
  /** @type {import('esbuild').Plugin} */
  const externals = {
    name: 'externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:') || NEVER_BUNDLED.includes(packageName(args.path))) return { external: true };
        // A bundled package's own imports are bundled with it.
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        return BUNDLED.includes(packageName(args.path)) ? undefined : { external: true };
      });
    },
  };
  // Every import() in the generator's script goes through the loader's
  // (loadScript's __topImport): redocly's loading of lint plugins, and
  // generator/import-module.ts. Any other import() would fail at run time,
  // so the build refuses to finish with one left (checked below).
  let pluginImports = 0;
  /** @type {import('esbuild').Plugin} */
  const dynamicImports = {
    name: 'dynamic-imports',
    setup(b) {
      b.onLoad({ filter: /[\\/]generator[\\/]import-module\.ts$/ }, () => ({
        contents: 'export function importModule(specifier) { return __topImport(specifier); }',
        loader: 'js',
      }));
      // A comment's typographic apostrophe, the scripts' one character past U+00FF (see the check below).
      b.onLoad({ filter: /[\\/]openapi-typescript[\\/]dist[\\/]transform[\\/]schema-object\.cjs$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace('// don\u2019t stack oneOf transforms', "// don't stack oneOf transforms"),
        loader: 'js',
      }));
      b.onLoad({ filter: /[\\/]@redocly[\\/]openapi-core[\\/]lib[\\/]config[\\/]plugins-cache\.js$/ }, (args) => ({
        contents: readFileSync(args.path, 'utf8').replace(/\bimport\((\s*\/\*[^*]*\*\/)?\s*pluginUrl\.href\s*\)/g, () => {
          pluginImports++;
          return '__topImport(pluginUrl.href)';
        }),
        loader: 'js',
      }));
    },
  };
  // openapi-typescript's own copy of @redocly/openapi-core (1.x) is reached
  // only through lib/ref-utils.js, which uses two one-line helpers of
  // lib/utils.js; that module requires minimatch, js-yaml, https-proxy-agent
  // and more at load (~35 ms of the worker's start, before its first job).
  // ref-utils gets those two helpers alone, when both files still read as
  // checked here; otherwise the whole utils.js is bundled as it is.
  const REDOCLY_1_HELPERS = {
    isPlainObject: "function isPlainObject(value) {\n    return value !== null && typeof value === 'object' && !Array.isArray(value);\n}",
    isTruthy: 'function isTruthy(value) {\n    return !!value;\n}',
  };
  /** @type {import('esbuild').Plugin} */
  const refUtilsHelpers = {
    name: 'ref-utils-helpers',
    setup(b) {
      b.onResolve({ filter: /^\.\/utils$/ }, (args) => {
        if (!/[\\/]openapi-typescript[\\/]node_modules[\\/]@redocly[\\/]openapi-core[\\/]lib[\\/]ref-utils\.js$/.test(args.importer)) return undefined;
        const refUtils = readFileSync(args.importer, 'utf8');
        const utils = readFileSync(path.join(path.dirname(args.importer), 'utils.js'), 'utf8');
        const used = new Set([...refUtils.matchAll(/\butils_1\.(\w+)/g)].map((m) => m[1]));
        const fits = [...used].every((name) => name in REDOCLY_1_HELPERS) && Object.values(REDOCLY_1_HELPERS).every((text) => utils.includes(text));
        if (!fits) {
          console.error("bin/prebuilt.js: openapi-typescript's @redocly/openapi-core ref-utils.js is not the one checked; its utils.js is bundled whole");
          return undefined;
        }
        return { path: 'ref-utils-helpers', namespace: 'top-ref-utils-helpers' };
      });
      b.onLoad({ filter: /.*/, namespace: 'top-ref-utils-helpers' }, () => ({
        contents: `'use strict';\n${Object.values(REDOCLY_1_HELPERS).join('\n')}\nexports.isPlainObject = isPlainObject;\nexports.isTruthy = isTruthy;\n`,
        loader: 'js',
      }));
    },
  };
  // Built beside the versions (same depth, so the banner's root holds), then
  // moved to bin/build/<hash>/ and named by a manifest written last: a process
  // that started with an older build keeps finding its files, and one that
  // starts meanwhile sees the old manifest or the new one, never half a build.
  mkdirSync(BUILD_DIR, { recursive: true });
  const staging = path.join(BUILD_DIR, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // Two scripts, each whole: the generator, and the TypeScript worker
    // (generator/render/typescript-work.ts finds it beside the generator's).
    entryPoints: { 'top-openapi': ENTRY, 'typescript-worker': WORKER },
    outdir: staging,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [dynamicImports, refUtilsHelpers, rewrite, externals],
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    banner: {
      // Strict, as the ES modules it is made of are (and as the bundled
      // packages ran in the earlier ES module build). Each script sits in
      // bin/build/<hash>/: the package root is three folders up.
      js: [
        "'use strict';",
        "const __topPath = require('node:path');",
        "const __topUrl = require('node:url');",
        'const __topRoot = __topPath.resolve(__dirname, "../../..");',
        'const __topSource = (rel) => __topPath.join(__topRoot, rel);',
        'const __topSourceUrl = (rel) => __topUrl.pathToFileURL(__topSource(rel)).href;',
        // The build's own folder, where typescript-work.ts finds the worker's script.
        'const __topBuildUrl = __topUrl.pathToFileURL(__filename).href;',
      ].join('\n'),
    },
  });
  if (pluginImports !== 1) throw new Error(`bin/prebuilt.js: redocly's plugin import() was found ${pluginImports} times, not once (another @redocly/openapi-core?)`);
  for (const name of ['top-openapi.cjs', 'typescript-worker.cjs']) {
    const text = readFileSync(path.join(staging, name), 'utf8');
    const left = /(?<![\w$.])import\(/.exec(text);
    if (left) throw new Error(`bin/prebuilt.js: ${name} still calls import() (near: ${text.slice(left.index - 80, left.index + 80)}); route it through generator/import-module.ts`);
    // The worker runs as a plain CommonJS module, without the loader's import().
    if (name === 'typescript-worker.cjs' && text.includes('__topImport')) throw new Error("bin/prebuilt.js: the TypeScript worker would need the loader's import()");
    // One character past U+00FF makes V8 keep the whole script (3 MB) at two bytes a character.
    const wide = /[\u0100-\uffff]/.exec(text);
    if (wide) console.error(`bin/prebuilt.js: ${name} holds ${JSON.stringify(wide[0])} (near: ${text.slice(wide.index - 60, wide.index + 20)}): V8 keeps it at two bytes a character`);
  }
  // The generator's script is stored as loadScript compiles it, in its
  // wrapper: V8 gets the file's text as it is (no second 3 MB copy).
  const generatorScript = path.join(staging, 'top-openapi.cjs');
  writeFileSync(generatorScript, WRAPPER[0] + readFileSync(generatorScript, 'utf8') + WRAPPER[1]);
  // Our sources, and for the bundled packages' files the package.json of each
  // package they come from (not the helpers module made above: it has no
  // file, and is checked against the files it stands for at every build).
  const sources = [
    ...new Set([
      ...Object.keys(result.metafile.inputs)
        .filter((f) => !f.startsWith('top-ref-utils-helpers:'))
        .map((f) => {
          const file = f.split(path.sep).join('/');
          const at = file.lastIndexOf('node_modules/');
          if (at === -1) return file;
          return `${file.slice(0, at)}node_modules/${packageName(file.slice(at + 'node_modules/'.length))}/package.json`;
        }),
      // How the scripts are made and loaded is part of what they are: another prebuilt.js, another build.
      'bin/prebuilt.js',
    ]),
  ].sort();
  const sha256 = hashSources(sources, ROOT);
  // Every source must be a file it can hash again at start-up (an undefined hash would match a missing manifest entry).
  if (sha256 === undefined) throw new Error(`bin/prebuilt.js: a source of the build cannot be read: ${sources.find((f) => !existsSync(path.join(ROOT, f)))}`);
  const version = sha256.slice(0, 16);
  const versionDir = path.join(BUILD_DIR, version);
  // The same sources make the same build: one already there is kept as it is.
  if (existsSync(versionDir)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, versionDir);
  const entrySha256 = sha256Of(readFileSync(path.join(versionDir, 'top-openapi.cjs')));
  // The worker's script is started by path from the generator (render/typescript-work.ts), which checks it against this first.
  const workerSha256 = sha256Of(readFileSync(path.join(versionDir, 'typescript-worker.cjs')));
  const manifest = { format: FORMAT, entry: `${version}/top-openapi.cjs`, entrySha256, workerSha256, sources, sha256 };
  recordRuntimeTranspiles(path.join(versionDir, 'top-openapi.cjs'), entrySha256);
  writeAtomically(path.join(BUILD_DIR, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  // Older versions and abandoned staging folders, once no run can still be loading them.
  for (const name of readdirSync(BUILD_DIR)) {
    const at = path.join(BUILD_DIR, name);
    if (name === version || name === MANIFEST || name === 'transpiled.json' || /^typescript-[\w.-]+\.v8cache$/.test(name)) continue;
    if (Date.now() - statSync(at).mtimeMs > 10 * 60_000) rmSync(at, { recursive: true, force: true });
  }
  return manifest;
}

/** The installed TypeScript's version (the code cache is named by it). */
function typescriptVersion() {
  return JSON.parse(readFileSync(createRequire(import.meta.url).resolve('typescript/package.json'), 'utf8')).version;
}

/**
 * @param {string} file
 * @param {string} content
 */
function writeAtomically(file, content) {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

/**
 * transpiled.json: the runtime files' transpiles (the same for every spec),
 * recorded by one generation of this repository's spec with the new build
 * (see generator/render/compile.ts), which also records V8's code caches of
 * the generator's script and of TypeScript. Without them the build still works.
 * @param {string} entryFile the new build's generator script
 * @param {string} entrySha256 its SHA-256
 */
function recordRuntimeTranspiles(entryFile, entrySha256) {
  const spec = path.join(ROOT, 'spec/openapi.yaml');
  if (!existsSync(spec)) return;
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-prebuilt-'));
  try {
    const record = path.join(BUILD_DIR, `transpiled.json.tmp-${process.pid}`);
    const args = ['generate', '--spec', spec, '--out', out, '--only', 'client,server'];
    const loader = JSON.stringify(pathToFileURL(path.join(ROOT, 'bin/prebuilt.js')).href);
    const script = `const { loadScript } = await import(${loader}); process.exitCode = await loadScript(${JSON.stringify(entryFile)}, ${JSON.stringify(entrySha256)}).main(${JSON.stringify(args)});`;
    // The same generation records V8's code caches of the generator's script
    // (loadScript) and of TypeScript (generator/render/typescript.ts), in the
    // main thread (no worker), where they compile what a real run compiles.
    const tsCache = path.join(BUILD_DIR, `typescript.v8cache.tmp-${process.pid}`);
    const buildCache = `${cacheFileOf(entryFile)}.tmp-${process.pid}`;
    // And the compiled form of every template it used (generator/render/templates.ts).
    const templates = path.join(path.dirname(entryFile), `templates.json.tmp-${process.pid}`);
    const r = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        TOP_OPENAPI_RECORD_TRANSPILES: record,
        TOP_OPENAPI_RECORD_TS_CACHE: tsCache,
        TOP_OPENAPI_RECORD_BUILD_CACHE: buildCache,
        TOP_OPENAPI_RECORD_TEMPLATES: templates,
        TOP_OPENAPI_TS_WORKER: '0',
      },
    });
    if (r.status === 0 && existsSync(templates)) renameSync(templates, path.join(path.dirname(entryFile), 'templates.json'));
    else rmSync(templates, { force: true });
    if (r.status === 0 && existsSync(buildCache)) renameSync(buildCache, cacheFileOf(entryFile));
    else rmSync(buildCache, { force: true });
    if (r.status !== 0 || !existsSync(record)) console.error(`bin/prebuilt.js: no runtime transpiles recorded (generation failed):\n${r.stdout}${r.stderr}`);
    else renameSync(record, path.join(BUILD_DIR, 'transpiled.json'));
    if (r.status === 0 && existsSync(tsCache)) renameSync(tsCache, path.join(BUILD_DIR, `typescript-${typescriptVersion()}.v8cache`));
    else rmSync(tsCache, { force: true });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const manifest = await build();
  console.log(`bin/build/: the generator prebuilt from ${manifest.sources.length} source files`);
}
