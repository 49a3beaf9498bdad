// @ts-check
// Readers' text and maintainers' notes: the one home of the rule.
//
// A `description` or `summary` (and their `x-…-zh` twins) is read by the API's
// users: in the docs site, the reference page, the JSDoc of both packages and
// the published OpenAPI document. Notes about the TOP pages the spec was written
// from (a seed's swapped columns, a placeholder example, a cut page) are for the
// spec's maintainers and live in `x-maintainer-note` beside what they are about.
// The lint rule `top/readers-text` (./redocly-plugin.js) reports reader-facing
// text that talks about the source pages; `withoutMaintainerNotes` drops the
// extension from every copy of the document a reader gets.

/** The extension that holds a note for maintainers; no reader-facing artefact prints it. */
export const MAINTAINER_NOTE_KEY = 'x-maintainer-note';

/** The reader-facing text fields the lint rule reads. */
export const READER_TEXT_KEYS = ['description', 'summary', 'x-description-zh', 'x-summary-zh'];

/**
 * Words that talk about the pages the spec was written from rather than about
 * the API. Each with what it names, for the lint message. Deliberately
 * specific: "page" alone is paging (`page_no`), "SDK" alone is a caller's SDK.
 * @type {{ pattern: RegExp, names: string }[]}
 */
export const SOURCE_TALK = [
  { pattern: /\bseed(?:s[’']|[’']s|s)?(?!\w)/i, names: 'the seed pages' },
  { pattern: /\b(?:example|description|type|name|required)\s+columns?\b|\bcolumns? (?:is|are) swapped\b/i, names: "a source page's table column" },
  { pattern: /\bplaceholder\b/i, names: 'a placeholder in the source page' },
  { pattern: /\bthe (?:table|page) (?:indents|types|says|reads|gives|shows|was cut)\b|\btable indent/i, names: "the source page's table" },
  { pattern: /\bthe page[’']s\b|\b(?:source|reference|TOP) pages?\b/i, names: 'the source page' },
  { pattern: /\b(?:the|its) Java (?:request )?example\b|\bJava example\b/i, names: "the source page's Java example" },
  { pattern: /\b(?:not|was not|were not) recovered\b/i, names: 'what the source page lost' },
];

/**
 * What a reader-facing text says about the source pages, if anything.
 * @param {unknown} text
 * @returns {{ match: string, names: string } | undefined}
 */
export function sourceTalkIn(text) {
  if (typeof text !== 'string' || text === '') return undefined;
  for (const { pattern, names } of SOURCE_TALK) {
    const found = pattern.exec(text);
    if (found) return { match: found[0], names };
  }
  return undefined;
}

/**
 * A copy of a JSON document with every `x-maintainer-note` removed, at any
 * depth. Used for every copy a reader gets (the reference page's embedded
 * document); the spec in spec/ keeps its notes.
 * @template T
 * @param {T} document
 * @returns {T}
 */
export function withoutMaintainerNotes(document) {
  const copy = structuredClone(document);
  /** @param {unknown} node */
  const visit = (node) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = /** @type {Record<string, unknown>} */ (node);
    delete record[MAINTAINER_NOTE_KEY];
    for (const value of Object.values(record)) visit(value);
  };
  visit(copy);
  return copy;
}
