// generated/server: gateway stubs, the fastify plugin and the mock gateway.
import type { ApiModel } from '../model/types.ts';
import { type OutputFiles, runtimeFiles, sharedFiles } from './client.ts';
import { serverView } from './server-view.ts';
import { render } from './templates.ts';

/** `mock: false` (the config's artefacts) leaves the mock gateway out of the package. */
export async function renderServer(model: ApiModel, options: { mock?: boolean } = {}): Promise<OutputFiles> {
  const mock = options.mock ?? true;
  const view = { ...serverView(model), mock };
  const files: OutputFiles = await sharedFiles(model, 'server/src', 'server');
  files.set('server/src/server.ts', render('server/server.ts.hbs', view));
  if (mock) {
    files.set('server/src/mock.ts', render('server/mock.ts.hbs', view));
    files.set('server/src/mock-cli.ts', render('server/mock-cli.ts.hbs', view));
  }
  files.set('server/src/index.ts', render('server/index.ts.hbs', view));
  for (const [name, content] of runtimeFiles('server/src/runtime', ['common', 'server'])) files.set(name, content);
  return files;
}
