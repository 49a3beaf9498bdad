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
// import.meta in a bundled module would name the bundle; each source's
// `import.meta.dirname`, `.filename` and `.url` are rewritten to the source
// file's own place (paths from the package root), so templates, the runtime
// folder and the recipe keys that hash a module's text (compile.ts, docs.ts)
// read exactly what they read under tsx, and the output stays byte-identical.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BUILD_DIR = path.join(ROOT, 'bin/build');
const MANIFEST = 'manifest.json';
const ENTRY = 'generator/top-openapi.ts';
const WORKER = 'generator/render/typescript-worker.ts';
const FORMAT = 1;

/**
 * SHA-256 over the named files' paths and contents; undefined when one is missing.
 * @param {string[]} files paths from the package root
 * @param {string} root the package root
 * @returns {string | undefined}
 */
function hashSources(files, root) {
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  for (const file of files) {
    let content;
    try {
      content = readFileSync(path.join(root, file));
    } catch {
      return undefined;
    }
    hash.update(`${file}\0`).update(content).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The prebuilt entry's URL when the build is current, else undefined
 * (TOP_OPENAPI_FROM_SOURCE=1 asks for the sources through tsx regardless).
 * @param {string} [root] the package root
 * @returns {string | undefined}
 */
export function currentBuild(root = ROOT) {
  if (process.env.TOP_OPENAPI_FROM_SOURCE === '1') return undefined;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, 'bin/build', MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.format !== FORMAT || typeof manifest.entry !== 'string' || !Array.isArray(manifest.sources)) return undefined;
  if (hashSources(manifest.sources, root) !== manifest.sha256) return undefined;
  return pathToFileURL(path.join(root, 'bin/build', manifest.entry)).href;
}

/** Packages bundled into the build (see build()). */
const BUNDLED = ['@redocly/openapi-core'];

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
  // as one file (issue 16). Everything else stays external (typescript and
  // openapi-typescript are loaded with require, see
  // generator/render/typescript.ts). Their package.json files are hashed
  // with the sources: another installed version makes the build stale.
  /** @type {import('esbuild').Plugin} */
  const externals = {
    name: 'externals',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { external: true };
        // A bundled package's own imports are bundled with it.
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        return BUNDLED.includes(packageName(args.path)) ? undefined : { external: true };
      });
    },
  };
  // Built beside the versions (same depth, so the banner's root holds), then
  // moved to bin/build/<hash>/ and named by a manifest written last: a process
  // that started with an older build keeps finding its chunks, and one that
  // starts meanwhile sees the old manifest or the new one, never half a build.
  mkdirSync(BUILD_DIR, { recursive: true });
  const staging = path.join(BUILD_DIR, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    // The TypeScript worker (generator/render/typescript-work.ts) is an entry of its own, found beside the chunks.
    entryPoints: { 'top-openapi': ENTRY, 'typescript-worker': WORKER },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [rewrite, externals],
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    banner: {
      // Every chunk sits in bin/build/<hash>/: the package root is three folders up.
      js: [
        "import { fileURLToPath as __topFileURLToPath, pathToFileURL as __topPathToFileURL } from 'node:url';",
        "import __topPath from 'node:path';",
        'const __topRoot = __topPath.resolve(__topPath.dirname(__topFileURLToPath(import.meta.url)), "../../..");',
        'const __topSource = (rel) => __topPath.join(__topRoot, rel);',
        'const __topSourceUrl = (rel) => __topPathToFileURL(__topSource(rel)).href;',
        // The build's own folder, where typescript-work.ts finds the worker's entry.
        'const __topBuildUrl = import.meta.url;',
        // For the CommonJS modules of the bundled packages (esbuild's __require asks for a require).
        "import { createRequire as __topCreateRequire } from 'node:module';",
        'const require = __topCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  // Our sources, and for the bundled packages' files the package.json of each package they come from.
  const sources = [
    ...new Set(
      Object.keys(result.metafile.inputs).map((f) => {
        const file = f.split(path.sep).join('/');
        const at = file.lastIndexOf('node_modules/');
        if (at === -1) return file;
        return `${file.slice(0, at)}node_modules/${packageName(file.slice(at + 'node_modules/'.length))}/package.json`;
      }),
    ),
  ].sort();
  const sha256 = hashSources(sources, ROOT);
  const version = `${sha256?.slice(0, 16)}`;
  const versionDir = path.join(BUILD_DIR, version);
  // The same sources make the same build: one already there is kept as it is.
  if (existsSync(versionDir)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, versionDir);
  const manifest = { format: FORMAT, entry: `${version}/top-openapi.js`, sources, sha256 };
  recordRuntimeTranspiles(path.join(versionDir, 'top-openapi.js'));
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
 * (see generator/render/compile.ts). Without it the build still works.
 * @param {string} entryFile the new build's entry
 */
function recordRuntimeTranspiles(entryFile) {
  const spec = path.join(ROOT, 'spec/openapi.yaml');
  if (!existsSync(spec)) return;
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-prebuilt-'));
  try {
    const entry = pathToFileURL(entryFile).href;
    const record = path.join(BUILD_DIR, `transpiled.json.tmp-${process.pid}`);
    const args = ['generate', '--spec', spec, '--out', out, '--only', 'client,server'];
    const script = `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify(args)});`;
    // The same generation records V8's code cache of TypeScript (generator/render/typescript.ts),
    // in the main thread (no worker), where it compiles what a real run compiles.
    const tsCache = path.join(BUILD_DIR, `typescript.v8cache.tmp-${process.pid}`);
    const r = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TOP_OPENAPI_RECORD_TRANSPILES: record, TOP_OPENAPI_RECORD_TS_CACHE: tsCache, TOP_OPENAPI_TS_WORKER: '0' },
    });
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
