// A flame graph of a V8 CPU profile (the .cpuprofile that `node --cpu-prof`
// writes), as one self-contained SVG: no script, no dependency, opens in any
// browser. `npm run bench:profile` writes one beside each profile it takes.
//
// The classic layout (Brendan Gregg's): the root at the bottom, each frame
// above its caller, as wide as its share of all samples; siblings in name
// order, so the same profile always gives the same picture. Frames a profile
// lists apart but that show the same function (V8 keeps one node per call
// path and position) are merged. Each frame's tooltip gives its samples and
// share; frames narrower than MIN_WIDTH px are left out, as in flamegraph.pl.

/** The part of V8's .cpuprofile format read here. */
export interface CpuProfile {
  nodes: CpuProfileNode[];
}

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface FlameGraphOptions {
  title?: string;
  /** Image width in px; default 1200. */
  width?: number;
}

/** A frame after merging: its label, its own samples and its callees by label. */
interface Frame {
  label: string;
  self: number;
  total: number;
  children: Map<string, Frame>;
}

const ROW = 16;
const MIN_WIDTH = 0.1;
const FONT_PX = 11;
// An average glyph of the monospace font at FONT_PX, to cut labels to their box.
const GLYPH_PX = 6.6;
const MARGIN = 10;
const TITLE_SPACE = 44;

/** How a frame is named: function, then where it is (paths shortened to the package or project folder). */
export function frameLabel(frame: CpuProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const where = frame.url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules|generated|runtime|bench)\//, '$1/');
  return `${name} ${where}:${frame.lineNumber + 1}`;
}

/** The profile's call tree with identical callees merged; `total` counts every sample at or above a frame. */
export function mergeFrames(profile: CpuProfile): Frame {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const roots = profile.nodes.filter((n) => !childIds.has(n.id));
  const root: Frame = { label: 'all', self: 0, total: 0, children: new Map() };
  // An explicit stack, not recursion: a deep recursion in the profiled code is a deep tree here.
  const stack: [CpuProfileNode, Frame][] = [];
  for (const node of roots) {
    // V8's own root node is "(root)": it stands for the whole profile, which `all` already is.
    if (node.callFrame.functionName === '(root)' && !node.callFrame.url) {
      root.self += node.hitCount ?? 0;
      for (const id of node.children ?? []) {
        const child = byId.get(id);
        if (child) stack.push([child, root]);
      }
    } else stack.push([node, root]);
  }
  // V8 lists each node under one caller; a malformed list (a cycle, a node under
  // two callers) would loop forever or count samples twice: each node counts once.
  const seen = new Set<number>();
  while (stack.length) {
    const [node, parent] = stack.pop()!;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    const label = frameLabel(node.callFrame);
    let frame = parent.children.get(label);
    if (!frame) {
      frame = { label, self: 0, total: 0, children: new Map() };
      parent.children.set(label, frame);
    }
    frame.self += node.hitCount ?? 0;
    for (const id of node.children ?? []) {
      const child = byId.get(id);
      if (child) stack.push([child, frame]);
    }
  }
  sumTotals(root);
  return root;
}

function sumTotals(root: Frame): void {
  // Post-order without recursion: children before their parent.
  const order: Frame[] = [];
  const stack = [root];
  while (stack.length) {
    const frame = stack.pop()!;
    order.push(frame);
    for (const child of frame.children.values()) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const frame = order[i]!;
    frame.total = frame.self;
    for (const child of frame.children.values()) frame.total += child.total;
  }
}

/** One drawn frame: where it is and what it shows. */
export interface PlacedFrame {
  label: string;
  depth: number;
  x: number;
  width: number;
  samples: number;
}

