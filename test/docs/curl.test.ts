// The curl script printed on each API page runs as printed (bash, openssl,
// curl) against the mock gateway and gets the API's answer; the demo sign the
// page states is what an independent signer computes. And `npm run docs`
// serves the site.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startMockGateway } from '../../generated/server/src/mock.ts';
import { independentSign } from '../support/independent-signer.ts';
import { startUntil } from '../support/processes.ts';
import { readSeeds } from '../support/seeds.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const decodeEntities = (html: string) =>
  html
    .replace(/<wbr>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');

let mock: Awaited<ReturnType<typeof startMockGateway>>;
before(async () => {
  mock = await startMockGateway({ port: 0 });
});
after(async () => {
  await mock?.close();
});

/** The text of the first code block after a heading, as the copy button copies it. */
function block(html: string, heading: string): string {
  const m = new RegExp(`<h2 id="${heading}">[\\s\\S]*?<pre><code>([\\s\\S]*?)</code></pre>`).exec(html);
  assert.ok(m, `no code block under #${heading}`);
  return decodeEntities(m[1]!);
}

for (const seed of readSeeds()) {
  test(`the curl script of api/${seed.method}.html runs as printed against the mock and gets its answer`, async () => {
    const html = readFileSync(path.join(ROOT, 'generated/docs/api', `${seed.method}.html`), 'utf8');
    const script = block(html, 'curl');
    assert.match(html, /npm run mock/, 'the page says how to start the mock');
    assert.doesNotMatch(script, /tr a-f A-F/, 'openssl prints "HMAC-SHA2-256(stdin)= …": the hex must be cut out, not just upper-cased');
    // Only GATEWAY differs from what a reader runs: the mock here listens on an ephemeral port.
    const { stdout, stderr } = await run('bash', ['-c', script], { env: { ...process.env, GATEWAY: mock.url }, timeout: 15_000 });
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    assert.ok(!answer.error_response, `${stdout}\n${stderr}`);
    assert.ok(Object.keys(answer)[0]!.endsWith('_response'), stdout);

    // The fixed-timestamp example states a sign that an independent signer agrees with. The
    // page gives the sorted string; signed as one parameter with an empty name it is the same text.
    const signing = /check a signer[\s\S]*?<pre><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1];
    assert.ok(signing, 'no signing string');
    const sign = /<code class="sign">([0-9A-F]{64})<\/code>/.exec(html)?.[1];
    assert.equal(sign, await independentSign({ '': decodeEntities(signing) }, 'helloworld', 'hmac-sha256'));
  });
}

test('npm run docs serves generated/docs on localhost and prints the URL', async () => {
  const { child, match } = await startUntil(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'scripts/serve-docs.ts'), '--port', '0'], /at (http:\/\/127\.0\.0\.1:\d+\/)/, {
    cwd: ROOT,
  });
  try {
    const url = match[1]!;
    const index = await fetch(url);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<h1>Taobao Open Platform payment APIs<\/h1>/);
    for (const file of ['shared.html', 'site.js', 'tryit.js', 'search-index.js', 'style.css', 'reference.html']) assert.equal((await fetch(url + file)).status, 200, file);
    // Nothing outside the docs folder, however the path is spelt.
    for (const p of ['../../package.json', '%2e%2e/%2e%2e/package.json', '..%2f..%2fpackage.json']) {
      const r = await fetch(`${url}${p}`);
      assert.ok(r.status === 404 || r.status === 403, `${p}: ${r.status}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
});
