// reference.html (redocly build-docs, post-processed): every link works from a
// static host, from a new tab and from file://; a way back to the site;
// Chinese beside English; curl and TypeScript request samples; no empty
// credit line; no maintainers' notes; no external request.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { axe, DOCS, external, type Recorded, recordedPage, type Site, serious, startSite } from './browser.ts';

let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site?.close();
});

const ORIGINS = () => [`${site.base}reference.html`, `file://${DOCS}/reference.html`];

/**
 * A new tab on a reference URL, once Redoc has rendered its route. Always a
 * fresh tab: that is how a reader opens a link in a new tab or from a bookmark.
 */
async function tab(url: string, width = 1366): Promise<Recorded> {
  const r = await recordedPage(site.context, width);
  await r.page.goto(url, { waitUntil: 'load' });
  await r.page.waitForSelector('#api-content h1, #api-content h2');
  await r.page.waitForTimeout(200);
  return r;
}

const hrefs = (r: Recorded) => r.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
const content = (r: Recorded) => r.page.evaluate(() => document.getElementById('api-content')!.textContent ?? '');

test('no link is a root-absolute path: in-page links are #/… fragments, the way back is relative', () => {
  const html = readFileSync(path.join(DOCS, 'reference.html'), 'utf8');
  const markup = html.split(/<script\b[\s\S]*?<\/script>/).join('');
  assert.deepEqual(markup.match(/href="\/[^"]*"/g) ?? [], [], 'server-rendered links that 404 from a new tab or file://');
  assert.match(markup, /href="#\/section\/signing"/);
});

for (const origin of ['http', 'file'] as const) {
  test(`from ${origin === 'http' ? 'a static host' : 'file://'}: every link of the sidebar and the pages, opened in a new tab, shows its own content`, async () => {
    const url = origin === 'http' ? `${site.base}reference.html` : `file://${DOCS}/reference.html`;
    const targets = new Set<string>();
    // From file:// every route is opened; from a static host, where hash routes behave the same, a sample of each kind.
    const routes = origin === 'file' ? ['', '#/cloudgame', '#/game', '#/diantao', '#/idle', '#/alisports'] : ['', '#/idle'];
    for (const route of routes) {
      const r = await tab(url + route);
      const links = await hrefs(r);
      const bad = links.filter((h) => h.startsWith('/') || (/^https?:/.test(h) && !h.startsWith(site.base) && h !== 'https://redocly.com/redoc/'));
      assert.deepEqual(bad, [], `${url}${route}: links that leave the page wrongly`);
      // Same-route fragments (#/x#field) scroll within a route: the route itself is what a new tab must open.
      for (const h of links) if (h.startsWith('#/')) targets.add(h.split('#').slice(0, 2).join('#'));
      assert.deepEqual(r.problems, [], `${url}${route}`);
      assert.deepEqual(external(r.requests, site.base), [], `${url}${route}`);
      await r.page.close();
    }
    assert.ok(targets.size >= (origin === 'file' ? 15 : 11), `only ${targets.size} distinct routes: ${[...targets].join(' ')}`);
    const sample = origin === 'file' ? [...targets] : ['#/', '#/section/signing', '#/idle', '#/idle/alibabaidletenderprepayaction'];
    for (const target of sample) {
      assert.ok(targets.has(target) || target === '#/', `${target} is not linked`);
      const r = await tab(url + target);
      const text = await content(r);
      assert.doesNotMatch(text, /not found|page doesn.t exist/i, `${url}${target}`);
      assert.ok(text.length > 100, `${url}${target}: empty`);
      assert.deepEqual(r.problems, [], `${url}${target}`);
      await r.page.close();
    }
  });
}

test('clicking sidebar links stays on reference.html (hash routes), over http and from file://', async () => {
  for (const url of ORIGINS()) {
    const r = await tab(url);
    await r.page.click('a[href="#/section/signing"] >> nth=0');
    await r.page.waitForURL(/reference\.html#\/section\/signing$/);
    await r.page.click('a[href="#/idle"] >> nth=0');
    await r.page.waitForURL(/reference\.html#\/idle/);
    // The tag's page: its operation is listed.
    await r.page.waitForFunction(() => (document.getElementById('api-content')?.textContent ?? '').includes('alibaba.idle.tender.pre.pay.action'));
    assert.deepEqual(r.problems, []);
    await r.page.close();
  }
});

test('a link back to the docs site that works over http and from file://', async () => {
  for (const url of ORIGINS()) {
    const r = await tab(url);
    await r.page.click('a[href="index.html"]');
    await r.page.waitForURL(/\/index\.html$/);
    assert.equal(await r.page.textContent('h1'), 'Taobao Open Platform payment APIs');
    await r.page.close();
  }
});

test('an operation shows Chinese beside English, curl and TypeScript samples; no credit line, no maintainers notes', async () => {
  const r = await tab(`${site.base}reference.html#/cloudgame/alibabacloudgametradeplatformpayorder`);
  const text = await r.page.evaluate(() => document.body.innerText);
  assert.match(text, /Initiate a payment · 支付发起/);
  assert.match(text, /The app key TOP assigned to the caller\.\s*\n\s*TOP分配给应用的AppKey/);
  assert.match(text, /TZ=UTC-8 date/, 'the curl sample is shown');
  assert.doesNotMatch(text, /API docs by/);
  assert.doesNotMatch(text, /\bseeds?\b|seed's/i);
  // The TypeScript sample is the other choice of the samples' language menu.
  const html = readFileSync(path.join(DOCS, 'reference.html'), 'utf8');
  assert.match(html, /"x-codeSamples":\[\{"lang":"Shell","label":"curl"[^\]]*\},\{"lang":"TypeScript","label":"TypeScript","source":"import \{ TopClient/);
  assert.deepEqual(external(r.requests, site.base), []);
  await r.page.close();
});

for (const width of [390, 1366]) {
  test(`reference.html at ${width} px, the introduction, a section, a tag and an operation: no serious or critical axe violation, no sideways scroll`, async () => {
    for (const route of ['', '#/section/signing', '#/idle', '#/cloudgame/alibabacloudgametradeplatformpayorder']) {
      const r = await tab(`${site.base}reference.html${route}`, width);
      const violations = serious(await axe(r.page));
      assert.deepEqual(violations, [], `${route}: ${JSON.stringify(violations, null, 1)}`);
      const [scrollWidth, innerWidth] = await r.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scrollWidth <= innerWidth, `${route}: ${scrollWidth} > ${innerWidth}`);
      await r.page.close();
    }
  });
}
