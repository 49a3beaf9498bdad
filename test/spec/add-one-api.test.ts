// "Adding any one of the fixture APIs to spec/ alone gives a working typed
// client method, handler type, validators, mock answer and docs page, with no
// change to generator/, runtime/ or templates/." Each of the nine APIs of
// test/fixtures/top-apis is copied with the schemas it uses into a copy of
// spec/, generated there, and called through the generated client against the
// generated gateway (the mock's handlers, recording what they receive):
// answered from the spec's example, the handler given exactly what the
// server's types say (defaults applied), bad input refused before sending.

import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generate } from '../../generator/generate.ts';
import { writeOutput } from '../../generator/write/output.ts';
import { listen } from '../support/servers.ts';
import { FIXTURE_CALLS, receivedProblems } from './fixture-calls.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/top-apis');

/** The schema files a YAML file refers to, transitively. */
function schemasOf(file: string, into = new Set<string>()): Set<string> {
  for (const m of readFileSync(file, 'utf8').matchAll(/"?\$ref"?: "?(?:\.\.\/components\/schemas\/|\.\/)([A-Za-z0-9]+)\.yaml"?/g)) {
    const name = m[1]!;
    if (into.has(name)) continue;
    into.add(name);
    schemasOf(path.join(FIXTURE, 'components/schemas', `${name}.yaml`), into);
  }
  return into;
}

for (const { method, operationId, minimal, check } of FIXTURE_CALLS) {
  test(`${method} added to spec/ alone: client method, handler type, validators, mock answer and docs page`, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'top-add-one-'));
    try {
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      cpSync(path.join(ROOT, 'spec'), path.join(dir, 'spec'), { recursive: true });
      const pathFile = path.join(FIXTURE, 'paths', `${method}.yaml`);
      cpSync(pathFile, path.join(dir, 'spec/paths', `${method}.yaml`));
      for (const name of schemasOf(pathFile)) {
        const target = path.join(dir, 'spec/components/schemas', `${name}.yaml`);
        if (!existsSync(target)) cpSync(path.join(FIXTURE, 'components/schemas', `${name}.yaml`), target);
      }
      const root = path.join(dir, 'spec/openapi.yaml');
      const tag = /tags:\n\s+- "([^"]+)"/.exec(readFileSync(pathFile, 'utf8'))![1]!;
      writeFileSync(
        root,
        readFileSync(root, 'utf8')
          .replace('paths:\n', `paths:\n  /router/rest#${method}:\n    $ref: ./paths/${method}.yaml\n`)
          .replace('tags:\n', `tags:\n  - name: ${tag}\n    description: ${tag}\n`),
      );
      const out = path.join(dir, 'generated');
      const result = await generate(root, { configPath: path.join(ROOT, 'redocly.yaml'), outDir: out });
      assert.equal(result.model.operations.length, 6);
      writeOutput(out, result.files);
      const op = result.model.operations.find((o) => o.method === method)!;
      assert.match(readFileSync(path.join(out, 'server/src/server.ts'), 'utf8'), new RegExp(`${op.operationId}\\?: \\(params: `), 'handler type');
      assert.match(readFileSync(path.join(out, 'client/src/validators.js'), 'utf8'), new RegExp(`validateRequest_${op.operationId}`), 'validators');
      assert.ok(existsSync(path.join(out, 'docs/api', `${method}.html`)), 'docs page');
      assert.equal(op.operationId, operationId);
      const client = await import(pathToFileURL(path.join(out, 'client/src/index.ts')).href);
      const server = await import(pathToFileURL(path.join(out, 'server/src/index.ts')).href);
      const received: Record<string, unknown>[] = [];
      const handler = server.mockHandlers[operationId];
      const gateway = await listen(
        server.createGateway({
          apps: (key: string) => (key === server.MOCK_APP_KEY ? server.MOCK_APP_SECRET : undefined),
          handlers: {
            ...server.mockHandlers,
            [operationId]: (params: Record<string, unknown>, context: unknown) => {
              received.push(params);
              return handler(params, context);
            },
          },
        }),
      );
      try {
        const top = new client.TopClient({ appKey: server.MOCK_APP_KEY, appSecret: server.MOCK_APP_SECRET, gateway: gateway.url, session: 'user' });
        check(await top[operationId](minimal));
        assert.equal(received.length, 1, 'the handler ran once');
        assert.deepEqual(receivedProblems(op, received[0]!), [], 'the handler got what its type says');
        // The validators: an unknown parameter is refused before anything is sent, naming it.
        await assert.rejects(top[operationId]({ ...minimal, not_a_parameter: 'x' }), (e: any) => e.name === 'TopValidationError' && e.problems.some((p: any) => p.path === 'not_a_parameter'));
        assert.equal(received.length, 1, 'nothing sent');
        top.close();
      } finally {
        await gateway.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
