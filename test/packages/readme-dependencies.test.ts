// What each generated package's README says of its dependencies is what its
// package.json installs: the server's multipart parser is a runtime
// dependency, so its README names it instead of promising none.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '../..');

for (const kind of ['client', 'server']) {
  test(`generated/${kind}: its README's word on runtime dependencies matches its package.json`, () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'generated', kind, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const readme = readFileSync(path.join(ROOT, 'generated', kind, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const names = Object.keys(pkg.dependencies ?? {});
    if (names.length === 0) return;
    assert.doesNotMatch(readme, /no runtime dependencies/i, `${kind} installs ${names.join(', ')}`);
    for (const name of names) assert.ok(readme.includes(name), `${kind}'s README names ${name}`);
  });
}
