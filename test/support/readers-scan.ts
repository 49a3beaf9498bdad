// Scans a folder of generated artefacts for what a reader must never see:
// the `x-maintainer-note` extension, the text of any maintainer's note, and
// words that talk about the pages the spec was written from
// (test/docs/readers-text.test.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MAINTAINER_NOTE_KEY, sourceTalkIn } from '../../generator/lint/readers-text.js';

/** Every file under a folder, relative to it. */
export function filesUnder(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(under, e.name);
    return e.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** Copies of hand-written files (the runtime, the site's scripts and stylesheet): not printed from the spec. */
export const isCopy = (rel: string) =>
  /(^|\/)runtime\//.test(rel) || /^docs\/(site\.js|tryit\.js|style\.css)$/.test(rel) || rel.endsWith('.dist-build') || rel === 'client/LICENSE' || rel === 'server/LICENSE';

/** The document Redoc embeds in reference.html, and the server-rendered markup's text. */
function referenceText(html: string): string[] {
  const line = html.split('\n').find((l) => l.includes('const __redoc_definition = '));
  assert.ok(line, 'reference.html embeds its document');
  const json = line
    .slice(line.indexOf('=') + 1)
    .trim()
    .replace(/;$/, '');
  const strings: string[] = [];
  JSON.parse(json, (key, value) => {
    strings.push(key);
    if (typeof value === 'string') strings.push(value);
    return value;
  });
  return [...strings, markupText(html)];
}

/** What a reader sees of an HTML page: its text, without scripts, styles and tags (so `placeholder="…"` attributes are not text). */
function markupText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<style\b[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/** The reader-facing texts of one generated file. */
function readerTexts(rel: string, content: string): string[] {
  if (rel === 'docs/reference.html') return referenceText(content);
  if (rel.endsWith('.html')) return [markupText(content)];
  return [content];
}

/** Every `x-maintainer-note` of a spec's bundled document. */
export function notesOf(document: unknown): string[] {
  const notes: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record[MAINTAINER_NOTE_KEY] === 'string') notes.push(record[MAINTAINER_NOTE_KEY] as string);
    Object.values(record).forEach(visit);
  };
  visit(document);
  return notes;
}

/** What leaks from a folder of generated files: `file: what` for each problem found. */
export function leaks(outDir: string, notes: string[]): string[] {
  const found: string[] = [];
  // A note is recognised by a long enough run of its words (its first 40 characters, and its last 40).
  const fragments = notes.flatMap((n) => [n.slice(0, 40), n.slice(-40)]).filter((f) => f.length >= 20);
  for (const rel of filesUnder(outDir)) {
    const content = readFileSync(path.join(outDir, rel), 'utf8');
    if (content.includes(MAINTAINER_NOTE_KEY)) found.push(`${rel}: names ${MAINTAINER_NOTE_KEY}`);
    for (const f of fragments) if (content.includes(f)) found.push(`${rel}: a maintainer's note ("${f}")`);
    if (isCopy(rel)) continue;
    for (const text of readerTexts(rel, content)) {
      const talk = sourceTalkIn(text);
      if (talk) found.push(`${rel}: talks about ${talk.names} ("${talk.match}" in …${text.slice(Math.max(0, text.indexOf(talk.match) - 60), text.indexOf(talk.match) + 60)}…)`);
    }
  }
  return found;
}
