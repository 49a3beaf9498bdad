// The idempotency engine against a store that fails or stalls at every step
// (claim, renew, complete, release, get), and a randomized schedule test of
// duplicates, delays and faults across several "processes" (engines sharing
// one store). The invariant: a handler runs at most once per key (a run that
// threw NothingChangedError does not count), and every caller gets the first
// outcome or a retryable isp. answer, never another answer and never a hang.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EngineOptions, GatewayError, IdempotencyEngine, MemoryIdempotencyStore, NothingChangedError, type Outcome } from '../../generated/server/src/index.ts';
import { type Fault, FaultyStore, prng, type Step } from '../support/faulty-store.ts';

const LABEL = { path: 'request_param.pay_idempotent_code', value: 'k' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function engine(store: FaultyStore, options: Partial<EngineOptions> = {}) {
  const storeErrors: Step[] = [];
  const e = new IdempotencyEngine({
    store,
    ttlMs: 60_000,
    leaseMs: 60_000,
    waitMs: 200,
    handlerTimeoutMs: 500,
    storeTimeoutMs: 50,
    onStoreError: (_e, step) => storeErrors.push(step),
    ...options,
  });
  return Object.assign(e, { storeErrors });
}

/** A handler that counts its runs and answers `answer-<n>` after `ms`. */
function counting(ms = 0) {
  let runs = 0;
  const invoke = async () => {
    const n = ++runs;
    if (ms) await sleep(ms);
    return { text: `{"n":${n}}`, value: n };
  };
  return { invoke, runs: () => runs };
}

/**
 * A store clock that moves only when the test moves it. Leases of 150–300 ms on the
 * wall clock lapsed when a loaded machine stalled the test process, and a duplicate
 * then (rightly) claimed the key and ran the handler: the tests below end a lease
 * when they say, and a claim that must outlive its lease survives only by renewal.
 */
function testClock(start = 1_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** Resolves once the store has seen a renew after this call (bounded: a missing renewal fails the test, not hangs it). */
async function nextRenewal(store: FaultyStore): Promise<boolean> {
  const renewals = () => store.calls.filter((c) => c.step === 'renew').length;
  const before = renewals();
  for (let i = 0; i < 1000 && renewals() === before; i++) await sleep(10);
  return renewals() > before;
}

const text = (o: Outcome<unknown>) => (o.kind === 'answer' ? o.text : `${o.error.code} ${o.error.subCode}`);
const once =
  (step: Step, fault: Fault, index = 0) =>
  (s: Step, i: number): Fault =>
    s === step && i === index ? fault : { kind: 'ok' };

test('claim fails before acting: isp.idempotency-store-unavailable, the handler did not run; a retry runs it once', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore(), once('claim', { kind: 'fail-before' }));
  const e = engine(store);
  const h = counting();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotency-store-unavailable');
  assert.equal(h.runs(), 0);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
  assert.deepEqual(e.storeErrors, ['claim']);
});

test("claim acts but reports failure: nobody runs the handler until the orphan claim's lease ends", async () => {
  const clock = testClock();
  const store = new FaultyStore(new MemoryIdempotencyStore({ now: clock.now }), once('claim', { kind: 'fail-after' }));
  const e = engine(store, { leaseMs: 150, waitMs: 30 });
  const h = counting();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotency-store-unavailable');
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending');
  assert.equal(h.runs(), 0);
  clock.advance(149);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending', 'the orphan claim lives to the end of its lease');
  assert.equal(h.runs(), 0);
  clock.advance(1);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
});

test('claim never answers: the caller gets isp. within storeTimeoutMs, the handler did not run', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore(), once('claim', { kind: 'hang' }));
  const e = engine(store);
  const h = counting();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotency-store-unavailable');
  assert.equal(h.runs(), 0);
});

test('renew fails every time: the handler still runs once and its outcome is recorded; each failure is reported', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore(), (s) => (s === 'renew' ? { kind: 'fail-before' } : { kind: 'ok' }));
  const e = engine(store, { leaseMs: 30 });
  const h = counting(60);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.ok(e.storeErrors.includes('renew'));
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
});

