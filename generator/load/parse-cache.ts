// The spec's files, parsed once per content for the life of the process:
// --watch re-lints and re-bundles the whole spec after every edit, and an
// edit changes one file of ~40. Each run still reads every file (a changed
// one is parsed again, by redocly's own parser); an unchanged one reuses the
// redocly Source it had (its line index and YAML AST, built once for problem
// locations) and a copy of its parsed value: the bundler rewrites the
// documents it is handed in place, so nobody gets the kept original.
import { readFileSync, statSync } from 'node:fs';
import { BaseResolver, isAbsoluteUrl, Source } from '@redocly/openapi-core';

type Parsed = ReturnType<BaseResolver['parseDocument']>;

interface Kept {
  source: Source;
  isRoot: boolean;
  /** Never handed out: each run gets its own copy. */
  parsed: unknown;
}

const kept = new Map<string, Kept>();
/**
 * Off for a one-shot run, which would only pay for the copies (~1-3 ms, the
 * first structuredClone of a process more); --watch turns it on.
 */
let keeping = false;

/** From now on, parsed files are kept for the next run (--watch). */
export function keepParsedFiles(): void {
  keeping = true;
}

export class CachingResolver extends BaseResolver {
  readonly #used = new Set<string>();
  /** What this run read of each local file. */
  readonly #texts = new Map<string, string>();

  /** A file's text as this run read it (\r\n made \n), if it did. */
  textOf(file: string): string | undefined {
    return this.#texts.get(file);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    // A local file is read at once (as redocly reads it, \r\n made \n); anything else, and every error, the way redocly does it.
    let body: string;
    try {
      if (isAbsoluteUrl(absoluteRef) || statSync(absoluteRef).isDirectory()) return super.loadExternalRef(absoluteRef);
      body = readFileSync(absoluteRef, 'utf8').replace(/\r\n/g, '\n');
    } catch {
      return super.loadExternalRef(absoluteRef);
    }
    this.#texts.set(absoluteRef, body);
    const known = kept.get(absoluteRef);
    return known?.source.body === body ? known.source : new Source(absoluteRef, body);
  }

  override parseDocument(source: Source, isRoot = false): Parsed {
    this.#used.add(source.absoluteRef);
    const known = kept.get(source.absoluteRef);
    if (known?.source === source && known.isRoot === isRoot) return { source, parsed: structuredClone(known.parsed) };
    const document = super.parseDocument(source, isRoot); // a YAML error throws, every time, as before
    if (keeping) kept.set(source.absoluteRef, { source, isRoot, parsed: structuredClone(document.parsed) });
    return document;
  }

  /** After a run: forgets the files it did not read (deleted, or no longer referenced). */
  forgetUnused(): void {
    for (const file of kept.keys()) if (!this.#used.has(file)) kept.delete(file);
  }
}
