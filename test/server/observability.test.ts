// What an operator sees: one outcome per request through hooks (method, app,
// code, sub_code, latency, idempotency path), internal errors (store
// failures), slow handlers; a pino or console logger that never logs secrets,
// signatures, sessions or parameters; OpenTelemetry spans through the hooks,
// checked with the SDK's in-memory exporter.

import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { pino } from 'pino';
import { createGateway, type GatewayCoreOptions, type InternalError, MemoryIdempotencyStore, openTelemetryHooks, type RequestOutcome, type SlowHandler } from '../../generated/server/src/index.ts';
import { FaultyStore } from '../support/faulty-store.ts';
import { PAY, payParam as sharedPayParam } from '../support/pay-order.ts';
import { post, SECRET, signedParams } from '../support/raw-call.ts';
import { listen } from '../support/servers.ts';

const VIRTUAL = 'taobao.game.virtual.order.create';
// A serial number recognisable in a log line: the logger test looks for it.
const payParam = (key: string, amount = 1) => sharedPayParam(key, amount, { pay_serial_id: 'SERIAL-SECRETISH' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gateway(options: Partial<Omit<GatewayCoreOptions, 'operations' | 'apps'>>, handlerMs = 0) {
  return listen(
    createGateway({
      apps: () => SECRET,
      verifySession: () => ({ user: 1 }),
      handlers: {
        alibabaCloudgameTradeplatformPayorder: async () => {
          await sleep(handlerMs);
          return { result_success: true };
        },
        taobaoGameVirtualOrderCreate: async () => ({ result: { success: true } }) as never,
      },
      ...options,
    }),
  );
}

test('onRequest: every request once, with method, app, code, sub_code, latency and how idempotency handled it', async () => {
  const seen: RequestOutcome[] = [];
  // The duplicate is `waited` only if it finds the first call still running. A handler that
  // just took 30 ms was outrun on a loaded machine (the duplicate came after it: `replayed`),
  // so it also holds until the duplicate's app lookup, from which the gateway reaches the
  // idempotency check in the same turn. (Whichever request comes first runs the handler.)
  let lookups = 0;
  let duplicateArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (duplicateArrived = resolve));
  const g = await listen(
    createGateway({
      apps: () => {
        if (++lookups === 2) duplicateArrived();
        return SECRET;
      },
      handlers: {
        alibabaCloudgameTradeplatformPayorder: async () => {
          await Promise.all([sleep(30), arrived]);
          return { result_success: true };
        },
      },
      hooks: { onRequest: (o) => seen.push(o) },
    }),
  );
  try {
    await Promise.all([post(g.url, signedParams(PAY, payParam('h1'))), sleep(5).then(() => post(g.url, signedParams(PAY, payParam('h1'))))]);
    await post(g.url, signedParams(PAY, payParam('h1')));
    await post(g.url, signedParams(PAY, payParam('h1', 2)));
    await post(g.url, signedParams(PAY, payParam('h2'), { extra: { sign: 'BAD' } }));
    await post(g.url, signedParams(PAY, {}, { drop: ['method'] }));
    const brief = seen.map((o) => `${o.method ?? '-'} ${o.app ?? '-'} ${o.code} ${o.subCode ?? '-'} ${o.idempotency}`);
    assert.deepEqual(brief.slice(0, 2).sort(), [`${PAY} 12345678 0 - fresh`, `${PAY} 12345678 0 - waited`]);
    assert.deepEqual(brief.slice(2), [
      `${PAY} 12345678 0 - replayed`,
      `${PAY} 12345678 41 isv.idempotency-conflict:request_param.pay_idempotent_code conflict`,
      `${PAY} 12345678 25 - none`,
      '- 12345678 21 - none',
    ]);
    for (const o of seen) {
      assert.ok(o.latencyMs >= 0 && Number.isFinite(o.latencyMs));
      assert.match(o.requestId, /^[0-9a-z]+$/);
    }
    assert.ok(seen[0]!.latencyMs >= 25 || seen[1]!.latencyMs >= 25, 'the handler time is in the latency');
  } finally {
    await g.close();
  }
});

test('onInternalError: a store failure is reported with its step; the caller gets a retryable isp.', async () => {
  const errors: InternalError[] = [];
  const store = new FaultyStore(new MemoryIdempotencyStore(), (step) => (step === 'claim' ? { kind: 'fail-before' } : { kind: 'ok' }));
  const g = await gateway({ idempotencyStore: store, hooks: { onInternalError: (e) => errors.push(e) } });
  try {
    const answer = (await post(g.url, signedParams(PAY, payParam('s1')))).json;
    assert.equal(answer.error_response.sub_code, 'isp.idempotency-store-unavailable');
    assert.deepEqual(
      errors.map((e) => `${e.kind} ${e.kind === 'store' ? e.step : ''}`),
      ['store claim'],
    );
  } finally {
    await g.close();
  }
});

test('onSlowHandler: a handler still running after slowHandlerMs is reported while it runs', async () => {
  const slow: SlowHandler[] = [];
  const g = await gateway({ slowHandlerMs: 20, hooks: { onSlowHandler: (s) => slow.push(s) } }, 80);
  try {
    await post(g.url, signedParams(PAY, payParam('slow1')));
    assert.equal(slow.length, 1);
    assert.equal(slow[0]!.method, PAY);
    // libuv fires a timer by its loop's clock, which may trail performance.now by up to a millisecond.
    assert.ok(slow[0]!.elapsedMs >= 19, `elapsed ${slow[0]!.elapsedMs} ms`);
    await post(
      g.url,
      signedParams(VIRTUAL, { biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: '500', account: 'a', seller_id: '1', out_order_id: 'fast1' }, { extra: { session: 'SESSION-SECRET' } }),
    );
    assert.equal(slow.length, 1, 'a fast handler is not reported');
  } finally {
    await g.close();
  }
});

test('logger: pino and console get one line per request and internal error, never the secret, the signature, the session or the parameters', async () => {
  const pinoLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      pinoLines.push(String(chunk));
      done();
    },
  });
  const consoleLines: string[] = [];
  const consoleLike = {
    info: (...a: unknown[]) => consoleLines.push(JSON.stringify(a)),
    warn: (...a: unknown[]) => consoleLines.push(JSON.stringify(a)),
    error: (...a: unknown[]) => consoleLines.push(JSON.stringify(a)),
  };
  for (const [logger, lines] of [
    [pino(sink), pinoLines],
    [consoleLike, consoleLines],
  ] as const) {
    const store = new FaultyStore(new MemoryIdempotencyStore(), (step, i) => (step === 'claim' && i === 1 ? { kind: 'fail-before' } : { kind: 'ok' }));
    const g = await gateway({ logger, idempotencyStore: store, slowHandlerMs: 1 }, 10);
    try {
      const params = signedParams(
        VIRTUAL,
        { biz_code: 'YP', picture_url: 'u', item_name: 'ITEM-NAME', pay_price: '500', account: 'ACCOUNT-NO', seller_id: '1', out_order_id: 'log1' },
        { extra: { session: 'SESSION-SECRET' } },
      );
      await post(g.url, params);
      await post(g.url, signedParams(PAY, payParam('log2')));
      await post(g.url, signedParams(PAY, payParam('log3')));
      await sleep(20);
      const text = lines.join('\n');
      assert.match(text, /top\.request/);
      assert.match(text, /top\.internal-error/);
      assert.match(text, /top\.slow-handler/);
      for (const secret of [SECRET, params.sign!, 'SESSION-SECRET', 'ACCOUNT-NO', 'ITEM-NAME', 'SERIAL-SECRETISH']) assert.ok(!text.includes(secret), `${secret} was logged`);
    } finally {
      await g.close();
    }
  }
});

