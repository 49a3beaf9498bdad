// The curl command printed on each API page, parsed from the HTML as a reader
// would copy it, is accepted by the gateway at the documented demo timestamp,
// and its sign is what an independent signer computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startUntil } from '../support/processes.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createGateway, mockHandlers } from '../../generated/server/src/index.ts';
import { independentSign } from '../support/independent-signer.ts';
import { rawRequest } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';
import { readSeeds } from '../support/seeds.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const decodeEntities = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');

/** The shell words of a `curl ... --data-urlencode '...'` command (single quotes, '\'' escapes). */
function shellWords(command: string): string[] {
  const words: string[] = [];
  for (const m of command.replace(/\\\n/g, ' ').matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  return words;
}

for (const seed of readSeeds()) {
  test(`the curl of api/${seed.method}.html is valid: recomputable sign, accepted by the gateway`, async () => {
    const html = readFileSync(path.join(ROOT, 'generated/docs/api', `${seed.method}.html`), 'utf8');
    const block = /<h2 id="curl">[\s\S]*?<pre class="scroll"><code>([\s\S]*?)<\/code><\/pre>/.exec(html);
    assert.ok(block, 'no curl block');
    const words = shellWords(decodeEntities(block[1]!));
    assert.deepEqual(words.slice(0, 3), ['curl', '-X', 'POST']);
    const url = new URL(words[3]!);
    const body = new URLSearchParams();
    for (let i = 4; i < words.length; i += 2) {
      assert.equal(words[i], '--data-urlencode');
      const pair = words[i + 1]!;
      body.append(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const params = { ...Object.fromEntries(url.searchParams), ...Object.fromEntries(body) };
    assert.equal(params.sign, await independentSign(params, 'helloworld', 'hmac-sha256'));
    assert.ok(html.includes(`<code class="sign">${params.sign}</code>`), 'the page states the same sign');

    const gateway = await listen(createGateway({
      apps: (key) => (key === '12345678' ? 'helloworld' : undefined),
      verifySession: (s) => s === 'demo-session',
      handlers: mockHandlers,
      clock: () => Date.parse('2026-11-24T04:00:00Z'), // the page's fixed timestamp, 12:00:00 GMT+8
    }));
    try {
      const answer = await rawRequest(`${gateway.url}`, { path: `/router/rest${url.search}`, body: body.toString() });
      assert.ok(answer.json && !answer.json.error_response, answer.body);
    } finally {
      await gateway.close();
    }
  });
}

test('npm run docs serves generated/docs on localhost and prints the URL', async () => {
  const { child, match } = await startUntil(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'scripts/serve-docs.ts'), '--port', '0'], /at (http:\/\/127\.0\.0\.1:\d+\/)/, { cwd: ROOT });
  try {
    const url = match[1]!;
    const index = await fetch(url);
    assert.equal(index.status, 200);
    assert.match(await index.text(), /<h1>Taobao Open Platform payment APIs<\/h1>/);
    // Nothing outside the docs folder, however the path is spelt.
    for (const p of ['../../package.json', '%2e%2e/%2e%2e/package.json', '..%2f..%2fpackage.json']) {
      const r = await fetch(`${url}${p}`);
      assert.ok(r.status === 404 || r.status === 403, `${p}: ${r.status}`);
    }
  } finally {
    child.kill('SIGTERM');
  }
});
