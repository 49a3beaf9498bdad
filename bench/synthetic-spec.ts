// Makes a spec of N operations for the generation benchmark by repeating the
// five real ones under new method names, each copy with its own schemas.
// Usage: node --import tsx bench/synthetic-spec.ts N OUT_DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadSpec } from '../generator/load/load-spec.ts';
import { operationIdOf, responseRootOf } from '../generator/top-naming.js';

// biome-ignore lint/suspicious/noExplicitAny: a whole OpenAPI document built and patched freely
type Json = any;

export async function makeSyntheticSpec(n: number, dir: string): Promise<string> {
  const { document } = await loadSpec(path.join(import.meta.dirname, '../spec/openapi.yaml'));
  const templates = Object.entries(document.paths as Record<string, Json>);
  const schemas: Json = {};
  const paths: Json = {};
  for (let i = 0; i < n; i++) {
    const [, item] = templates[i % templates.length]!;
    const suffix = `N${i}`;
    const op = structuredClone(item.post);
    const method = `${op['x-top-method'].replace(/^taobao\./, 'alibaba.')}.n${i}`;
    const oldRoot = op['x-top-response-root'];
    op['x-top-method'] = method;
    op.operationId = operationIdOf(method);
    op['x-top-response-root'] = responseRootOf(method);
    let text = JSON.stringify(op)
      .replace(/"#\/components\/schemas\/([A-Za-z0-9]+)"/g, `"#/components/schemas/$1${suffix}"`)
      .replaceAll(`"${oldRoot}"`, `"${responseRootOf(method)}"`);
    // The error example is shared; copies of schemas are per operation.
    paths[`/router/rest#${method}`] = { post: JSON.parse(text) };
    for (const [name, schema] of Object.entries((document.components?.schemas ?? {}) as Record<string, Json>)) {
      if (schemas[`${name}${suffix}`] === undefined) {
        text = JSON.stringify(schema).replace(/"#\/components\/schemas\/([A-Za-z0-9]+)"/g, `"#/components/schemas/$1${suffix}"`);
        schemas[`${name}${suffix}`] = JSON.parse(text);
      }
    }
  }
  // Keep only the schemas the operations reach, so no-unused-components stays quiet.
  const used = new Set<string>();
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
          const name = v.slice('#/components/schemas/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(v);
      }
    }
  };
  visit(paths);
  const spec = {
    ...document,
    info: { ...document.info, title: `Synthetic spec of ${n} TOP operations` },
    paths,
    components: { ...document.components, schemas: Object.fromEntries([...used].sort().map((k) => [k, schemas[k]])) },
  };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(spec, null, 1));
  writeFileSync(path.join(dir, 'CHANGELOG.md'), `# Changelog\n\n## ${spec.info.version}\n\nSynthetic.\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await makeSyntheticSpec(Number(process.argv[2] ?? 50), process.argv[3] ?? '/tmp/synthetic'));
}
