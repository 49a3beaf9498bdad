import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { formatTimestamp, parseTimestamp } from '../../../runtime/common/timestamp.ts';

const cases: { given: string; want: string }[] = [
  { given: '2026-11-24T04:00:00Z', want: '2026-11-24 12:00:00' },
  { given: '2026-11-24T16:30:05Z', want: '2026-11-25 00:30:05' }, // crosses midnight in GMT+8
  { given: '2024-02-28T16:00:00Z', want: '2024-02-29 00:00:00' }, // leap day
  { given: '2026-12-31T16:00:00.999Z', want: '2027-01-01 00:00:00' }, // new year, milliseconds dropped
  { given: '1970-01-01T00:00:00Z', want: '1970-01-01 08:00:00' },
];
for (const c of cases) {
  test(`formatTimestamp ${c.given} → ${c.want}`, () => {
    assert.equal(formatTimestamp(new Date(c.given)), c.want);
    assert.equal(parseTimestamp(c.want), Math.floor(Date.parse(c.given) / 1000) * 1000);
  });
}

test('the same instant gives the same timestamp under TZ=UTC and TZ=America/Los_Angeles', () => {
  const script = `import('${new URL('../../../runtime/common/timestamp.ts', import.meta.url).href}').then(m => process.stdout.write(m.formatTimestamp(Date.parse('2026-07-01T20:15:30Z')) + '|' + new Date(0).getTimezoneOffset()))`;
  const run = (tz: string) => execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
  const [utc, utcOffset] = run('UTC').split('|');
  const [la, laOffset] = run('America/Los_Angeles').split('|');
  assert.notEqual(utcOffset, laOffset, 'the two processes really ran in different time zones');
  assert.equal(utc, '2026-07-02 04:15:30');
  assert.equal(la, utc);
});

for (const bad of ['2026-11-24T12:00:00', '2026-11-24 12:00', '2026-02-30 12:00:00', '2026-11-24 24:00:00', '', ' 2026-11-24 12:00:00', '２０２６-11-24 12:00:00']) {
  test(`parseTimestamp rejects ${JSON.stringify(bad)}`, () => assert.equal(parseTimestamp(bad), undefined));
}

test('formatTimestamp refuses an invalid date', () => {
  assert.throws(() => formatTimestamp(new Date('nope')), /not a valid instant/);
});

test('parseTimestamp keeps only the last text it read: alternating good and bad texts each get their own answer', () => {
  const good = '2026-11-24 12:00:00';
  const bad = '2026-02-30 12:00:00';
  const want = Date.parse('2026-11-24T04:00:00Z');
  for (const text of [good, good, bad, bad, good, bad, '2026-11-24 12:00:01', good]) {
    assert.equal(parseTimestamp(text), text === good ? want : text === bad ? undefined : want + 1000, text);
  }
});
