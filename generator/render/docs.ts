// generated/docs: a static site (Handlebars, one stylesheet, no external
// requests) and the single-page reference from `redocly build-docs`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { withoutMaintainerNotes } from '../lint/readers-text.js';
import type { ApiModel } from '../model/types.ts';
import { readRemembered } from '../write/remembered.ts';
import type { OutputFiles } from './client.ts';
import { curlScript, docsView, tsExample } from './docs-view.ts';
import { asset, render } from './templates.ts';

const REFERENCE = 'docs/reference.html';
const BLANK_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
const require = createRequire(import.meta.url);
const REDOCLY_BIN = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const REDOCLY_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(REDOCLY_BIN), '../package.json'), 'utf8')) as { version: string }).version;

// This module's own text is part of the page's key (its options and post-processing).
const OWN_TEXT = readFileSync(import.meta.filename, 'utf8');

/**
 * The page's first line, up to the hash of the page itself: a key of what
 * makes the page (redocly's version, this module's options and
 * post-processing, the spec), then (see pageMarker) the SHA-256 of the page's
 * bytes after that line.
 */
function referencePrefix(model: ApiModel, clientPackage?: string): string {
  const hash = createHash('sha256')
    .update(`${REDOCLY_VERSION}\n${OWN_TEXT}\n${clientPackage ?? ''}\n${JSON.stringify(model.document)}`)
    .digest('hex');
  return `<!-- top-payments reference: redocly ${REDOCLY_VERSION}, build key sha256 ${hash}, page sha256 `;
}
const MARKER_END = ' -->\n';
const pageMarker = (prefix: string, page: string) => `${prefix}${createHash('sha256').update(page).digest('hex')}${MARKER_END}`;

/** The first bytes of a file (enough for the marker line), or undefined when there is no file. */
function head(file: string, bytes: number): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The committed reference page, if it was built from exactly this spec and
 * recipe and is still the page that build wrote. Its marker line is read
 * first: a page built from another spec (after every --watch edit) is not
 * read whole. The page's own hash is what makes the reuse safe for --check:
 * without it, a hand edit below the marker would be taken as the expected
 * page and compare equal to itself; with it, an edited page is built again
 * and compared.
 */
export function cachedReference(model: ApiModel, outDir: string, clientPackage?: string): string | undefined {
  const existing = path.join(outDir, REFERENCE);
  const prefix = referencePrefix(model, clientPackage);
  if (head(existing, Buffer.byteLength(prefix))?.startsWith(prefix) !== true) return undefined;
  const content = readRemembered(existing);
  return content !== undefined && isIntact(content, prefix) ? content : undefined;
}

// The last page found intact (--watch asks again while the spec is unchanged; the remembered string is the same one).
let intact: string | undefined;

/** Whether a page opens with this prefix and its marker's hash is that of the rest. */
function isIntact(content: string, prefix: string): boolean {
  if (content === intact) return true;
  const end = content.indexOf('\n') + 1;
  if (end === 0 || !content.startsWith(prefix)) return false;
  const page = content.slice(end);
  if (content.slice(0, end) !== pageMarker(prefix, page)) return false;
  intact = content;
  return true;
}

/** The reference page as it stands in outDir, current or not (for --watch's first write). */
export function previousReference(outDir: string): string | undefined {
  return readRemembered(path.join(outDir, REFERENCE));
}

