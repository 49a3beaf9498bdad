// Makes generated/client and generated/server npm packages: package.json
// (version from info.version), README, LICENSE, CHANGELOG and compiled dist/.
import { readFileSync } from 'node:fs';
import { GATEWAY_PATH } from '../../runtime/common/protocol.ts';
import { DEFAULT_PACKAGES, defaultOutputSettings, type OutputSettings } from '../config.ts';
import type { ApiModel, FieldModel } from '../model/types.ts';
import { isTypesOnly, type OutputFiles } from './client.ts';
import { tsLiteral } from './client-view.ts';
import { render } from './templates.ts';
import { compileWork } from './typescript-work.ts';

/** The default names (top-openapi.config.json's `packages` can set others). */
export const PACKAGE_NAMES = { client: DEFAULT_PACKAGES.client.name, server: DEFAULT_PACKAGES.server.name } as const;

/** The changelog entry for info.version must exist: a release without one is a spec problem. */
export function checkChangelog(changelog: string | undefined, version: string): string | undefined {
  // The caller prefixes the changelog's own path (beside the spec, wherever that is).
  if (changelog === undefined) return 'missing: the packages need a changelog beside the spec with an entry for each info.version';
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^## ${escaped}\\s*$`, 'm').test(changelog) ? undefined : `no "## ${version}" entry for info.version ${version}`;
}

/**
 * The client's entries: node:http as the default transport on Node itself,
 * fetch on Bun, Deno, Workers, browsers and anything else (their node:http,
 * where they have one, is built on fetch and proves nothing). One set of
 * types for all, free of node:* (a browser project needs no @types/node);
 * `/node` also exports `nodeHttpTransport`.
 */
const PORTABLE_ESM = './dist/index.js';
const PORTABLE_CJS = './dist/cjs/index.js';
const CLIENT_EXPORTS = {
  '.': {
    import: {
      types: './dist/index.d.ts',
      bun: PORTABLE_ESM,
      deno: PORTABLE_ESM,
      workerd: PORTABLE_ESM,
      worker: PORTABLE_ESM,
      browser: PORTABLE_ESM,
      node: './dist/node.js',
      default: PORTABLE_ESM,
    },
    // A CommonJS build (dist/cjs/) for require(): Jest and TypeScript's
    // CommonJS projects load it on every Node without require(esm).
    require: {
      types: './dist/cjs/index.d.ts',
      bun: PORTABLE_CJS,
      deno: PORTABLE_CJS,
      workerd: PORTABLE_CJS,
      worker: PORTABLE_CJS,
      browser: PORTABLE_CJS,
      node: './dist/cjs/node.js',
      default: PORTABLE_CJS,
    },
  },
  './node': {
    import: { types: './dist/node.d.ts', default: './dist/node.js' },
    require: { types: './dist/cjs/node.d.ts', default: './dist/cjs/node.js' },
  },
  './package.json': './package.json',
};

const BUSBOY_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies['@fastify/busboy']!;

