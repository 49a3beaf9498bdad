// How the engine writes an outcome into the store, and that outcomes written
// by the earlier format (`{"a": text}` / `{"e": {...}}`, before the answer text
// was stored unescaped) still replay after an upgrade, answer and error alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ENGINE_OPTIONS, IdempotencyEngine, MemoryIdempotencyStore } from '../../generated/server/src/index.ts';

const label = { path: 'param0.request_id', value: 'r1' };
const never = async (): Promise<{ text: string; value: unknown }> => {
  throw new Error('the handler must not run: the outcome is recorded');
};

async function storeWith(outcome: string) {
  const store = new MemoryIdempotencyStore();
  assert.deepEqual(await store.claim('k', 'fp', 'old-owner', 1000), { claimed: true });
  assert.deepEqual(await store.complete('k', 'fp', 'old-owner', outcome, 60_000), { stored: true });
  return new IdempotencyEngine({ ...DEFAULT_ENGINE_OPTIONS, store });
}

test('an answer is stored as A and its JSON text, unescaped, and replays from there', async () => {
  const store = new MemoryIdempotencyStore();
  const engine = new IdempotencyEngine({ ...DEFAULT_ENGINE_OPTIONS, store });
  const text = '{"result":{"id":9007199254740993,"note":"引号\\" and \\\\"}}';
  const first = await engine.run('k', 'fp', label, async () => ({ text, value: 'v' }));
  assert.deepEqual(first, { outcome: { kind: 'answer', text, value: 'v' }, path: 'fresh' });
  assert.deepEqual(await store.get('k'), { state: 'done', fingerprint: 'fp', outcome: `A${text}` });
  assert.deepEqual(await engine.run('k', 'fp', label, never), { outcome: { kind: 'answer', text }, path: 'replayed' });
});

test('an answer recorded in the earlier format replays', async () => {
  const engine = await storeWith(JSON.stringify({ a: '{"result":{"id":9007199254740993}}' }));
  assert.deepEqual(await engine.run('k', 'fp', label, never), { outcome: { kind: 'answer', text: '{"result":{"id":9007199254740993}}' }, path: 'replayed' });
});

test('an error answer recorded in the earlier format replays with its code, msg and sub-code', async () => {
  const engine = await storeWith(JSON.stringify({ e: { code: 15, msg: 'Remote service error', sub_code: 'isp.service-error', sub_msg: 'the service failed' } }));
  const { outcome, path } = await engine.run('k', 'fp', label, never);
  assert.equal(path, 'replayed');
  assert.equal(outcome.kind, 'error');
  const error = (outcome as { error: { code: number; msg: string; subCode: string; subMsg: string } }).error;
  assert.deepEqual([error.code, error.msg, error.subCode, error.subMsg], [15, 'Remote service error', 'isp.service-error', 'the service failed']);
});

test('an error answer is stored as E and JSON, and replays', async () => {
  const store = new MemoryIdempotencyStore();
  const engine = new IdempotencyEngine({ ...DEFAULT_ENGINE_OPTIONS, store });
  const { GatewayError } = await import('../../generated/server/src/index.ts');
  await engine.run('k', 'fp', label, async () => {
    throw new GatewayError(15, 'isp.service-error', 'down');
  });
  const stored = (await store.get('k')) as { outcome: string };
  assert.match(stored.outcome, /^E\{"code":15,/);
  const again = await engine.run('k', 'fp', label, never);
  assert.equal((again.outcome as { error: { subCode: string } }).error.subCode, 'isp.service-error');
});
