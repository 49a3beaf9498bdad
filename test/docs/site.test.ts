// The docs site in headless Chromium: every page at 390 and 1366 px (nothing
// wider than the viewport, tables stacked on phones), axe-core with no serious
// or critical violation, keyboard reach, navigation, search, link icons, copy
// buttons, dark mode, no external request, page weight, and screenshots.

import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { readSeeds } from '../support/seeds.ts';
import { ARTIFACTS, axe, DOCS, external, type Recorded, recordedPage, type Site, serious, startSite } from './browser.ts';

const seeds = readSeeds();
const API_PAGES = seeds.map((s) => `api/${s.method}.html`);
const PAGES = ['index.html', 'shared.html', ...API_PAGES];
const PAYORDER = 'api/alibaba.cloudgame.tradeplatform.payorder.html';

let site: Site;
let phone: Recorded;
let laptop: Recorded;
before(async () => {
  site = await startSite();
  phone = await recordedPage(site.context, 390);
  laptop = await recordedPage(site.context, 1366);
});
after(async () => {
  await site?.close();
});

async function visit(r: Recorded, url: string): Promise<void> {
  r.problems.length = 0;
  r.requests.length = 0;
  r.bytes.clear();
  await r.page.goto(url, { waitUntil: 'load' });
}

// Runs in the page: elements sticking out of the viewport (hidden ones aside).
const OVERFLOW = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, [hidden], thead')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
  }
  const descs = [...document.querySelectorAll('td.desc')].filter((d) => { const r = d.getBoundingClientRect(); return r.left < 0 || r.right > width + 1 || r.width < 150; }).length;
  return { scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10), descs, descCount: document.querySelectorAll('td.desc').length };
})()`;

for (const width of [390, 1366]) {
  for (const p of PAGES) {
    test(`${p} at ${width} px: no sideways scroll, no element wider than the viewport, descriptions on screen, no serious axe violation`, async () => {
      const r = width === 390 ? phone : laptop;
      await visit(r, site.base + p);
      const layout = (await r.page.evaluate(OVERFLOW)) as { scrollWidth: number; width: number; out: string[]; descs: number; descCount: number };
      assert.ok(layout.scrollWidth <= layout.width, `page is ${layout.scrollWidth}px wide in ${layout.width}px`);
      assert.deepEqual(layout.out, [], 'elements outside the viewport');
      assert.equal(layout.descs, 0, `${layout.descs} of ${layout.descCount} description boxes are off screen or squeezed below 150 px`);
      if (width === 390 && p.startsWith('api/')) {
        // Stacked rows: each field is a card, its cells one under another.
        assert.equal(await r.page.$eval('table.fields tbody tr', (tr) => getComputedStyle(tr).display), 'block');
      }
      const violations = serious(await axe(r.page));
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
      assert.deepEqual(r.problems, []);
      assert.deepEqual(external(r.requests, site.base), []);
    });
  }
}

test('axe in dark mode (system dark) on an API page and the shared page: no serious violation', async () => {
  const page = await site.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const p of [PAYORDER, 'shared.html', 'index.html']) {
    await page.goto(site.base + p);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(18, 20, 23)', 'the page follows the system dark mode');
    const violations = serious(await axe(page));
    assert.deepEqual(violations, [], `${p}: ${JSON.stringify(violations, null, 1)}`);
  }
  await page.close();
});

test('every page loads under 200 KB, HTML, CSS and scripts together, with no external request', async () => {
  for (const p of PAGES) {
    await visit(laptop, site.base + p);
    await laptop.page.waitForLoadState('networkidle');
    const total = [...laptop.bytes.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 10_000 && total < 200 * 1024, `${p}: ${total} bytes`);
    assert.deepEqual(external(laptop.requests, site.base), [], p);
    assert.deepEqual(laptop.problems, [], p);
  }
});

test('every internal link and fragment resolves', async () => {
  const checked = new Set<string>();
  const hrefs = new Set<string>();
  for (const p of PAGES) {
    await visit(laptop, site.base + p);
    for (const h of await laptop.page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href))) hrefs.add(h);
  }
  const fragments = new Map<string, string[]>();
  for (const href of hrefs) {
    if (!href.startsWith(site.base)) continue;
    const [target, fragment] = href.split('#') as [string, string | undefined];
    if (!fragments.has(target)) fragments.set(target, []);
    if (fragment) fragments.get(target)!.push(decodeURIComponent(fragment));
  }
  for (const [target, ids] of fragments) {
    if (target.endsWith('reference.html')) continue; // reference.test.ts follows its links
    await visit(laptop, target);
    assert.deepEqual(laptop.problems, [], target);
    const missing = await laptop.page.evaluate((list) => list.filter((id) => !document.getElementById(id)), ids);
    assert.deepEqual(missing, [], `${target}: no element for these fragments`);
    checked.add(target);
  }
  assert.ok(checked.size >= PAGES.length, `only ${checked.size} pages checked`);
});

test('the navigation column lists every API and its sections; on a phone it is collapsed until Menu opens it', async () => {
  await visit(laptop, site.base + PAYORDER);
  const nav = laptop.page.locator('#sidenav');
  assert.ok(await nav.isVisible(), 'visible beside the page at 1366 px');
  const apis = await nav.locator('li.api > a code').allTextContents();
  assert.deepEqual(apis.sort(), seeds.map((s) => s.method).sort());
  for (const seed of seeds) {
    for (const section of ['request', 'response', 'errors', 'typescript', 'curl', 'try']) {
      assert.equal(await nav.locator(`a[href$="api/${seed.method}.html#${section}"]`).count(), 1, `${seed.method} #${section}`);
    }
  }
  assert.equal(await nav.locator('a[aria-current="page"]').textContent(), 'alibaba.cloudgame.tradeplatform.payorder');

  await visit(phone, site.base + PAYORDER);
  assert.equal(await phone.page.locator('#sidenav').isVisible(), false, 'collapsed on a phone');
  await phone.page.click('#menu-button');
  assert.equal(await phone.page.getAttribute('#menu-button', 'aria-expanded'), 'true');
  assert.ok(await phone.page.locator('#sidenav').isVisible());
  await phone.page.click('#sidenav a[href$="taobao.game.virtual.order.create.html#response"]');
  await phone.page.waitForURL(/taobao\.game\.virtual\.order\.create\.html#response$/);
});

