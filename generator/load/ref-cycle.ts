// A `$ref` that leads, through `$ref`s alone, back to itself (`tag: {$ref:
// '#/properties/tag'}`, or two files pointing at each other) makes redocly's
// resolver throw "Self-referencing circular pointer" with no place at all.
// Found here instead by walking the spec's YAML files from the entry, so the
// problem is one FILE:LINE:COL line like any other.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

interface Parsed {
  contents: Node | null;
  lines: LineCounter;
}

export interface RefCycle {
  file: string;
  line: number;
  column: number;
  /** The `$ref` as written where the cycle starts. */
  ref: string;
}

/** The first `$ref` (files from the entry, nodes depth first) whose chain of `$ref`s comes back to it; undefined when there is none. */
export function findRefCycle(entry: string): RefCycle | undefined {
  const parsed = new Map<string, Parsed | null>();
  const parse = (file: string): Parsed | null => {
    if (!parsed.has(file)) {
      try {
        const lines = new LineCounter();
        parsed.set(file, { contents: parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines }).contents as Node | null, lines });
      } catch {
        parsed.set(file, null);
      }
    }
    return parsed.get(file) ?? null;
  };
  const queue = [path.resolve(entry)];
  const queued = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i]!;
    const doc = parse(file);
    if (!doc) continue;
    for (const node of refNodes(doc.contents)) {
      const ref = refOf(node)!;
      const target = resolve(file, ref);
      if (target === undefined) continue;
      if (!queued.has(target.file)) {
        queued.add(target.file);
        queue.push(target.file);
      }
      if (cycles(file, node, parse)) {
        const at = doc.lines.linePos(node.range?.[0] ?? 0);
        return { file, line: at.line, column: at.col, ref };
      }
    }
  }
  return undefined;
}

/** Whether following `$ref`s from this node, through nodes that are `$ref`s, comes back to it (a loop it only leads into is found at a node of its own). */
function cycles(file: string, start: Node, parse: (file: string) => Parsed | null): boolean {
  const seen = new Set<Node>([start]);
  let node: Node | undefined = start;
  let at = file;
  for (let steps = 0; node !== undefined && steps < 1000; steps++) {
    const ref = refOf(node);
    if (ref === undefined) return false;
    const target = resolve(at, ref);
    const doc = target && parse(target.file);
    if (!target || !doc) return false;
    node = nodeAt(doc.contents, target.segments);
    at = target.file;
    if (node === start) return true;
    if (node === undefined || seen.has(node)) return false;
    seen.add(node);
  }
  return false;
}

/** A local `$ref`'s file and pointer segments; undefined for a URL. */
function resolve(from: string, ref: string): { file: string; segments: string[] } | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return undefined;
  const hash = ref.indexOf('#');
  const filePart = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  let segments: string[];
  try {
    segments =
      pointer === '' || pointer === '/'
        ? []
        : pointer
            .replace(/^\//, '')
            .split('/')
            .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
  return { file: filePart === '' ? from : path.resolve(path.dirname(from), decodeURIComponent(filePart)), segments };
}

function nodeAt(root: Node | null, segments: string[]): Node | undefined {
  let node: unknown = root;
  for (const segment of segments) {
    if (isMap(node)) node = node.get(segment, true);
    else if (isSeq(node)) node = node.get(Number(segment), true);
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

function refOf(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const ref = node.get('$ref', true);
  return isScalar(ref) && typeof ref.value === 'string' ? ref.value : undefined;
}

/** Every mapping with a `$ref`, depth first. */
function* refNodes(node: unknown): Generator<Node> {
  if (isMap(node)) {
    if (refOf(node) !== undefined) yield node;
    for (const pair of node.items) yield* refNodes(pair.value);
  } else if (isSeq(node)) {
    for (const item of node.items) yield* refNodes(item);
  }
}
