// An idempotency store wrapper that fails or stalls at any step, on a plan:
// before acting (nothing changed), after acting (changed, but reported as a
// failure, as a timed-out Redis command can be), after a delay, or never
// answering at all.
import type { IdempotencyStore } from '../../generated/server/src/index.ts';

export type Step = 'claim' | 'renew' | 'complete' | 'release' | 'get';
export type Fault = { kind: 'ok' } | { kind: 'fail-before' } | { kind: 'fail-after' } | { kind: 'delay'; ms: number; after?: 'ok' | 'fail-before' | 'fail-after' } | { kind: 'hang' };

export class StoreFault extends Error {
  override name = 'StoreFault';
}

export class FaultyStore implements IdempotencyStore {
  readonly calls: { step: Step; fault: Fault['kind'] }[] = [];
  constructor(
    public inner: IdempotencyStore,
    public plan: (step: Step, index: number) => Fault = () => ({ kind: 'ok' }),
  ) {}

  async #do<R>(step: Step, act: () => Promise<R>): Promise<R> {
    const fault = this.plan(step, this.calls.filter((c) => c.step === step).length);
    this.calls.push({ step, fault: fault.kind });
    let mode: 'ok' | 'fail-before' | 'fail-after' = 'ok';
    if (fault.kind === 'hang') return new Promise<R>(() => {});
    if (fault.kind === 'delay') {
      await new Promise((r) => setTimeout(r, fault.ms));
      mode = fault.after ?? 'ok';
    } else mode = fault.kind;
    if (mode === 'fail-before') throw new StoreFault(`${step} failed before acting`);
    const result = await act();
    if (mode === 'fail-after') throw new StoreFault(`${step} acted, then failed`);
    return result;
  }

  claim(...a: Parameters<IdempotencyStore['claim']>) {
    return this.#do('claim', () => this.inner.claim(...a));
  }
  renew(...a: Parameters<IdempotencyStore['renew']>) {
    return this.#do('renew', () => this.inner.renew(...a));
  }
  complete(...a: Parameters<IdempotencyStore['complete']>) {
    return this.#do('complete', () => this.inner.complete(...a));
  }
  release(...a: Parameters<IdempotencyStore['release']>) {
    return this.#do('release', () => this.inner.release(...a));
  }
  get(...a: Parameters<IdempotencyStore['get']>) {
    return this.#do('get', () => this.inner.get(...a));
  }
}

/** A small seeded PRNG (mulberry32), so a failing schedule can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