test('search finds APIs, fields and descriptions in both languages, over http and from file://', async () => {
  for (const url of [`${site.base}index.html`, `file://${DOCS}/${PAYORDER}`]) {
    await visit(laptop, url);
    const results = async (q: string) => {
      await laptop.page.fill('#search', q);
      return laptop.page.$$eval('#search-results a', (as) => as.map((a) => `${a.getAttribute('data-kind')} ${a.querySelector('code')!.textContent}`));
    };
    const tenant = await results('tenant_id');
    assert.ok(tenant.includes('request request_param.tenant_id'), tenant.join(', '));
    assert.ok(tenant.length >= 1 && tenant[0]!.startsWith('request'), 'the field ranks first');
    assert.ok(tenant.includes('api alibaba.cloudgame.tradeplatform.payorder'), `tenant_id finds its API too: ${tenant.join(', ')}`);
    // Its API is found by name and by its Chinese summary.
    assert.ok((await results('payorder')).includes('api alibaba.cloudgame.tradeplatform.payorder'));
    assert.ok((await results('预付款')).includes('api alibaba.idle.tender.pre.pay.action'));
    // A field by its Chinese description, and by its English one.
    assert.ok(
      (await results('租户')).some((x) => x.endsWith('tenant_id')),
      'Chinese description of tenant_id',
    );
    assert.deepEqual(await results('no such thing anywhere'), []);
    assert.equal(await laptop.page.textContent('#search-status'), '0 results');
    // Following a field result lands on its row.
    await results('tenant_id');
    await laptop.page.click('#search-results a[data-kind="request"]');
    await laptop.page.waitForURL(/payorder\.html#req-request_param\.tenant_id$/);
    assert.ok(await laptop.page.locator('[id="req-request_param.tenant_id"]').isVisible());
    assert.deepEqual(laptop.problems, []);
  }
});

test('the index filter narrows the list by API name, Chinese summary and field name', async () => {
  await visit(laptop, `${site.base}index.html`);
  const visible = () => laptop.page.$$eval('#apis > li', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('code')!.textContent));
  assert.equal((await visible()).length, 5);
  await laptop.page.fill('#filter', '预付款');
  assert.deepEqual(await visible(), ['alibaba.idle.tender.pre.pay.action']);
  await laptop.page.fill('#filter', 'tenant_id');
  assert.deepEqual(await visible(), ['alibaba.cloudgame.tradeplatform.payorder']);
  await laptop.page.fill('#filter', 'nothing matches this');
  assert.equal(await laptop.page.textContent('#filter-count'), '0 APIs');
});