test('a hook or logger that throws does not change the answer', async () => {
  const boom = () => {
    throw new Error('observer broke');
  };
  const g = await gateway({ hooks: { onRequest: boom }, logger: { info: boom, warn: boom, error: boom } });
  try {
    const answer = (await post(g.url, signedParams(PAY, payParam('b1')))).json;
    assert.equal(answer.alibaba_cloudgame_tradeplatform_payorder_response.result_success, true);
  } finally {
    await g.close();
  }
});

test('OpenTelemetry through the hooks: one span per request, named by method, with the outcome as attributes (in-memory exporter)', async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const store = new FaultyStore(new MemoryIdempotencyStore(), (step, i) => (step === 'claim' && i === 2 ? { kind: 'fail-before' } : { kind: 'ok' }));
  const g = await gateway({ idempotencyStore: store, hooks: openTelemetryHooks(provider.getTracer('top-gateway')) }, 20);
  try {
    await post(g.url, signedParams(PAY, payParam('o1')));
    await post(g.url, signedParams(PAY, payParam('o1')));
    await post(g.url, signedParams(PAY, payParam('o2')));
    await post(g.url, signedParams(PAY, payParam('o3'), { extra: { sign: 'BAD' } }));
    const spans = exporter.getFinishedSpans();
    assert.equal(spans.length, 4);
    assert.deepEqual(
      spans.map((s) => [s.name, s.attributes['top.code'], s.attributes['top.sub_code'] ?? null, s.attributes['top.idempotency'], s.status.code]),
      [
        [`TOP ${PAY}`, 0, null, 'fresh', 1],
        [`TOP ${PAY}`, 0, null, 'replayed', 1],
        [`TOP ${PAY}`, 15, 'isp.idempotency-store-unavailable', 'none', 2],
        [`TOP ${PAY}`, 25, null, 'none', 1],
      ],
    );
    assert.equal(spans[0]!.attributes['top.app_key'], '12345678');
    const [s0, n0] = spans[0]!.duration;
    assert.ok(s0 * 1000 + n0 / 1e6 >= 15, 'the span covers the handler');
  } finally {
    await g.close();
    await provider.shutdown();
  }
});
