// generated/server: gateway stubs, the fastify plugin and the mock gateway.
import type { ApiModel } from '../model/types.ts';
import { type OutputFiles, runtimeFiles, sharedFiles } from './client.ts';
import { serverView } from './server-view.ts';
import { render } from './templates.ts';

/** `mock: false` (the config's artefacts) leaves the mock gateway out of the package. */
export async function renderServer(model: ApiModel, options: { mock?: boolean } = {}): Promise<OutputFiles> {
  const mock = options.mock ?? true;
  const view = { ...serverView(model), mock };
  const own: OutputFiles = new Map([['server/src/server.ts', render('server/server.ts.hbs', view)]]);
  if (mock) {
    own.set('server/src/mock.ts', render('server/mock.ts.hbs', view));
    own.set('server/src/mock-cli.ts', render('server/mock-cli.ts.hbs', view));
  }
  own.set('server/src/index.ts', render('server/index.ts.hbs', view));
  // ES modules only: no CommonJS copy (packages.ts).
  const files = await sharedFiles(model, 'server/src', 'server', own, false);
  for (const [name, content] of runtimeFiles('server/src/runtime', ['common', 'server'])) files.set(name, content);
  return files;
}