for (const seed of seeds) {
  test(`api/${seed.method}.html: every seed field, each with a link icon to its own row; every heading has one too`, async () => {
    assert.ok(seed.fields.length >= 5, `only ${seed.fields.length} fields read from the seed`);
    await visit(laptop, `${site.base}api/${seed.method}.html`);
    const rows = await laptop.page.$$eval('table.fields tbody tr', (trs) =>
      trs.map((tr) => ({ id: tr.id, name: tr.querySelector('th.name code')!.textContent!.split('.').pop()!.replace('[]', ''), anchor: tr.querySelector('a.anchor')?.getAttribute('href') })),
    );
    const names = new Set(rows.map((r) => r.name));
    assert.deepEqual(
      seed.fields.filter((f) => !names.has(f)),
      [],
      `fields of ${seed.file} missing from the page`,
    );
    for (const r of rows) assert.equal(r.anchor, `#${r.id}`, `row ${r.id}`);
    const headings = await laptop.page.$$eval('main h2, main h3', (hs) => hs.map((h) => ({ id: h.id, anchor: h.querySelector('a.anchor')?.getAttribute('href') })));
    assert.ok(headings.length >= 8);
    for (const h of headings) assert.equal(h.anchor, `#${h.id}`, `heading ${h.id}`);
    // The shared tables live on their own page, linked from here.
    assert.ok(await laptop.page.locator('a[href="../shared.html#system"]').count());
    assert.ok(await laptop.page.locator('a[href="../shared.html#errors"]').count());
    assert.equal(await laptop.page.locator('table.codes').count(), 0, 'the error table is not repeated here');
  });
}

test('index and shared pages: every heading has a link icon to itself', async () => {
  for (const p of ['index.html', 'shared.html']) {
    await visit(laptop, site.base + p);
    const headings = await laptop.page.$$eval('main h2, main h3', (hs) => hs.map((h) => ({ id: h.id, anchor: h.querySelector('a.anchor')?.getAttribute('href') })));
    assert.ok(headings.length >= 3, p);
    for (const h of headings) assert.equal(h.anchor, `#${h.id}`, `${p}: heading ${h.id}`);
  }
});

test('shared.html: the system parameters and every platform error with whether to retry', async () => {
  await visit(laptop, `${site.base}shared.html`);
  const system = await laptop.page.$$eval('table.system tbody th code', (cs) => cs.map((c) => c.textContent));
  for (const name of ['method', 'app_key', 'session', 'timestamp', 'v', 'sign_method', 'sign', 'format']) assert.ok(system.includes(name), name);
  const codes = await laptop.page.$$eval('table.codes tbody tr', (trs) =>
    Object.fromEntries(trs.map((tr) => [tr.querySelector('th code')!.textContent, tr.querySelector('td:last-child')!.textContent])),
  );
  assert.equal(Object.keys(codes).length, 27);
  assert.match(codes['25']!, /^No/);
  assert.match(codes['7']!, /^Yes/);
  assert.match(codes['15']!, /isp\./);
  assert.match(codes['50']!, /never for isv/);
});

