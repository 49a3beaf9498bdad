// Try it, end to end in Chromium: the form on an API page signs in the browser
// with the current GMT+8 time and calls the mock gateway (started as
// `npm run mock` starts it, on port 0), from the site served over http and
// from file://. A right secret gets the API's answer, a wrong one code 25; the
// curl command it prints sends the same bytes and is accepted too.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { startMockGateway } from '../../generated/server/src/mock.ts';
import { signingString } from '../../runtime/common/sign.ts';
import { ARTIFACTS, DOCS, external, type Recorded, recordedPage, type Site, startSite } from './browser.ts';

const run = promisify(execFile);
const PAYORDER = 'api/alibaba.cloudgame.tradeplatform.payorder.html';
const WITH_SESSION = 'api/alibaba.idle.tender.pre.pay.action.html';

let site: Site;
let mock: Awaited<ReturnType<typeof startMockGateway>>;
let page: Recorded;
before(async () => {
  [site, mock] = await Promise.all([startSite(), startMockGateway({ port: 0 })]);
  page = await recordedPage(site.context, 390);
});
after(async () => {
  await site?.close();
  await mock?.close();
});

interface TryResult {
  status: string;
  signing: string;
  sign: string;
  curl: string;
  answer: string;
}

async function tryIt(url: string, fill: Record<string, string> = {}): Promise<TryResult> {
  page.problems.length = 0;
  page.requests.length = 0;
  await page.page.goto(url);
  await page.page.fill('#try-gateway', mock.url);
  for (const [selector, value] of Object.entries(fill)) {
    if (selector === '#try-sign-method') await page.page.selectOption(selector, value);
    else await page.page.fill(selector, value);
  }
  await page.page.click('#try-send');
  await page.page.waitForFunction(() => /^HTTP|^No answer/.test(document.getElementById('try-status')!.textContent ?? ''));
  const text = (id: string) => page.page.textContent(id).then((t) => t ?? '');
  return { status: await text('#try-status'), signing: await text('#try-signing'), sign: await text('#try-sign'), curl: await text('#try-curl'), answer: await text('#try-answer') };
}

const gmt8 = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

