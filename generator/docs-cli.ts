// `top-openapi docs [--out DIR] [--port N] [--host H]`: serves the generated docs site.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, resolveSettings, shown } from './config.ts';

export const DOCS_USAGE = `usage: top-openapi docs [--out DIR] [--config FILE] [--port N] [--host H]
  --out DIR    the generated output folder whose docs/ to serve (default generated, or "out" in the config file)
  --port N     0 picks a free port (default 8080)
  --host H     the address to listen on (default 127.0.0.1)`;

export async function runDocs(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        config: { type: 'string' },
        port: { type: 'string', default: '8080' },
        host: { type: 'string', default: '127.0.0.1' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`docs: ${(error as Error).message}\n${DOCS_USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(DOCS_USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    console.error(`docs: --port must be a number from 0 to 65535; got ${values.port}`);
    return 2;
  }
  let out: string;
  try {
    out = resolveSettings({ out: values.out, config: values.config }).out;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`docs: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const root = path.join(out, 'docs');
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`docs: no docs site at ${shown(root)}/ (run \`top-openapi generate\` first, with "docs" among the artefacts)`);
    return 1;
  }
  const { docsServer } = await import('../scripts/serve-docs.ts');
  const server = docsServer(root);
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (error) => {
      console.error(`docs: cannot listen on ${values.host}:${port}: ${error.message}`);
      resolve(false);
    });
    server.listen(port, values.host, () => resolve(true));
  });
  if (!listening) return 1;
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`serving ${shown(root)}/ at http://${host}:${address.port}/`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  return 0;
}