test('the store loses the claim mid-handler (restarted empty): renew writes it again, a duplicate elsewhere waits, the outcome is stored', async () => {
  const clock = testClock();
  const store = new FaultyStore(new MemoryIdempotencyStore({ now: clock.now }));
  const a = engine(store, { leaseMs: 300, handlerTimeoutMs: 5000 });
  const b = engine(store, { leaseMs: 300, waitMs: 3000 });
  const h = counting(800);
  const first = a.run('k', 'f', LABEL, h.invoke);
  await sleep(20);
  store.inner = new MemoryIdempotencyStore({ now: clock.now }); // the restart
  while ((await store.inner.get('k')) === undefined) await sleep(5); // until a renewal (every 100 ms) restores the claim
  assert.equal((await store.inner.get('k'))?.state, 'claimed', 'a renewal wrote the claim again (not the outcome, 800 ms on)');
  const second = await b.run('k', 'f', LABEL, h.invoke);
  assert.equal(text((await first).outcome), '{"n":1}');
  assert.equal(text(second.outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
});

test('a lost claim still stores its outcome (complete finds the key absent)', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore());
  const e = engine(store, { leaseMs: 60_000 });
  const h = counting(40);
  const first = e.run('k', 'f', LABEL, h.invoke);
  await sleep(10);
  store.inner = new MemoryIdempotencyStore(); // no renewal before complete (lease/3 = 20 s)
  assert.equal(text((await first).outcome), '{"n":1}');
  assert.equal(text((await engine(store).run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
});

for (const fault of [{ kind: 'fail-before' }, { kind: 'fail-after' }, { kind: 'hang' }, { kind: 'delay', ms: 80 }] as Fault[]) {
  test(`complete ${fault.kind}: the caller gets isp.outcome-not-recorded, the claim stays, the outcome is recorded later and replayed, the handler ran once`, async () => {
    const store = new FaultyStore(new MemoryIdempotencyStore(), once('complete', fault));
    const a = engine(store);
    const b = engine(store, { waitMs: 2000 });
    const h = counting();
    assert.equal(text((await a.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.outcome-not-recorded');
    // Another process waits for the claim to turn into the recorded outcome.
    assert.equal(text((await b.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
    for (let i = 0; i < 100 && a.inflightCount > 0; i++) await sleep(10);
    assert.equal(text((await a.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
    assert.equal(h.runs(), 1);
  });
}

test('complete keeps failing past a whole lease: reported, the claim is kept (renewed) and retried, so no retry runs the handler again', async () => {
  const clock = testClock();
  const store = new FaultyStore(new MemoryIdempotencyStore({ now: clock.now }), (s) => (s === 'complete' ? { kind: 'fail-before' } : { kind: 'ok' }));
  const unrecorded: string[] = [];
  const e = engine(store, { leaseMs: 200, waitMs: 20, onUnrecorded: (i) => unrecorded.push(i.reason) });
  const h = counting();
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.outcome-not-recorded');
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.outcome-not-recorded', 'a duplicate in this process shares it');
  assert.equal(text((await engine(store, { waitMs: 20 }).run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending', 'another process sees the claim');
  assert.equal(h.runs(), 1);
  for (let i = 0; i < 100 && unrecorded.length === 0; i++) await sleep(10);
  assert.match(unrecorded.join(), /within one lease/);
  clock.advance(400); // two more leases: the claim has ended unless it is renewed from here on
  assert.ok(await nextRenewal(store), 'the claim is renewed while the record is retried');
  assert.equal(text((await engine(store, { waitMs: 20 }).run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending', 'the claim outlives its lease');
  assert.equal(h.runs(), 1);
  assert.equal(e.inflightCount, 1, 'still trying to record');
});

test('NothingChangedError releases the key: its answer goes to the caller, a retry runs the handler again', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore());
  const e = engine(store);
  let runs = 0;
  const invoke = async () => {
    if (++runs === 1) throw new NothingChangedError(15, 'isp.bank-unreachable', 'the bank did not answer; nothing was charged');
    return { text: '{"ok":true}', value: 1 };
  };
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '15 isp.bank-unreachable');
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '{"ok":true}');
  assert.equal(runs, 2);
});

test('release fails: the claim stays until its lease ends (no run before), then a retry runs', async () => {
  const clock = testClock();
  const store = new FaultyStore(new MemoryIdempotencyStore({ now: clock.now }), once('release', { kind: 'fail-before' }));
  const e = engine(store, { leaseMs: 150, waitMs: 20 });
  let runs = 0;
  const invoke = async () => {
    if (++runs === 1) throw new NothingChangedError();
    return { text: '{"ok":true}', value: 1 };
  };
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '15 isp.service-unavailable');
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '15 isp.idempotent-request-pending');
  clock.advance(150);
  assert.equal(text((await e.run('k', 'f', LABEL, invoke)).outcome), '{"ok":true}');
  assert.equal(runs, 2);
});

for (const fault of [{ kind: 'fail-before' }, { kind: 'hang' }] as Fault[]) {
  test(`get ${fault.kind} while a duplicate waits: it keeps waiting within idempotencyWaitMs and then gets the outcome or isp.`, async () => {
    const store = new FaultyStore(new MemoryIdempotencyStore(), (s, i) => (s === 'get' && i < 2 ? fault : { kind: 'ok' }));
    const a = engine(store);
    const b = engine(store, { waitMs: 1000 });
    const h = counting(60);
    const first = a.run('k', 'f', LABEL, h.invoke);
    await sleep(5);
    const second = await b.run('k', 'f', LABEL, h.invoke);
    assert.equal(text((await first).outcome), '{"n":1}');
    assert.equal(text(second.outcome), '{"n":1}');
    assert.equal(h.runs(), 1);
  });
}

test('a handler slower than handlerTimeoutMs: isp.handler-timeout, the claim stays, the late outcome is recorded and replayed', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore());
  // The handler outlasts both waits by far (a loaded machine stretched 30 + 20 ms past a 100 ms handler).
  const e = engine(store, { handlerTimeoutMs: 30, waitMs: 20 });
  const h = counting(600);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.handler-timeout');
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '15 isp.idempotent-request-pending');
  await sleep(600);
  assert.equal(text((await e.run('k', 'f', LABEL, h.invoke)).outcome), '{"n":1}');
  assert.equal(h.runs(), 1);
});

test('a handler that never settles: the caller and its duplicates answer in bounded time', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore());
  const e = engine(store, { handlerTimeoutMs: 30, waitMs: 30 });
  const never = () => new Promise<{ text: string; value: number }>(() => {});
  const all = await Promise.all([e.run('k', 'f', LABEL, never), e.run('k', 'f', LABEL, never), engine(store, { waitMs: 30 }).run('k', 'f', LABEL, never)]);
  assert.deepEqual(
    all.map((r) => text(r.outcome)),
    ['15 isp.handler-timeout', '15 isp.idempotent-request-pending', '15 isp.idempotent-request-pending'],
  );
});

test('duplicates of a failing call share its error answer; the handler runs once', async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore());
  const engines = [engine(store, { waitMs: 2000 }), engine(store, { waitMs: 2000 })];
  let runs = 0;
  const invoke = async () => {
    runs++;
    await sleep(30);
    throw new GatewayError(15, 'isp.service-error', 'backend down');
  };
  const all = await Promise.all(Array.from({ length: 20 }, (_, i) => engines[i % 2]!.run('k', 'f', LABEL, invoke)));
  assert.equal(runs, 1);
  assert.deepEqual(new Set(all.map((r) => text(r.outcome))), new Set(['15 isp.service-error']));
});

// ---- Randomized schedules -------------------------------------------------

const SCHEDULES = Number(process.env.IDEMPOTENCY_SCHEDULES ?? 1000);
const SEED = Number(process.env.IDEMPOTENCY_SEED ?? Date.now() % 2 ** 31);

function randomFault(r: () => number): Fault {
  const x = r();
  if (x < 0.08) return { kind: 'fail-before' };
  if (x < 0.14) return { kind: 'fail-after' };
  if (x < 0.24) return { kind: 'delay', ms: Math.floor(r() * 20), after: r() < 0.3 ? 'fail-after' : 'ok' };
  if (x < 0.26) return { kind: 'hang' };
  return { kind: 'ok' };
}

type Kind = 'answer' | 'error' | 'nothing-changed';

async function schedule(seed: number): Promise<string | undefined> {
  const r = prng(seed);
  let faultsOn = true;
  const store = new FaultyStore(new MemoryIdempotencyStore(), () => (faultsOn ? randomFault(r) : { kind: 'ok' }));
  const engines = Array.from(
    { length: 1 + Math.floor(r() * 3) },
    () => new IdempotencyEngine({ store, ttlMs: 60_000, leaseMs: 60_000, waitMs: 10 + Math.floor(r() * 40), handlerTimeoutMs: 10 + Math.floor(r() * 40), storeTimeoutMs: 15 }),
  );
  const runs: Kind[] = [];
  let first: string | undefined; // the outcome of the one run that changed something
  const invoke = async () => {
    const kind: Kind = (['answer', 'answer', 'error', 'nothing-changed'] as const)[Math.floor(r() * 4)]!;
    runs.push(kind);
    await sleep(Math.floor(r() * 40));
    if (kind === 'nothing-changed') throw new NothingChangedError(15, 'isp.nothing-changed');
    const n = runs.length;
    if (kind === 'error') {
      first ??= `50 isv.declined-${n}`;
      throw new GatewayError(50, `isv.declined-${n}`);
    }
    first ??= `{"run":${n}}`;
    return { text: `{"run":${n}}`, value: n };
  };
  const callers = Array.from({ length: 2 + Math.floor(r() * 5) }, () => ({ at: Math.floor(r() * 40), engine: engines[Math.floor(r() * engines.length)]!, other: r() < 0.1 }));
  const results = await Promise.all(
    callers.map(async (c) => {
      await sleep(c.at);
      const fingerprint = c.other ? 'other' : 'f';
      // Every wait here is bounded by tens of ms, so a caller still waiting after 20 s hangs.
      // (3 s was passed by a loaded machine: 250 schedules share one process.)
      // Cleared once answered: 1,000 pending 20 s timers kept the test process alive for 20 s after its last test.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const watchdog = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('HANG'), 20_000)));
      try {
        return { result: await Promise.race([c.engine.run('k', fingerprint, LABEL, invoke).then((x) => text(x.outcome)), watchdog]) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const changing = runs.filter((k) => k !== 'nothing-changed').length;
  if (changing > 1) return `the handler changed something ${changing} times: ${runs.join(', ')}`;
  for (const { result } of results) {
    if (result === 'HANG') return 'a caller got no answer within 20 s';
    if (result === first) continue;
    if (/^15 isp\./.test(result)) continue;
    // With a caller of other parameters, whichever claimed first owns the key: the rest get a conflict.
    if (callers.some((c) => c.other) && result.startsWith('41 isv.idempotency-conflict')) continue;
    return `a caller got ${result}; first outcome ${first ?? '(none)'}; runs ${runs.join(', ')}`;
  }
  // With faults off and everything settled, a late retry gets the first outcome (or isp. while an orphan claim lives).
  faultsOn = false;
  for (let i = 0; i < 300 && engines.some((e) => e.inflightCount > 0); i++) await sleep(10);
  const late = text((await engines[0]!.run('k', 'f', LABEL, invoke)).outcome);
  const changingAfter = runs.filter((k) => k !== 'nothing-changed').length;
  if (changingAfter > 1) return `a late retry ran the handler again: ${runs.join(', ')}`;
  if (late !== first && !/^15 isp\./.test(late) && !(callers.some((c) => c.other) && late.startsWith('41 '))) return `a late retry got ${late}; first outcome ${first ?? '(none)'}`;
  return undefined;
}

test(`${SCHEDULES} random schedules of duplicates, delays and store faults: at most one run, the first outcome or isp., no hang (seed ${SEED})`, async () => {
  console.log(`idempotency schedules: seed ${SEED} (rerun with IDEMPOTENCY_SEED=${SEED})`);
  const failures: string[] = [];
  const batch = 250;
  for (let start = 0; start < SCHEDULES; start += batch) {
    const results = await Promise.all(Array.from({ length: Math.min(batch, SCHEDULES - start) }, (_, i) => schedule(SEED + start + i)));
    results.forEach((f, i) => f && failures.push(`schedule seed ${SEED + start + i}: ${f}`));
  }
  assert.deepEqual(failures.slice(0, 5), [], `seed ${SEED}: ${failures.length} of ${SCHEDULES} schedules failed`);
});

test("complete finds another caller's claim (its lease ran out unrenewed): fenced, not overwritten, reported once, no retrying", async () => {
  const store = new FaultyStore(new MemoryIdempotencyStore(), (s) => (s === 'renew' ? { kind: 'fail-before' } : { kind: 'ok' }));
  const unrecorded: string[] = [];
  const a = engine(store, { leaseMs: 30, onUnrecorded: (i) => unrecorded.push(i.reason) });
  const b = engine(store, { leaseMs: 60_000 });
  const h = counting(150);
  const first = a.run('k', 'f', LABEL, h.invoke);
  await sleep(60); // a's lease ended: the one documented way to a second run
  const second = b.run('k', 'f', LABEL, h.invoke);
  assert.equal(text((await first).outcome), '15 isp.outcome-not-recorded');
  assert.equal(a.inflightCount, 0, 'no retrying a fenced write');
  assert.equal(text((await second).outcome), '{"n":2}', "the holder's outcome is the one recorded");
  assert.equal(text((await engine(store).run('k', 'f', LABEL, h.invoke)).outcome), '{"n":2}');
  assert.equal(unrecorded.filter((r) => /another caller holds/.test(r)).length, 1);
});