for (const origin of ['http', 'file'] as const) {
  test(`from ${origin === 'http' ? 'the site served over http' : 'file://'}: a signed call succeeds, shows its signing string, sign, curl and answer`, async () => {
    const url = origin === 'http' ? site.base + PAYORDER : `file://${DOCS}/${PAYORDER}`;
    const before = Date.now();
    const r = await tryIt(url);
    assert.match(r.status, /^HTTP 200 .*success$/, `${r.status}\n${r.answer}`);
    assert.ok(JSON.parse(r.answer).alibaba_cloudgame_tradeplatform_payorder_response, r.answer);
    // The signing string carries the current GMT+8 time, and the sign is its HMAC-SHA256.
    const stamp = /timestamp(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(r.signing)?.[1];
    assert.ok(stamp && stamp >= gmt8(before - 1000) && stamp <= gmt8(Date.now() + 1000), `timestamp ${stamp}`);
    assert.equal(r.sign, createHmac('sha256', 'helloworld').update(r.signing, 'utf8').digest('hex').toUpperCase());
    if (origin === 'http') {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.page.locator('#try-out').screenshot({ path: path.join(ARTIFACTS, 'try-it-390.png') });
    }
    assert.deepEqual(page.problems, []);
    assert.deepEqual(
      external(page.requests, site.base).filter((u) => !u.startsWith(mock.url)),
      [],
      'only the gateway is called',
    );
  });
}

test('a wrong secret is answered with code 25 (Invalid Signature), and the page says so', async () => {
  const r = await tryIt(site.base + PAYORDER, { '#try-secret': 'not-the-secret' });
  assert.match(r.status, /error_response, code 25$/, r.status);
  assert.equal(JSON.parse(r.answer).error_response.code, 25);
});

for (const method of ['md5', 'hmac', 'hmac-sha256']) {
  test(`sign_method ${method} on an API that needs a session: accepted by the mock`, async () => {
    const r = await tryIt(`file://${DOCS}/${WITH_SESSION}`, { '#try-sign-method': method });
    assert.match(r.status, /success$/, `${r.status}\n${r.answer}`);
    const expected =
      method === 'md5'
        ? createHash('md5').update(`helloworld${r.signing}helloworld`, 'utf8').digest('hex')
        : createHmac(method === 'hmac' ? 'md5' : 'sha256', 'helloworld')
            .update(r.signing, 'utf8')
            .digest('hex');
    assert.equal(r.sign, expected.toUpperCase());
    assert.match(r.signing, /sessiondemo-session/);
  });
}

test('the curl command the form prints sends the same bytes, and the mock accepts it', async () => {
  // XML this time: a second call with the same idempotency key is answered from the first.
  const r = await tryIt(site.base + PAYORDER, { '#try-secret': 'helloworld' });
  assert.match(r.status, /success$/);
  const { stdout } = await run('bash', ['-c', r.curl], { timeout: 10_000 });
  assert.ok(JSON.parse(stdout).alibaba_cloudgame_tradeplatform_payorder_response, stdout);
});

test('a gateway URL that is not http(s), or has a query, is refused with a clear message; an unreachable one says how to start the mock', async () => {
  await page.page.goto(site.base + PAYORDER);
  await page.page.fill('#try-gateway', 'ftp://example');
  await page.page.click('#try-send');
  assert.match((await page.page.textContent('#try-status')) ?? '', /must be an http:\/\/ or https:\/\/ address/);
  // Its own query would travel unsigned, and the gateway would answer 25.
  await page.page.fill('#try-gateway', 'http://127.0.0.1:1/router/rest?partner=x');
  await page.page.click('#try-send');
  assert.match((await page.page.textContent('#try-status')) ?? '', /must have no query string and no user name or password.*got "http:\/\/127\.0\.0\.1:1\/router\/rest\?partner=x"/);
  await page.page.fill('#try-gateway', 'http://127.0.0.1:1/router/rest');
  await page.page.click('#try-send');
  await page.page.waitForFunction(() => /^No answer/.test(document.getElementById('try-status')!.textContent ?? ''));
  assert.match((await page.page.textContent('#try-status')) ?? '', /npm run mock/);
});

test("the page's MD5 and SHA-256 agree with node:crypto on random UTF-8 text of every length around the block size", async () => {
  const seed = Date.now();
  console.log(`# seed ${seed}`);
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const cases: string[] = [];
  for (let length = 0; length < 140; length++) {
    let s = '';
    for (let i = 0; i < length; i++) s += next() % 5 === 0 ? '支' : String.fromCharCode(32 + (next() % 95));
    cases.push(s);
  }
  cases.push(randomBytes(300).toString('base64'));
  await page.page.goto(site.base + PAYORDER);
  const got = await page.page.evaluate((list) => {
    const s = (window as unknown as { TOP_SIGN: { md5: (t: string) => string; sha256: (t: string) => string } }).TOP_SIGN;
    return list.map((t) => [s.md5(t), s.sha256(t)]);
  }, cases);
  cases.forEach((text, i) => {
    assert.equal(got[i]![0], createHash('md5').update(text, 'utf8').digest('hex').toUpperCase(), `md5 of ${JSON.stringify(text)} (seed ${seed})`);
    assert.equal(got[i]![1], createHash('sha256').update(text, 'utf8').digest('hex').toUpperCase(), `sha256 of ${JSON.stringify(text)} (seed ${seed})`);
  });
});

test("the page's signing string leaves out exactly the values the runtime does (Java's white space, not trim's)", async () => {
  const values = ['', ' ', '\t', '\u001c', '\u2028', '\u3000', ' \u3000\n', '\u00a0', '\u2007', '\u202f', '\ufeff', '\u180e', 'a', ' a ', '支'];
  const params = Object.fromEntries(values.map((v, i) => [`p${String(i).padStart(2, '0')}`, v]));
  await page.page.goto(site.base + PAYORDER);
  const got = await page.page.evaluate((p) => (window as unknown as { TOP_SIGN: { signingString: (p: Record<string, string>) => string } }).TOP_SIGN.signingString(p), params);
  assert.equal(got, signingString(params));
  assert.equal(got, 'p07\u00a0p08\u2007p09\u202fp10\ufeffp11\u180ep12ap13 a p14支');
});

test('the form signs and sends app_key and session as typed, dropping only a Java-blank value, as the runtime client does (not JavaScript trim)', async () => {
  // U+00A0 is not Java white space: the client and the Java SDK sign and send a value holding it; trim would drop it.
  const r = await tryIt(`file://${DOCS}/${WITH_SESSION}`, { '#try-app-key': '\u00a0', '#try-session': ' \u00a0' });
  assert.match(r.signing, /app_key\u00a0/, r.signing);
  assert.match(r.signing, /session \u00a0/, r.signing);
  // And a Java-blank session (U+001C is Java white space, which trim keeps) is neither signed nor sent.
  const blank = await tryIt(`file://${DOCS}/${WITH_SESSION}`, { '#try-session': '\u001c ' });
  assert.doesNotMatch(blank.signing, /session/, blank.signing);
  assert.doesNotMatch(blank.curl, /session=/, blank.curl);
});

test('the mock answers a CORS preflight and lets any origin read its answers', async () => {
  const preflight = await fetch(mock.url, { method: 'OPTIONS', headers: { origin: 'null', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/);
  const answer = await fetch(mock.url, { method: 'POST', headers: { origin: 'http://example.test' }, body: '' });
  assert.equal(answer.headers.get('access-control-allow-origin'), '*');
});