export const REFERENCE_FILE = REFERENCE;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The copy of the spec handed to redocly: every description shows its Chinese
 * beside the English (Redoc shows only `description`), maintainers' notes are
 * dropped, every operation carries curl and TypeScript samples (x-codeSamples,
 * in place of Redoc's URL-encoded body), and the introduction links back to the site.
 */
export function referenceDocument(model: ApiModel, clientPackage?: string): Json {
  // The page embeds this document: a reader of it gets no maintainers' notes (x-maintainer-note).
  const doc = withoutMaintainerNotes(model.document) as Json;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    for (const [key, zhKey] of [
      ['description', 'x-description-zh'],
      ['summary', 'x-summary-zh'],
    ] as const) {
      const en = typeof node[key] === 'string' ? (node[key] as string) : undefined;
      const zh = typeof node[zhKey] === 'string' ? (node[zhKey] as string) : undefined;
      if (en === undefined && zh === undefined) continue;
      const both = zh && zh !== en ? (en ? (key === 'summary' ? `${en} · ${zh}` : `${en}\n\n${zh}`) : zh) : (en ?? '');
      node[key] = both;
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(doc);
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  for (const op of model.operations) {
    const item = paths[op.pathKey];
    const operation = item && Object.values(item).find((o) => isObject(o) && o.operationId === op.operationId);
    if (!isObject(operation)) continue;
    operation['x-codeSamples'] = [
      { lang: 'Shell', label: 'curl', source: curlScript(op) },
      { lang: 'TypeScript', label: 'TypeScript', source: tsExample(op, clientPackage) },
    ];
  }
  const info = (doc.info ?? {}) as Json;
  info.description = `[← Back to the docs site](index.html): every API on its own page, search, and a Try-it form.\n\n${String(info.description ?? '')}`;
  doc.info = info;
  return doc;
}

/**
 * Hides the credit line (its logo would load from Redocly's CDN, so offline it
 * read "API docs by" and a blank), and darkens the light theme's palette where
 * axe measured text below 4.5:1 (code tokens, muted text, the verb badge).
 */
const REFERENCE_CSS = [
  'a[href="https://redocly.com/redoc/"]{display:none!important}',
  'html:not(.dark){--color-blue-5:#2359bd;--color-blue-6:#1a5fd0;--color-blue-7:#2359bd;--color-carrot-5:#a35300;--color-carrot-7:#a35300;--color-green-5:#0b7139;--color-green-7:#0b7139;' +
    '--color-warm-grey-5:#656673;--color-warm-grey-7:#656673;--color-brand-4:#656673;--color-brand-5:#656673;--color-brand-10:#656673}',
  'html:not(.dark) .tag-post{--tag-color:#1447b5}',
].join('\n');

/**
 * Redoc's media-type menu is labelled "Response media type" while it shows
 * "application/json", and its examples menu "Example" while it shows the
 * example's summary ("A successful answer"): a screen-reader user would not
 * hear what they see (axe label-content-name-mismatch). The label is
 * completed with the text.
 */
const REFERENCE_SCRIPT = `<script>new MutationObserver(function(){document.querySelectorAll('button[aria-label$="media type"],button[aria-label="Example"],button[aria-label^="Example: "]').forEach(function(b){var t=(b.textContent||'').trim();var l=b.getAttribute('aria-label');if(t&&l.indexOf(t)===-1)b.setAttribute('aria-label',l.split(':')[0]+': '+t)})}).observe(document.documentElement,{subtree:true,childList:true,characterData:true});</script>`;

/**
 * Redoc 3 renders its links as paths (`/section/signing`), which 404 on a
 * static host, in a new tab and from file://. Its default router is the hash
 * router, so the same links written `#/section/signing` work everywhere.
 * Only the server-rendered markup is rewritten, never the script.
 */
export function staticLinks(html: string): string {
  if (!html.includes('<div id="redoc"')) throw new Error('redocly build-docs output has no <div id="redoc">: cannot make its links static');
  // Markup between the scripts; each <script>…</script> is kept byte for byte.
  return html
    .split(/(<script\b[\s\S]*?<\/script>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/href="\/(?!\/)/g, 'href="#/')))
    .join('');
}

/**
 * The reference page: `redocly build-docs --inlineBundle` (self-contained, no
 * CDN), ~0.7 s in a child process, started early so that it runs while the
 * rest renders. Its first line records a key of what it was built from and
 * the hash of the page below it, so an unchanged spec reuses the committed
 * page (while it is the page that was built) instead of building it again.
 */
export async function buildReference(model: ApiModel, outDir: string, clientPackage?: string, options: { cacheChecked?: boolean } = {}): Promise<string> {
  const cached = options.cacheChecked ? undefined : cachedReference(model, outDir, clientPackage);
  if (cached !== undefined) return cached;
  const prefix = referencePrefix(model, clientPackage);
  const document = JSON.stringify(referenceDocument(model, clientPackage));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-reference-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'reference.html');
    // The bundled document, so the page shows exactly what the generator read,
    // dressed for readers: both languages, code samples, no maintainers' notes.
    writeFileSync(input, document);
    const child = spawn(process.execPath, [REDOCLY_BIN, 'build-docs', input, '-o', output, '--inlineBundle', '--title', `${model.title} — OpenAPI reference`, '--lint-config', 'off'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    let log = '';
    child.stdout.on('data', (c) => (log += c));
    child.stderr.on('data', (c) => (log += c));
    const status = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (status !== 0 || !existsSync(output)) throw new Error(`redocly build-docs failed: ${log}`);
    // Redoc's sidebar logo is fetched from Redocly's CDN: the page must work offline.
    // No favicon request either (the page would log a 404 on any static host without one).
    const offline = readFileSync(output, 'utf8')
      .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g, BLANK_SVG)
      .replace('<head>', `<head>\n<link rel="icon" href="data:,">\n<style>${REFERENCE_CSS}</style>\n${REFERENCE_SCRIPT}`);
    const page = staticLinks(offline);
    return pageMarker(prefix, page) + page;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderDocs(model: ApiModel, reference: string, clientPackage?: string): OutputFiles {
  const view = docsView(model, clientPackage);
  const files: OutputFiles = new Map();
  // The navigation column lists every API, but from search-index.js: a page
  // holds only its own entry, so adding an API leaves the other pages byte-identical.
  const nav = view.operations.map((o) => ({ method: o.method, href: o.href, sections: o.sections.map(({ id, label }) => ({ id, label })) }));
  files.set('docs/index.html', render('docs/index.html.hbs', { ...view, current: undefined, pageTitle: `${view.title}`, root: '' }));
  files.set('docs/shared.html', render('docs/shared.html.hbs', { ...view, current: undefined, pageTitle: `System parameters and platform errors — ${view.title}`, root: '' }));
  for (const op of view.operations) {
    files.set(`docs/${op.href}`, render('docs/api.html.hbs', { ...view, current: op, op, pageTitle: `${op.method} — ${op.summaryEn}`, root: '../' }));
  }
  files.set('docs/style.css', asset('docs/style.css'));
  files.set('docs/site.js', asset('docs/site.js'));
  files.set('docs/tryit.js', asset('docs/tryit.js'));
  // A script, not JSON: fetch() of a local file is refused from file://, a <script> is not.
  files.set('docs/search-index.js', `// Generated from the spec: what the search box matches.\nwindow.TOP_SEARCH = ${JSON.stringify(view.search)};\nwindow.TOP_NAV = ${JSON.stringify(nav)};\n`);
  files.set(REFERENCE, reference);
  return files;
}