/** Every frame at least MIN_WIDTH px wide, placed: x and width in px of a `width`-px graph. */
export function placeFrames(root: Frame, width: number): PlacedFrame[] {
  const placed: PlacedFrame[] = [];
  if (root.total === 0) return placed;
  const scale = width / root.total;
  const stack: [Frame, number, number][] = [[root, 0, 0]];
  while (stack.length) {
    const [frame, depth, x] = stack.pop()!;
    placed.push({ label: frame.label, depth, x, width: frame.total * scale, samples: frame.total });
    let at = x;
    const children = [...frame.children.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    for (const child of children) {
      if (child.total * scale >= MIN_WIDTH) stack.push([child, depth + 1, at]);
      at += child.total * scale;
    }
  }
  // Drawing order: by depth, then left to right (deterministic, and readable as text).
  return placed.sort((a, b) => a.depth - b.depth || a.x - b.x);
}

/**
 * Text for an XML attribute or element: markup characters as references; a
 * control character XML 1.0 cannot hold at all, not even as a reference (a
 * computed function name may have one), as U+FFFD; a lone surrogate (half of
 * a pair, which XML cannot hold either) as U+FFFD too, here, so the text is
 * well-formed whatever writes it.
 */
function escapeXml(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (c === '&' || c === '<' || c === '>' || c === '"' || c === "'") out += `&#${code};`;
    else if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) out += '\ufffd';
    else out += c;
  }
  return out;
}

/** A warm colour for JavaScript, by where it lives; grey for what V8 reports without a function (GC, idle, program). */
function colourOf(label: string): string {
  if (/^\((idle|program|garbage collector|root)\)/.test(label) || label === 'all') return 'rgb(190,190,190)';
  // A stable hue variation per label, so neighbours are told apart.
  let hash = 0;
  for (let i = 0; i < label.length; i++) hash = (hash * 31 + label.charCodeAt(i)) >>> 0;
  const vary = hash % 55;
  if (/ (runtime|generated)\//.test(label)) return `rgb(${230 - (vary >> 1)},${110 + vary},60)`; // ours: orange-red
  if (/ node_modules\//.test(label)) return `rgb(${90 + vary},${180 + (vary >> 1)},90)`; // dependencies: green
  if (/ node:/.test(label)) return `rgb(${220 + (vary >> 2)},${190 + (vary >> 1)},70)`; // Node's own JavaScript: yellow
  return `rgb(${200 + (vary >> 1)},${150 + vary},${120 + vary})`; // native and the rest
}

/** The flame graph of `profile` as an SVG document. */
export function flameGraphSvg(profile: CpuProfile, options: FlameGraphOptions = {}): string {
  const width = options.width ?? 1200;
  const inner = width - 2 * MARGIN;
  const root = mergeFrames(profile);
  const frames = placeFrames(root, inner);
  const depth = frames.reduce((max, f) => Math.max(max, f.depth), 0);
  const height = TITLE_SPACE + (depth + 1) * ROW + MARGIN;
  const title = options.title ?? 'CPU profile';
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="monospace" font-size="${FONT_PX}">`,
    `<rect width="100%" height="100%" fill="rgb(250,250,245)"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="15">${escapeXml(title)}</text>`,
    `<text x="${MARGIN}" y="${TITLE_SPACE - 8}" fill="rgb(90,90,90)">${root.total} samples; width is the share of all samples; hover a frame for its figures</text>`,
  ];
  for (const f of frames) {
    const y = height - MARGIN - (f.depth + 1) * ROW;
    const share = ((100 * f.samples) / root.total).toFixed(2);
    const chars = Math.floor((f.width - 6) / GLYPH_PX);
    // Cut by code points: a cut between the halves of a surrogate pair leaves a lone one.
    const glyphs = chars >= 3 && f.label.length > chars ? Array.from(f.label) : undefined;
    const text = chars >= 3 ? (glyphs === undefined || glyphs.length <= chars ? f.label : `${glyphs.slice(0, chars - 2).join('')}..`) : '';
    out.push(
      `<g><title>${escapeXml(`${f.label} (${f.samples} samples, ${share}%)`)}</title>` +
        `<rect x="${(MARGIN + f.x).toFixed(2)}" y="${y}" width="${f.width.toFixed(2)}" height="${ROW - 1}" rx="2" fill="${colourOf(f.label)}"/>` +
        (text ? `<text x="${(MARGIN + f.x + 3).toFixed(2)}" y="${y + ROW - 4}">${escapeXml(text)}</text>` : '') +
        `</g>`,
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}
