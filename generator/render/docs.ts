// generated/docs: a static site (Handlebars, one stylesheet, no external
// requests) and the single-page reference from `redocly build-docs`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { ApiModel } from '../model/types.ts';
import { docsView } from './docs-view.ts';
import { asset, render } from './templates.ts';
import type { OutputFiles } from './client.ts';

const REFERENCE = 'docs/reference.html';
const BLANK_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";
const require = createRequire(import.meta.url);
const REDOCLY_BIN = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
const REDOCLY_VERSION = (JSON.parse(readFileSync(path.join(path.dirname(REDOCLY_BIN), '../package.json'), 'utf8')) as { version: string }).version;

function referenceMarker(model: ApiModel): string {
  // Keyed by what makes the page: redocly's version, this module (its options and post-processing) and the spec.
  const hash = createHash('sha256').update(`${REDOCLY_VERSION}\n${readFileSync(import.meta.filename, 'utf8')}\n${JSON.stringify(model.document)}`).digest('hex');
  return `<!-- top-payments reference: redocly ${REDOCLY_VERSION}, build key sha256 ${hash} -->\n`;
}

/** The committed reference page, if it was built from exactly this spec and recipe. */
export function cachedReference(model: ApiModel, outDir: string): string | undefined {
  const existing = path.join(outDir, REFERENCE);
  if (!existsSync(existing)) return undefined;
  const content = readFileSync(existing, 'utf8');
  return content.startsWith(referenceMarker(model)) ? content : undefined;
}

/** The reference page as it stands in outDir, current or not (for --watch's first write). */
export function previousReference(outDir: string): string | undefined {
  const existing = path.join(outDir, REFERENCE);
  return existsSync(existing) ? readFileSync(existing, 'utf8') : undefined;
}

export const REFERENCE_FILE = REFERENCE;

/**
 * The reference page: `redocly build-docs --inlineBundle` (self-contained, no
 * CDN), ~0.7 s in a child process, started early so that it runs while the
 * rest renders. Its first line records a key of what it was built from, so an
 * unchanged spec reuses the committed page instead of building it again.
 */
export async function buildReference(model: ApiModel, outDir: string): Promise<string> {
  const cached = cachedReference(model, outDir);
  if (cached !== undefined) return cached;
  const marker = referenceMarker(model);
  const document = JSON.stringify(model.document);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-reference-'));
  try {
    const input = path.join(dir, 'openapi.json');
    const output = path.join(dir, 'reference.html');
    // The bundled document, so the page shows exactly what the generator read.
    writeFileSync(input, document);
    const child = spawn(process.execPath, [REDOCLY_BIN, 'build-docs', input, '-o', output, '--inlineBundle', '--title', `${model.title} — OpenAPI reference`, '--lint-config', 'off'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } });
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
      .replace('<head>', '<head>\n<link rel="icon" href="data:,">');
    return marker + offline;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderDocs(model: ApiModel, reference: string, clientPackage?: string): OutputFiles {
  const view = docsView(model, clientPackage);
  const files: OutputFiles = new Map();
  files.set('docs/index.html', render('docs/index.html.hbs', { ...view, pageTitle: `${view.title}`, root: '' }));
  for (const op of view.operations) {
    files.set(`docs/${op.href}`, render('docs/api.html.hbs', { ...view, op, pageTitle: `${op.method} — ${op.summaryEn}`, root: '../' }));
  }
  files.set('docs/style.css', asset('docs/style.css'));
  files.set('docs/site.js', asset('docs/site.js'));
  files.set(REFERENCE, reference);
  return files;
}