test('copy buttons: one on every code block, and it copies the block', async () => {
  await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.base.slice(0, -1) });
  for (const p of PAGES) {
    await visit(laptop, site.base + p);
    const bare = await laptop.page.$$eval('pre', (ps) => ps.filter((pre) => !pre.parentElement!.querySelector(':scope > button.copy')).length);
    assert.equal(bare, 0, `${p}: code blocks without a copy button`);
  }
  await visit(laptop, site.base + PAYORDER);
  const block = laptop.page.locator('#curl ~ .code').first();
  await block.locator('button.copy').click();
  // The label changes once the clipboard write (a promise) settles: wait for it, not a fixed moment.
  await block.locator('button.copy', { hasText: 'Copied' }).waitFor({ timeout: 10_000 });
  assert.equal(await laptop.page.evaluate(() => navigator.clipboard.readText()), await block.locator('pre').textContent());
});

test('dark mode follows the system and the toggle overrides it, remembered across pages', async () => {
  const page = await site.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${site.base}index.html`);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await background(), 'rgb(18, 20, 23)');
  assert.equal(await page.getAttribute('#theme-button', 'aria-pressed'), 'true');
  await page.click('#theme-button');
  assert.equal(await background(), 'rgb(255, 255, 255)');
  assert.equal(await page.getAttribute('#theme-button', 'aria-pressed'), 'false');
  await page.goto(site.base + PAYORDER);
  assert.equal(await background(), 'rgb(255, 255, 255)', 'the choice is remembered');
  await page.click('#theme-button');
  assert.equal(await background(), 'rgb(18, 20, 23)');
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('keyboard only: Tab reaches every visible control of an API page, in order, each with a visible focus', async () => {
  for (const r of [laptop, phone]) {
    await visit(r, site.base + PAYORDER);
    const controls = await r.page.$$eval('a[href], button, input, select, textarea', (els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null && !e.closest('[hidden]') && getComputedStyle(e).visibility !== 'hidden')
        .map((e, i) => {
          e.setAttribute('data-k', String(i));
          return String(i);
        }),
    );
    const reached = new Set<string>();
    for (let i = 0; i < controls.length + 5; i++) {
      await r.page.keyboard.press('Tab');
      const k = await r.page.evaluate(() => document.activeElement?.getAttribute('data-k') ?? '');
      if (k) reached.add(k);
    }
    const missed = controls.filter((k) => !reached.has(k));
    assert.deepEqual(missed, [], `${missed.length} of ${controls.length} controls never get focus`);
  }
});

test('readers words only: no maintainers notes about the source pages on any page', () => {
  for (const p of PAGES) {
    const html = readFileSync(path.join(DOCS, p), 'utf8');
    const notes = html.match(/[^.>]*\b(seeds?|seed's|example column|description column)\b[^.<]*/gi) ?? [];
    assert.deepEqual(notes, [], p);
  }
  const index = readFileSync(path.join(DOCS, 'search-index.js'), 'utf8');
  assert.doesNotMatch(index, /\bseeds?\b|seed's/i);
});

test('screenshots of an API page at 390 and 1366 px, light and dark, in .artifacts/', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const page = await site.context.newPage();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(site.base + PAYORDER);
      // The screenshot shows what the test asked for: the scheme took effect and the page is as wide as the viewport.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${scheme} ${width}px: page wider than the viewport`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
      assert.equal(r + g + b > 384, scheme === 'light', `${scheme} ${width}px: body background ${background} does not match the colour scheme`);
      const shot = await page.screenshot({ path: path.join(ARTIFACTS, `api-page-${width}-${scheme}.png`) });
      assert.ok(shot.length > 1000 && shot.subarray(1, 4).toString() === 'PNG', 'a PNG was written');
      // The field table, where phones differ most.
      await page.goto(`${site.base}${PAYORDER}#request`);
      await page.screenshot({ path: path.join(ARTIFACTS, `api-page-${width}-${scheme}-fields.png`) });
    }
  }
  await page.close();
});
