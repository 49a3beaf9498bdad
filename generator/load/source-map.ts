// Maps a JSON pointer into the *bundled* document back to the file, line and
// column it came from. The model reports problems by bundled pointer
// (`#/components/schemas/TenderPrePayCmd/required`); a person needs
// `spec/components/schemas/TenderPrePayCmd.yaml:5:11`. The walk follows the
// pointer through the source files with the yaml package's node ranges,
// following each `$ref` into the file (and fragment) it names, the way the
// bundler did. A component the bundler hoisted from a file (not listed in the
// entry's components) is found by its name: redocly names it after the file.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { unescapePointer } from '../json-pointer.ts';

export interface SourceLocation {
  /** Absolute path of the source file. */
  file: string;
  line: number;
  column: number;
  /** The YAML node found (the deepest one the pointer reached). */
  node: YamlNode | undefined;
  /** Whether the whole pointer was followed (false: the location is the deepest ancestor found). */
  exact: boolean;
}

interface Parsed {
  doc: Document;
  lines: LineCounter;
  text: string;
}

export function pointerSegments(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return [];
  return body.slice(1).split('/').map(unescapePointer);
}

// Parsed files by path, for the life of the process: SourceMap only reads
// them, and --watch locates problems and int64 values in the same ~40 files
// after every edit (re-read each time; parsed again only when changed).
const parsedFiles = new Map<string, Parsed>();
const MAX_KEPT = 1000;

export class SourceMap {
  readonly #files = new Map<string, Parsed | null>();
  /** Every file the bundle read (absolute), to find hoisted components by name. */
  readonly #known: string[];

  constructor(
    readonly entry: string,
    knownFiles: string[] = [],
  ) {
    this.entry = path.resolve(entry);
    this.#known = knownFiles.map((f) => path.resolve(f));
  }

  #parse(file: string): Parsed | null {
    if (!this.#files.has(file)) {
      try {
        const text = readFileSync(file, 'utf8');
        let parsed = parsedFiles.get(file);
        if (parsed?.text !== text) {
          const lines = new LineCounter();
          const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false, strict: false });
          parsed = { doc, lines, text };
          if (parsedFiles.size >= MAX_KEPT) parsedFiles.clear();
          parsedFiles.set(file, parsed);
        }
        this.#files.set(file, parsed);
      } catch {
        this.#files.set(file, null);
      }
    }
    return this.#files.get(file)!;
  }

  /** The source text of a scalar node (digits as written, before any number conversion). */
  sourceText(location: SourceLocation): string | undefined {
    const node = location.node;
    const parsed = this.#parse(location.file);
    if (!parsed || !node?.range) return undefined;
    return parsed.text.slice(node.range[0], node.range[1]);
  }

  #position(file: string, node: YamlNode | undefined): { line: number; column: number } {
    const parsed = this.#parse(file);
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = parsed ? parsed.lines.linePos(offset) : { line: 1, col: 1 };
    return { line, column: col };
  }

  /** Follows a `$ref` node into its target: another file (and fragment) or a pointer in the same file. */
  #follow(file: string, node: YamlNode | undefined, depth: number): { file: string; node: YamlNode | undefined } | undefined {
    if (!isMap(node) || depth > 32) return undefined;
    const ref = node.get('$ref');
    if (typeof ref !== 'string') return undefined;
    const [target, fragment = ''] = ref.split('#', 2) as [string, string?];
    const nextFile = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
    const parsed = this.#parse(nextFile);
    if (!parsed) return undefined;
    const found = this.#walk(nextFile, parsed.doc.contents as YamlNode | undefined, pointerSegments(`#${fragment}`), depth + 1);
    return found.exact ? { file: found.file, node: found.node } : undefined;
  }

  #walk(file: string, start: YamlNode | undefined, segments: string[], depth = 0): { file: string; node: YamlNode | undefined; exact: boolean } {
    let currentFile = file;
    let node = start;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      let next: YamlNode | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
        next = pair ? ((pair.value ?? pair.key) as YamlNode) : undefined;
      } else if (isSeq(node) && /^\d+$/.test(segment)) {
        next = node.items[Number(segment)] as YamlNode | undefined;
      }
      if (next === undefined) {
        // Not here: the node may be a $ref whose target has it.
        const followed = this.#follow(currentFile, node, depth);
        if (followed) {
          currentFile = followed.file;
          node = followed.node;
          i--;
          continue;
        }
        return { file: currentFile, node, exact: false };
      }
      node = next;
    }
    return { file: currentFile, node, exact: true };
  }

  /** Where a bundled-document pointer came from. */
  locate(pointer: string): SourceLocation {
    const segments = pointerSegments(pointer);
    const parsed = this.#parse(this.entry);
    let found = this.#walk(this.entry, parsed?.doc.contents as YamlNode | undefined, segments);
    // A component hoisted by the bundler: components/<kind>/<Name> came from a file named <Name>.yaml.
    if (!found.exact && segments[0] === 'components' && segments.length >= 3) {
      const name = segments[2]!;
      const candidates = this.#known.filter((f) => path.basename(f).replace(/\.(ya?ml|json)$/, '') === name);
      for (const candidate of candidates) {
        const source = this.#parse(candidate);
        if (!source) continue;
        const attempt = this.#walk(candidate, source.doc.contents as YamlNode | undefined, segments.slice(3));
        if (attempt.exact || !found.exact) found = attempt;
        if (attempt.exact) break;
      }
    }
    return { ...found, ...this.#position(found.file, found.node) };
  }

  /** A sequence item (e.g. one `required` name) inside the node at `pointer`, when the message names it. */
  locateItem(pointer: string, value: string): SourceLocation {
    const at = this.locate(pointer);
    if (at.exact && isSeq(at.node)) {
      const item = at.node.items.find((it) => isScalar(it) && String(it.value) === value) as YamlNode | undefined;
      if (item) return { ...at, node: item, ...this.#position(at.file, item) };
    }
    return at;
  }
}
