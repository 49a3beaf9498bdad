// The docs site in headless Chromium (Debian's package, driven by
// playwright-core): loads cleanly, links resolve, the filter works, every
// seed field is shown, nothing scrolls sideways at 390 px, basic a11y.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { docsServer } from '../../scripts/serve-docs.ts';
import { readSeeds } from '../support/seeds.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DOCS = path.join(ROOT, 'generated/docs');
const ARTIFACTS = path.join(ROOT, '.artifacts');
const seeds = readSeeds();
const API_PAGES = seeds.map((s) => `api/${s.method}.html`);
const PAGES = ['index.html', ...API_PAGES, 'reference.html'];

// Runs in the page. Kept as source text: functions passed from this file
// would carry the TypeScript loader's helpers, which the page does not have.
const A11Y_PROBE = `(() => {${readFileSync(path.join(import.meta.dirname, 'a11y-probe.browser.js'), 'utf8')}})()`;

interface A11yReport {
  lang: string;
  h1: number;
  tablesWithoutHeaders: number;
  zhWithoutCjk: number;
  untagged: string[];
  worst: number;
  inputsWithoutLabel: number;
}

let browser: Browser;
let base: string;
const server = docsServer(DOCS);
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // The machine's network is closed: without these Chromium's own background requests fail noisily.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await browser?.close();
  server.close();
});

/** Opens a page and records console errors, page errors, failed and non-local requests. */
async function open(url: string, width = 1200): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`external request: ${u}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

for (const p of PAGES) {
  test(`${p}: loads with no console error, failed or external request`, async () => {
    const { page, problems } = await open(base + p);
    await page.waitForTimeout(p === 'reference.html' ? 500 : 50);
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test('every internal link and fragment resolves', async () => {
  const checked = new Set<string>();
  for (const p of PAGES.filter((x) => x !== 'reference.html')) {
    const { page } = await open(base + p);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    await page.close();
    for (const href of hrefs) {
      if (!href.startsWith(base) || checked.has(href)) continue;
      checked.add(href);
      const [target, fragment] = href.split('#');
      const { page: t, problems } = await open(target!);
      assert.deepEqual(problems, [], href);
      if (fragment) assert.ok(await t.$(`[id="${fragment}"]`), `${href}: no element #${fragment}`);
      await t.close();
    }
  }
  assert.ok(checked.size >= 6 + 7, `only ${checked.size} links checked`);
});

test('the filter narrows the list as one types, over http and from file://', async () => {
  for (const url of [base + 'index.html', `file://${DOCS}/index.html`]) {
    const { page, problems } = await open(url);
    const visible = () => page.$$eval('#apis > li', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('code')!.textContent));
    assert.equal((await visible()).length, 5);
    await page.fill('#filter', 'param0');
    assert.deepEqual((await visible()).sort(), ['alibaba.alisports.lianbei.xpos.pay', 'alibaba.idle.tender.pre.pay.action']);
    await page.fill('#filter', '预付款');
    assert.deepEqual(await visible(), ['alibaba.idle.tender.pre.pay.action']);
    await page.fill('#filter', 'nothing matches this');
    assert.deepEqual(await visible(), []);
    assert.equal(await page.textContent('#filter-count'), '0 APIs');
    await page.fill('#filter', '');
    assert.equal((await visible()).length, 5);
    // From file:// the API pages open too.
    await page.click('text=alibaba.idle.tender.pre.pay.action');
    assert.equal(await page.textContent('h1'), 'alibaba.idle.tender.pre.pay.action');
    assert.deepEqual(problems, []);
    await page.close();
  }
});

for (const seed of seeds) {
  test(`api/${seed.method}.html shows every field name of its seed (${seed.file})`, async () => {
    assert.ok(seed.fields.length >= 5, `only ${seed.fields.length} fields read from the seed`);
    const { page } = await open(`${base}api/${seed.method}.html`);
    const names = new Set(await page.$$eval('table.fields td.name code', (cs) => cs.map((c) => c.textContent)));
    const missing = seed.fields.filter((f) => !names.has(f));
    assert.deepEqual(missing, [], `fields of ${seed.file} missing from the page`);
    await page.close();
  });
}

for (const p of PAGES) {
  test(`${p}: no sideways scrolling at 390 px`, async () => {
    const { page } = await open(base + p, 390);
    await page.waitForTimeout(p === 'reference.html' ? 500 : 0);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= innerWidth, `page is ${scrollWidth}px wide in a ${innerWidth}px window`);
    await page.close();
  });
}

test('a screenshot of an API page is written to .artifacts/', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { page } = await open(`${base}api/alibaba.cloudgame.tradeplatform.payorder.html`, 1100);
  await page.screenshot({ path: path.join(ARTIFACTS, 'api-page.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'api-page-390.png') });
  await page.close();
});

for (const p of ['index.html', ...API_PAGES]) {
  test(`${p}: accessibility basics (lang, one h1, header cells, contrast)`, async () => {
    const { page } = await open(base + p);
    const report = (await page.evaluate(A11Y_PROBE)) as A11yReport;
    assert.equal(report.lang, 'en');
    assert.equal(report.h1, 1);
    assert.equal(report.tablesWithoutHeaders, 0);
    assert.equal(report.zhWithoutCjk, 0);
    assert.deepEqual(report.untagged, [], 'Chinese prose outside a lang="zh-CN" element');
    assert.equal(report.inputsWithoutLabel, 0);
    assert.ok(report.worst >= 4.5, `lowest text contrast ${report.worst.toFixed(2)} < 4.5`);
    await page.close();
  });
}
