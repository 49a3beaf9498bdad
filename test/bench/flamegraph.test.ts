// The flame graph `npm run bench:profile` writes beside each CPU profile:
// widths are shares of the samples, identical callees merge, labels are
// escaped, and the picture depends only on the profile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CpuProfile, type CpuProfileNode, flameGraphSvg, frameLabel, mergeFrames, placeFrames } from '../../bench/flamegraph.ts';

let nextId = 1;
/** A profile node: name, own samples, children. */
function n(functionName: string, hitCount: number, children: CpuProfileNode[] = [], url = 'file:///x/runtime/server/a.js'): CpuProfileNode & { all: CpuProfileNode[] } {
  const node = { id: nextId++, callFrame: { functionName, url, lineNumber: 0 }, hitCount, children: children.map((c) => c.id) };
  const all = [node, ...children.flatMap((c) => (c as { all?: CpuProfileNode[] }).all ?? [c])];
  return Object.assign(node, { all });
}
const profileOf = (root: ReturnType<typeof n>): CpuProfile => ({ nodes: root.all });
const v8Root = (children: ReturnType<typeof n>[]) => n('(root)', 0, children, '');

test('each frame is as wide as its share of all samples, callees above callers', () => {
  const profile = profileOf(v8Root([n('a', 2, [n('b', 2)]), n('c', 4)]));
  const placed = placeFrames(mergeFrames(profile), 1000);
  const at = (label: string) => placed.find((f) => f.label.startsWith(`${label} `) || f.label === label)!;
  assert.deepEqual(
    placed.map((f) => [f.label.split(' ')[0], f.depth, f.x, f.width, f.samples]),
    [
      ['all', 0, 0, 1000, 8],
      ['a', 1, 0, 500, 4],
      ['c', 1, 500, 500, 4],
      ['b', 2, 0, 250, 2],
    ],
  );
  assert.equal(at('b').depth, at('a').depth + 1);
});

test('frames V8 lists apart but that show the same function merge into one', () => {
  // V8 keeps a node per call path and position: two `parse` callees of `handle`.
  const profile = profileOf(v8Root([n('handle', 1, [n('parse', 3), n('parse', 5)])]));
  const handle = mergeFrames(profile).children.get(frameLabel({ functionName: 'handle', url: 'file:///x/runtime/server/a.js', lineNumber: 0 }))!;
  assert.equal(handle.children.size, 1);
  assert.deepEqual(
    [...handle.children.values()].map((f) => [f.self, f.total]),
    [[8, 8]],
  );
  assert.equal(handle.total, 9);
});

test('labels name the function and its file within the package or project folder', () => {
  assert.equal(
    frameLabel({ functionName: 'parseForm', url: 'file:///home/u/app/node_modules/top-gateway/dist/runtime/server/form-parse.js', lineNumber: 21 }),
    'parseForm runtime/server/form-parse.js:22',
  );
  assert.equal(frameLabel({ functionName: '', url: 'node:internal/streams/readable', lineNumber: 9 }), '(anonymous) node:internal/streams/readable:10');
  assert.equal(frameLabel({ functionName: '(garbage collector)', url: '', lineNumber: -1 }), '(garbage collector)');
});

test('names are escaped: the SVG holds no markup from the profile', () => {
  const svg = flameGraphSvg(profileOf(v8Root([n('<lambda>&"x"', 10)])), { title: 'a <b> & c' });
  assert.ok(!svg.includes('<lambda>') && !svg.includes('<b>'));
  assert.match(svg, /&#60;lambda&#62;&#38;&#34;x&#34;/);
  // Every & starts an entity; tags balance.
  assert.doesNotMatch(svg, /&(?!#\d+;)/);
  assert.equal(svg.match(/<g>/g)?.length, svg.match(/<\/g>/g)?.length);
  assert.ok(svg.startsWith('<?xml') && svg.trimEnd().endsWith('</svg>'));
});

test('a name with control characters XML cannot hold is drawn with U+FFFD in their place', () => {
  const svg = flameGraphSvg(profileOf(v8Root([n('bad\u0001name\u001f', 10)])));
  // XML 1.0 allows no C0 control but tab, line feed and carriage return, not even as &#1;.
  const forbidden = (code: number) => code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  assert.ok(![...svg].some((c) => forbidden(c.codePointAt(0)!)), 'a raw control character');
  assert.ok(![...svg.matchAll(/&#(\d+);/g)].some((m) => forbidden(Number(m[1]))), 'a control character as a reference');
  assert.match(svg, /bad\ufffdname\ufffd/);
});

test('frames narrower than a tenth of a pixel are left out', () => {
  const profile = profileOf(v8Root([n('wide', 1_000_000), n('narrow', 1)]));
  const labels = placeFrames(mergeFrames(profile), 1000).map((f) => f.label.split(' ')[0]);
  assert.deepEqual(labels, ['all', 'wide']);
});

test('the same profile gives the same picture, whatever the order of its nodes and callees', () => {
  const profile = profileOf(v8Root([n('z', 3, [n('y', 1)]), n('a', 2), n('m', 5, [n('k', 2), n('b', 1)])]));
  // V8 lists callees in the order it first sampled them: reverse that, and the list of nodes.
  const shuffled: CpuProfile = { nodes: [...profile.nodes].reverse().map((node) => ({ ...node, children: [...(node.children ?? [])].reverse() })) };
  assert.equal(flameGraphSvg(shuffled), flameGraphSvg(profile));
});

test('a deep recursion is drawn without exhausting the stack', () => {
  // Built as a flat list (the helper above copies descendants at each level).
  const nodes: CpuProfileNode[] = [{ id: 0, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [1] }];
  for (let id = 1; id <= 20_001; id++) {
    nodes.push({ id, callFrame: { functionName: id === 20_001 ? 'leaf' : 'recurse', url: 'file:///x/a.js', lineNumber: 0 }, hitCount: id === 20_001 ? 1 : 0, children: id === 20_001 ? [] : [id + 1] });
  }
  const placed = placeFrames(mergeFrames({ nodes }), 1000);
  assert.equal(placed.length, 20_002);
  assert.equal(placed.at(-1)!.depth, 20_001);
});

test('an empty profile draws the title and nothing else', () => {
  const svg = flameGraphSvg({ nodes: [] });
  assert.match(svg, /0 samples/);
  assert.doesNotMatch(svg, /<g>/);
});
