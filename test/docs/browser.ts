// One headless Chromium per test file (Debian's package, driven by
// playwright-core), the docs served on an ephemeral port, and pages that
// record every request they make, so a test can prove "no external request".
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { docsServer } from '../../scripts/serve-docs.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const DOCS = path.join(ROOT, 'generated/docs');
export const ARTIFACTS = path.join(ROOT, '.artifacts');
export const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The machine's network is closed: without these Chromium's own background requests fail noisily.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Site {
  browser: Browser;
  context: BrowserContext;
  /** http://127.0.0.1:PORT/ of the docs server. */
  base: string;
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const server = docsServer(DOCS);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const context = await browser.newContext();
  return {
    browser,
    context,
    base,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface Recorded {
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
  /** Bytes of every answer received, by URL. */
  bytes: Map<string, number>;
}

/** A page that records what it does; reuse it with `goto` rather than opening many. */
export async function recordedPage(context: BrowserContext, width = 1366): Promise<Recorded> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const recorded: Recorded = { page, problems: [], requests: [], bytes: new Map() };
  page.on('console', (m) => m.type() === 'error' && recorded.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => recorded.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => recorded.problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => recorded.requests.push(r.url()));
  page.on('response', async (r) => {
    if (r.status() >= 400) recorded.problems.push(`HTTP ${r.status()}: ${r.url()}`);
    try {
      recorded.bytes.set(r.url(), (await r.body()).length);
    } catch {
      // a redirect or an aborted answer has no body
    }
  });
  return recorded;
}

/** Requests that leave the docs server and the file system (data: and blob: are in-page). */
export function external(requests: string[], base: string): string[] {
  return requests.filter((u) => !u.startsWith(base) && !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:') && !u.startsWith('about:'));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core from node_modules, injected as a script's text: no request leaves the page. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
}

export const serious = (violations: AxeViolation[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
