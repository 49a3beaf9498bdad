// `top-openapi mock [--spec FILE] [--host H] [--port N]`: the spec's mock
// gateway, built from the spec on the spot (server package only, into a
// temporary folder) so it always answers what the spec says now, for any spec.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, resolveSettings, type Settings, shown } from './config.ts';
import { importModule } from './import-module.ts';

export const MOCK_USAGE = `usage: top-openapi mock [--spec FILE] [--config FILE] [--host H] [--port N] [--app-key K] [--app-secret S]
  --spec FILE     the spec to serve (default spec/openapi.yaml, or "spec" in the config file)
  --host H        the address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --port N        0 picks a free port (default 9393)
  --app-key K, --app-secret S   the app the mock accepts (default 12345678 / helloworld)
Every request is signature-checked; each API answers its spec example, echoing the caller's ids.`;

interface MockModule {
  startMockGateway(options: { port?: number; host?: string; appKey?: string; appSecret?: string }): Promise<{ url: string; close: () => Promise<void> }>;
  MOCK_APP_KEY: string;
  MOCK_APP_SECRET: string;
}

/**
 * The server package's dependencies (@fastify/busboy, loaded on the first
 * upload), linked into its node_modules from the generator's own install: the
 * package is generated into a temporary folder outside any project, where an
 * import of them found nothing and every upload was answered 15
 * isp.unknown-error. They are the generator's dependencies too; the name of
 * one that cannot be found is returned.
 */
function linkDependencies(packageDir: string): string | undefined {
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const require = createRequire(import.meta.url);
  for (const name of Object.keys(dependencies)) {
    const from = require.resolve
      .paths(name)
      ?.map((dir) => path.join(dir, name))
      .find((dir) => existsSync(path.join(dir, 'package.json')));
    if (from === undefined) return name;
    const to = path.join(packageDir, 'node_modules', name);
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(from, to, 'junction');
  }
  return undefined;
}

export async function runMock(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        spec: { type: 'string' },
        config: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '9393' },
        'app-key': { type: 'string' },
        'app-secret': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`mock: ${(error as Error).message}\n${MOCK_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(MOCK_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`mock: --port must be a number from 0 to 65535; got ${values.port}`);
    return 2;
  }
  for (const flag of ['host', 'app-key', 'app-secret'] as const) {
    if (values[flag] !== undefined && values[flag].trim() === '') {
      console.error(`mock: --${flag} must not be empty`);
      return 2;
    }
  }
  let settings: Settings;
  try {
    settings = resolveSettings({ spec: values.spec, config: values.config });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`mock: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const { generate, SpecError } = await import('./generate.ts');
  const { writeOutput } = await import('./write/output.ts');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-openapi-mock-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let mock;
  let module: MockModule;
  try {
    const { files, model } = await generate(settings.spec, {
      outDir: dir,
      checkVersion: false,
      settings: { ...settings, artefacts: { client: false, server: true, mock: true, docs: false } },
    });
    writeOutput(dir, files);
    const missing = linkDependencies(path.join(dir, 'server'));
    if (missing !== undefined) {
      console.error(`mock: the server package needs ${missing}, which is not installed beside the generator; reinstall top-openapi`);
      cleanup();
      return 1;
    }
    module = (await importModule(pathToFileURL(path.join(dir, 'server/dist/mock.js')).href)) as MockModule;
    const appKey = values['app-key'] ?? module.MOCK_APP_KEY;
    const appSecret = values['app-secret'] ?? module.MOCK_APP_SECRET;
    try {
      mock = await module.startMockGateway({ port, host: values.host, appKey, appSecret });
    } catch (error) {
      console.error(`mock: cannot listen on ${values.host}:${port}: ${(error as Error).message}`);
      cleanup();
      return 1;
    }
    console.log(`TOP mock gateway for ${shown(settings.spec)} (spec ${model.version}): ${model.operations.map((op) => op.method).join(', ')}`);
    console.log(`app_key ${appKey}, app secret ${appSecret}; any non-empty session is accepted`);
    console.log(`listening on ${mock.url}`);
  } catch (error) {
    cleanup();
    const { SpecInputError } = await import('./load/load-spec.ts');
    if (error instanceof SpecInputError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof SpecError) {
      for (const line of error.lines) console.error(line);
      console.error('mock: the spec has problems; nothing is served');
      return 1;
    }
    throw error;
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.close();
  cleanup();
  return 0;
}
