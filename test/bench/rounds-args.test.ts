// bench:rounds refuses a bad argument by name, with exit code 2, before it
// starts any server: a name is a server of bench/servers/, never a path, and
// the shared parts there (app.ts, common.ts) are not servers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runScript } from '../support/processes.ts';

const rounds = (...args: string[]) => runScript('bench/rounds.ts', args);

for (const [args, want] of [
  [[], /name two or more servers/],
  [['gateway'], /name two or more different servers; got gateway/],
  [['gateway,gateway'], /name two or more different servers; got gateway,gateway/],
  [['gateway,../servers/bare'], /no server \.\.\/servers\/bare in bench\/servers\//],
  [['gateway,nope'], /no server nope in bench\/servers\//],
  [['gateway,common'], /bench\/servers\/common\.ts is not a server/],
  [['app,bare'], /bench\/servers\/app\.ts is not a server/],
  [['gateway,bare', 'abc'], /ROUNDS must be a whole number from 1; got abc/],
  [['gateway,bare', '3', '0'], /SECONDS must be a whole number from 1; got 0/],
  [['gateway,bare', '3', '2', 'extra'], /unexpected extra/],
] as const) {
  test(`bench:rounds ${args.join(' ') || '(nothing)'} is refused: ${want.source}`, async () => {
    const r = await rounds(...args);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, want);
    assert.doesNotMatch(r.out, /round 1|req\/s/);
  });
}
