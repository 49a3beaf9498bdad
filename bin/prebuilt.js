// The generator, prebuilt to plain JavaScript (bin/build/, git-ignored, made
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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const BUILD_DIR = path.join(ROOT, 'bin/build');
const MANIFEST = 'manifest.json';
const ENTRY = 'generator/top-openapi.ts';
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
  const staging = `${BUILD_DIR}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { 'top-openapi': ENTRY },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [rewrite],
    banner: {
      // Every chunk sits in bin/build/: the package root is two folders up.
      js: [
        "import { fileURLToPath as __topFileURLToPath, pathToFileURL as __topPathToFileURL } from 'node:url';",
        "import __topPath from 'node:path';",
        'const __topRoot = __topPath.resolve(__topPath.dirname(__topFileURLToPath(import.meta.url)), "../..");',
        'const __topSource = (rel) => __topPath.join(__topRoot, rel);',
        'const __topSourceUrl = (rel) => __topPathToFileURL(__topSource(rel)).href;',
      ].join('\n'),
    },
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((f) => f.split(path.sep).join('/'))
    .sort();
  const manifest = { format: FORMAT, entry: 'top-openapi.js', sources, sha256: hashSources(sources, ROOT) };
  writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  recordRuntimeTranspiles(staging);
  // A swap, so a concurrent start-up sees the old build or the new one, never half of one.
  const previous = `${BUILD_DIR}.previous-${process.pid}`;
  mkdirSync(path.dirname(BUILD_DIR), { recursive: true });
  if (existsSync(BUILD_DIR)) renameSync(BUILD_DIR, previous);
  renameSync(staging, BUILD_DIR);
  rmSync(previous, { recursive: true, force: true });
  return manifest;
}

/**
 * transpiled.json: the runtime files' transpiles (the same for every spec),
 * recorded by one generation of this repository's spec with the new build
 * (see generator/render/compile.ts). Without it the build still works.
 * @param {string} staging
 */
function recordRuntimeTranspiles(staging) {
  const spec = path.join(ROOT, 'spec/openapi.yaml');
  if (!existsSync(spec)) return;
  const out = mkdtempSync(path.join(os.tmpdir(), 'top-prebuilt-'));
  try {
    const entry = pathToFileURL(path.join(staging, 'top-openapi.js')).href;
    const args = ['generate', '--spec', spec, '--out', out, '--only', 'client,server'];
    const script = `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(${JSON.stringify(args)});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '--eval', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TOP_OPENAPI_RECORD_TRANSPILES: path.join(staging, 'transpiled.json') },
    });
    if (r.status !== 0) console.error(`bin/prebuilt.js: no runtime transpiles recorded (generation failed):\n${r.stdout}${r.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const manifest = await build();
  console.log(`bin/build/: the generator prebuilt from ${manifest.sources.length} source files`);
}