function packageJson(kind: 'client' | 'server', model: ApiModel, settings: OutputSettings): string {
  const pkg: Record<string, unknown> = {
    name: settings.packages[kind].name,
    version: model.version,
    description: kind === 'client' ? `Typed client for ${model.title}: TOP signing, validation, lossless int64.` : `TOP gateway stubs, fastify plugin and mock gateway for ${model.title}.`,
    license: settings.license,
    type: 'module',
    // node10 resolution (no exports) is CommonJS: the client's main is its CommonJS build.
    main: kind === 'client' ? './dist/cjs/index.js' : './dist/index.js',
    types: kind === 'client' ? './dist/cjs/index.d.ts' : './dist/index.d.ts',
    exports: kind === 'client' ? CLIENT_EXPORTS : { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    ...(kind === 'server' && settings.artefacts.mock ? { bin: { 'top-mock-gateway': 'dist/mock-cli.js' } } : {}),
    files: ['dist', ...(kind === 'client' ? ['node'] : []), 'README.md', 'CHANGELOG.md', ...(settings.licenseText === undefined ? [] : ['LICENSE'])],
    // The gateway's one dependency: multipart (upload) parsing, with limits, by a well-kept parser; the version this repository pins.
    ...(kind === 'server' ? { dependencies: { '@fastify/busboy': BUSBOY_VERSION } } : {}),
    engines: { node: '>=20.19.0' },
    // The client's Node entry sets its default transport when loaded.
    sideEffects: kind === 'client' ? ['./dist/node.js', './dist/cjs/node.js'] : false,
    keywords: ['taobao', 'top', 'openapi', kind === 'client' ? 'client' : 'gateway'],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The dotted path of the first int64 field among these fields (into objects, not lists), if any. */
function firstInt64(fields: FieldModel[], prefix: string[] = []): { path: string[]; field: FieldModel } | undefined {
  for (const f of fields) {
    if (f.shape.kind === 'int64') return { path: [...prefix, f.name], field: f };
    if (f.shape.kind === 'object') {
      const inner = firstInt64(f.shape.fields, [...prefix, f.name]);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * The README's int64 sentence, from the spec's own fields: a request field to
 * pass a bigint to and an answer field read as one (nothing when the spec has none).
 */
function int64Example(model: ApiModel): string {
  const request = model.operations.map((op) => firstInt64(op.params)).find((f) => f !== undefined);
  const answer = model.operations.map((op) => firstInt64(op.response)).find((f) => f !== undefined);
  const parts: string[] = [];
  if (request) {
    const example = request.field.example;
    const value = typeof example === 'bigint' || (typeof example === 'number' && Number.isSafeInteger(example)) ? BigInt(example) : 1n;
    parts.push(`pass \`${value}n\` as \`${request.path.join('.')}\``);
  }
  if (answer) parts.push(`read \`answer.${answer.path.join('?.')}\` as a \`bigint\``);
  return parts.length ? `: ${parts.join(', ')}` : '';
}

function readmeView(kind: 'client' | 'server', model: ApiModel, settings: OutputSettings) {
  const first = model.operations[0]!;
  const example = `const answer = await top.${first.operationId}(${tsLiteral(first.requestExample ?? {}, { kind: 'object', name: first.requestSchema, fields: first.params })}${first.session ? ', { session: userSessionKey }' : ''});`;
  const handlerExample = `    ${first.operationId}: async (params, context) => {\n      // params.${first.params[0]?.name ?? ''} is validated; context.appKey, context.requestId, context.user\n      return { /* the answer inside ${first.responseRoot} */ };\n    },`;
  return {
    name: settings.packages[kind].name,
    title: model.title,
    version: model.version,
    example,
    handlerExample,
    firstMethod: first.method,
    int64Example: int64Example(model),
    gatewayPath: GATEWAY_PATH,
    operations: model.operations.map((op) => ({
      method: op.method,
      operationId: op.operationId,
      session: op.session ? 'required' : 'no',
      keys: op.idempotencyKey.map((k) => `\`${k}\``).join(', else '),
    })),
  };
}

export async function renderPackages(model: ApiModel, sources: OutputFiles, changelog: string, outDir: string, settings: OutputSettings = defaultOutputSettings()): Promise<OutputFiles> {
  const files: OutputFiles = new Map();
  const kinds = (['client', 'server'] as const).filter((kind) => settings.artefacts[kind]);
  for (const kind of kinds) {
    files.set(`${kind}/package.json`, packageJson(kind, model, settings));
    files.set(`${kind}/README.md`, render(`packages/${kind}-README.md.hbs`, readmeView(kind, model, settings)));
    if (settings.licenseText !== undefined) files.set(`${kind}/LICENSE`, settings.licenseText);
    files.set(`${kind}/CHANGELOG.md`, changelog);
  }
  // `/node` for resolvers that ignore "exports" (TypeScript's node10, old bundlers).
  if (settings.artefacts.client) files.set('client/node/package.json', `${JSON.stringify({ main: '../dist/cjs/node.js', types: '../dist/cjs/node.d.ts' }, null, 2)}\n`);
  for (const [name, content] of await compileWork(kinds, new Map([...sources, ...files]), outDir, isTypesOnly)) files.set(name, content);
  return files;
}
