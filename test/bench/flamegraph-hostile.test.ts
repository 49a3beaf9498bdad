// The flame graph for a profile a stranger hands in: any function name or URL
// (V8 keeps computed names as they are: control characters, lone surrogates)
// gives well-formed XML, and a malformed node list (a cycle, a node under two
// callers, a callee id that is not there) gives a picture, not a hang or a
// crash. Written by the review rv6 (2026-11-26).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CpuProfileNode, flameGraphSvg, mergeFrames } from '../../bench/flamegraph.ts';

const frame = (functionName: string, url = 'file:///x/a.js') => ({ functionName, url, lineNumber: 0 });
const v8Root = (children: number[]): CpuProfileNode => ({ id: 1, callFrame: frame('(root)', ''), children });

/** Characters outside XML 1.0's Char production (a parser refuses them, even as &#n; references). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

test('names with control characters, U+FFFE and lone surrogates give an SVG of XML characters only', () => {
  for (const name of ['a\u0000b', 'esc\u001b[31m', 'bell\u0007', 'x\uFFFEy\uFFFF', 'hi\uD800', '\uDC00lo', `${'\u{1F600}'.repeat(400)}`]) {
    const svg = flameGraphSvg({ nodes: [v8Root([2]), { id: 2, callFrame: frame(name, `file:///x/${name}.js`), hitCount: 1 }] }, { title: name });
    assert.doesNotMatch(svg, NOT_XML, JSON.stringify(name));
    assert.doesNotMatch(svg, /&#(?:[0-8]|1[124-9]|2\d|3[01]);/, 'no reference to a control character either');
  }
});

test('a label cut to its box keeps whole characters (no half of a surrogate pair)', () => {
  const svg = flameGraphSvg({ nodes: [v8Root([2]), { id: 2, callFrame: frame('\u{1F600}'.repeat(400)), hitCount: 1 }] }, { width: 301 });
  const label = /<text x="[\d.]+" y="\d+">([^<]*)<\/text><\/g>\n<\/svg>/.exec(svg)?.[1];
  assert.ok(label?.endsWith('..'), svg);
  assert.doesNotMatch(label!, NOT_XML);
  assert.doesNotMatch(label!, /\uFFFD/, 'not a half pair replaced either');
});

test('a cycle in the node list, or a node under two callers, is drawn once and ends', () => {
  const nodes: CpuProfileNode[] = [
    v8Root([2, 3]),
    { id: 2, callFrame: frame('a'), hitCount: 1, children: [2, 4] },
    { id: 3, callFrame: frame('b'), hitCount: 1, children: [4] },
    { id: 4, callFrame: frame('c'), hitCount: 2, children: [3] },
  ];
  const root = mergeFrames({ nodes });
  // Each node's samples count once: 1 + 1 + 2.
  assert.equal(root.total, 4);
  assert.match(flameGraphSvg({ nodes }), /4 samples/);
});

test("a callee id the profile does not list is left out, not a crash (the root's callees too)", () => {
  const nodes: CpuProfileNode[] = [v8Root([2, 99]), { id: 2, callFrame: frame('a'), hitCount: 3, children: [98] }];
  assert.equal(mergeFrames({ nodes }).total, 3);
});
