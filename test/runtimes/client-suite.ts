// The client's conformance suite, written once and run on every runtime of
// the matrix (Node 20/22/24, Bun, Deno, Cloudflare workerd without
// nodejs_compat). It imports nothing: the runner hands it the client package
// it loaded the way that runtime's users load it, and the addresses of the
// host's servers. It returns one result per case; the host asserts them.
//
// Plain ES2022 after type stripping, no node:* and no test framework, so the
// same text runs inside a Worker.
import type * as ClientPackage from '../../generated/client/dist/index.js';

export type ClientModule = typeof ClientPackage;

export interface SuiteTargets {
  /** The matrix gateway (test/runtimes/gateway-app.ts) on the host. */
  gateway: string;
  /** Reads a request and drops the connection (test/client/drop-server.ts). */
  drop: string;
  /** Reads a request and never answers. */
  silent: string;
  /** Answers hard to read right, one per path (test/runtimes/answers-server.ts). */
  answers: string;
  /** Answers a connection's first request, drops it after reading its second (drop-server.ts, `reuse`). */
  reuse: string;
  appKey: string;
  appSecret: string;
  /** Unique per run: idempotency keys carry it, so the host can count them. */
  runId: string;
}

export interface CaseResult {
  name: string;
  ok: boolean;
  detail?: string;
}

type Call = (client: InstanceType<ClientModule['TopClient']>) => Promise<unknown>;

const SESSION = { session: 'matrix-user' };

/** One call of every API, with its int64 fields as bigint. */
function everyApi(runId: string, signMethod: string): { name: string; call: Call; check: (answer: Record<string, unknown>) => string | undefined }[] {
  const key = (api: string) => `${runId}-${signMethod}-${api}`;
  const hasRequestId = (a: Record<string, unknown>) => (typeof a.request_id === 'string' && a.request_id !== '' ? undefined : `no request_id in ${JSON.stringify(a, bigints)}`);
  return [
    {
      name: 'alibaba.cloudgame.tradeplatform.payorder',
      call: (c) =>
        c.alibabaCloudgameTradeplatformPayorder({
          request_param: {
            charge_item_code: '1',
            order_id: '1',
            category_code: '1',
            user_country: 'CHINA',
            balance_pay_amount: 1n,
            tenant_id: 9007199254740993n,
            commodity_code: '1',
            pay_start_time: 1n,
            currency: 'CNY',
            pay_idempotent_code: key('payorder'),
            pay_serial_id: '1',
          },
        }),
      check: hasRequestId,
    },
    {
      name: 'taobao.game.virtual.order.create',
      call: (c) => c.taobaoGameVirtualOrderCreate({ biz_code: 'YP', picture_url: 'u', item_name: '加油卡', pay_price: 500n, account: 'a', seller_id: 1n, out_order_id: key('virtual') }, SESSION),
      check: (a) => hasRequestId(a) ?? ((a as { result?: { model?: { out_order_id?: string } } }).result?.model?.out_order_id === key('virtual') ? undefined : 'out_order_id not echoed'),
    },
    {
      name: 'alibaba.diantao.tripartite.right.pay.notify',
      call: (c) => c.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: key('notify') } }),
      check: hasRequestId,
    },
    {
      name: 'alibaba.idle.tender.pre.pay.action',
      call: (c) => c.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: key('prepay'), pre_pay_action: 2n } }, SESSION),
      check: (a) => hasRequestId(a) ?? (typeof (a as { result?: { data?: { pre_pay_amount?: unknown } } }).result?.data?.pre_pay_amount === 'bigint' ? undefined : 'pre_pay_amount is not a bigint'),
    },
    {
      name: 'alibaba.alisports.lianbei.xpos.pay',
      call: (c) =>
        c.alibabaAlisportsLianbeiXposPay({ param0: { nego_price: '1', qr_code: 'q', request_id: key('xpos'), out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n } }),
      check: hasRequestId,
    },
  ];
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** How many cases runSuite reports. */
export const SUITE_CASES = 35;

/** What the package's `/node` entry adds, where the runtime has node:http (not workerd). */
export interface NodeEntry {
  nodeHttpTransport: () => ReturnType<ClientModule['fetchTransport']>;
}

/**
 * `loadNodeEntry`: imports the package's `/node` entry, where the runtime has one. Called for the last case only:
 * loading it makes node:http every client's default from then on.
 */
export async function runSuite(pkg: ClientModule, t: SuiteTargets, expectedTransport: string, loadNodeEntry?: () => Promise<NodeEntry>): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const run = async (name: string, body: () => Promise<string | undefined>) => {
    try {
      const problem = await body();
      results.push(problem === undefined ? { name, ok: true } : { name, ok: false, detail: problem });
    } catch (error) {
      results.push({ name, ok: false, detail: `threw ${describe(error)}` });
    }
  };
  const { TopClient, TopClientError, TopError, TopNetworkError, TopTimeoutError, TopValidationError } = pkg;
  const base = { appKey: t.appKey, appSecret: t.appSecret, gateway: t.gateway };

  // Every API under every sign method; the gateway verifies each signature.
  for (const signMethod of ['md5', 'hmac', 'hmac-sha256'] as const) {
    const transports: string[] = [];
    const client = new TopClient({ ...base, signMethod, hooks: { beforeSend: (e) => void transports.push(e.transport) } });
    for (const api of everyApi(t.runId, signMethod)) {
      await run(`${api.name} × ${signMethod}`, async () => api.check((await api.call(client)) as Record<string, unknown>));
    }
    client.close();
    await run(`default transport × ${signMethod}`, async () =>
      transports.every((name) => name === expectedTransport) && transports.length > 0 ? undefined : `sent through ${transports.join(', ')}, expected ${expectedTransport}`,
    );
  }

  await run('prepareAsync signs like the gateway expects (WebCrypto where there is no node:crypto)', async () => {
    const client = new TopClient({ ...base, signMethod: 'hmac-sha256', now: () => Date.parse('2026-11-24T04:00:00Z') });
    const { query } = await client.prepareAsync('alibaba.diantao.tripartite.right.pay.notify', { tripartite_pay_notify_dto: { source: 's', outer_order_id: '1' } });
    client.close();
    // The value test/support/independent-signer.ts computes for these parameters.
    const want =
      'method=alibaba.diantao.tripartite.right.pay.notify&app_key=matrix-app&timestamp=2026-11-24%2012%3A00%3A00&v=2.0&sign_method=hmac-sha256&format=json&sign=10308D83D03F215B98418DE65419172BE0078D28B37C901E5C5A7BD0CCBDD3A5';
    return query === want ? undefined : query;
  });

  await run('int64 above 2^53 both ways', async () => {
    const client = new TopClient(base);
    const answer = await client.alibabaAlisportsLianbeiXposPay({
      param0: { nego_price: '1', qr_code: 'q', request_id: `${t.runId}-int64`, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 9007199254740993n },
    });
    client.close();
    const model = answer.result?.model;
    // The matrix gateway echoes item_id as biz_order_id, item_id + 1 as buyer_id, and int64's maximum as current_pay_fee.
    if (model?.biz_order_id !== 9007199254740993n) return `biz_order_id ${String(model?.biz_order_id)} (${typeof model?.biz_order_id})`;
    if (model?.buyer_id !== 9007199254740994n) return `buyer_id ${String(model?.buyer_id)}`;
    if (model?.current_pay_fee !== 9223372036854775807n) return `current_pay_fee ${String(model?.current_pay_fee)}`;
    return undefined;
  });

  await run('a duplicate (same idempotency key) gets the first outcome: the handler ran once', async () => {
    const client = new TopClient(base);
    const call = () =>
      client.alibabaAlisportsLianbeiXposPay({
        param0: { nego_price: '1', qr_code: 'q', request_id: `${t.runId}-dup`, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 7n },
      });
    const first = await call();
    const second = await call();
    client.close();
    return first.result?.msg_info === 'runs:1' && second.result?.msg_info === 'runs:1' ? undefined : `${first.result?.msg_info} then ${second.result?.msg_info}`;
  });

  await run('a wrong secret is a TopError 25, not retryable', async () => {
    const client = new TopClient({ ...base, appSecret: 'not-the-secret' });
    try {
      await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: `${t.runId}-badsign` } });
      return 'no error';
    } catch (error) {
      if (!(error instanceof TopError) || !(error instanceof TopClientError)) return `got ${describe(error)}`;
      return error.code === 25 && !error.isRetryable ? undefined : `code ${error.code}, retryable ${error.isRetryable}`;
    } finally {
      client.close();
    }
  });

  await run("a handler's isp.* failure is a retryable TopError", async () => {
    const client = new TopClient(base);
    try {
      await client.taobaoGameVirtualOrderCreate({ biz_code: 'YP', picture_url: 'u', item_name: 'i', pay_price: 1n, account: 'a', seller_id: 1n, out_order_id: `isp-${t.runId}` }, SESSION);
      return 'no error';
    } catch (error) {
      if (!(error instanceof TopError)) return `got ${describe(error)}`;
      return error.subCode === 'isp.remote-service-timeout' && error.isRetryable ? undefined : `${error.code} ${error.subCode} retryable ${error.isRetryable}`;
    } finally {
      client.close();
    }
  });

  await run('a number for an int64 is a TopValidationError naming the field, before any I/O', async () => {
    const client = new TopClient({ ...base, gateway: t.drop });
    try {
      await client.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2 as unknown as bigint } }, SESSION);
      return 'no error';
    } catch (error) {
      if (!(error instanceof TopValidationError)) return `got ${describe(error)}`;
      return error.problems.some((p) => p.path === 'param0.pre_pay_action') ? undefined : JSON.stringify(error.problems);
    } finally {
      client.close();
    }
  });

  await run('a silent gateway is a TopTimeoutError', async () => {
    const client = new TopClient({ ...base, gateway: t.silent, timeoutMs: 300 });
    try {
      await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: `${t.runId}-silent` } });
      return 'no error';
    } catch (error) {
      return error instanceof TopTimeoutError && error.timeoutMs === 300 ? undefined : `got ${describe(error)}`;
    } finally {
      client.close();
    }
  });

  await run('a connection dropped after sending is a TopNetworkError, possibly sent', async () => {
    const client = new TopClient({ ...base, gateway: t.drop, retries: 3, retryDelayMs: 1 });
    try {
      await client.alibabaDiantaoTripartiteRightPayNotify({ tripartite_pay_notify_dto: { source: 's', outer_order_id: `${t.runId}-drop` } });
      return 'no error';
    } catch (error) {
      return error instanceof TopNetworkError && error.reachedGateway ? undefined : `got ${describe(error)}`;
    } finally {
      client.close();
    }
  });

  // Answers as a gateway may send them (answers-server.ts): every runtime reads them alike.
  const xposAt = async (path: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}) => {
    const client = new TopClient({ ...base, gateway: `${t.answers}${path}`, maxResponseBytes: 64 * 1024, retries: 0, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    try {
      return await client.alibabaAlisportsLianbeiXposPay(
        { param0: { nego_price: '1', qr_code: 'q', request_id: `${t.runId}-answers`, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n } },
        options.signal ? { signal: options.signal } : {},
      );
    } finally {
      client.close();
    }
  };
  const readable = async (path: string) => {
    const model = (await xposAt(path)).result?.model;
    return model?.biz_order_id === 9223372036854775807n && model?.buyer_id === -9223372036854775808n ? undefined : `read ${JSON.stringify(model, bigints)}`;
  };
  const refused = async (call: () => Promise<unknown>, expected: (error: unknown) => boolean) => {
    try {
      await call();
      return 'no error';
    } catch (error) {
      return expected(error) ? undefined : `got ${describe(error)}`;
    }
  };
  await run('a gzip answer of declared length reads as its JSON', () => readable('/gzip'));
  await run('a chunked br answer reads as its JSON', () => readable('/br-chunked'));
  await run('an answer after a UTF-8 byte order mark reads as its JSON', () => readable('/bom'));
  await run('an answer past maxResponseBytes is a TopDecodeError', () =>
    refused(
      () => xposAt('/too-large'),
      (e) => e instanceof pkg.TopDecodeError && /larger than 65536/.test(e.message),
    ),
  );
  await run('an answer that stalls mid-body is a TopTimeoutError', () =>
    refused(
      () => xposAt('/stall', { timeoutMs: 300 }),
      (e) => e instanceof TopTimeoutError && e.timeoutMs === 300,
    ),
  );
  await run('an abort while the answer stalls mid-body is a TopAbortError', () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    return refused(
      () => xposAt('/stall', { signal: controller.signal }),
      (e) => e instanceof pkg.TopAbortError,
    );
  });
  await run('an int64 past the Long range in an answer is a TopDecodeError naming the field', () =>
    refused(
      () => xposAt('/int64-past-long'),
      (e) => e instanceof pkg.TopDecodeError && e.message.includes('result.model.biz_order_id'),
    ),
  );

  // A pooled connection the gateway drops after reading a request: that request reached it once, whatever the
  // client then says (an answer over a fresh connection, or possibly sent). Deno's fetch and node:http resent it.
  const reused = async (tag: string, transport?: ReturnType<ClientModule['fetchTransport']>) => {
    const client = new TopClient({ ...base, gateway: t.reuse, retries: 3, retryDelayMs: 1, timeoutMs: 5000, ...(transport ? { transport } : {}) });
    try {
      for (const n of [1, 2, 3]) {
        try {
          await client.alibabaAlisportsLianbeiXposPay({
            param0: { nego_price: '1', qr_code: 'q', request_id: `${t.runId}-${tag}-${n}`, out_biz_id: 'o', cashier_name: 'c', cashier_id: 'ci', store_id: 's', item_id: 1n },
          });
        } catch (error) {
          if (!(error instanceof TopNetworkError && error.reachedGateway)) return `call ${n}: ${describe(error)}`;
        }
      }
      return undefined;
    } finally {
      client.close();
    }
  };
  await run('a pooled connection dropped under a request the gateway read: default transport, each request sent once', () => reused('reuse'));
  await run('a pooled connection dropped under a request the gateway read: node:http, each request sent once', () =>
    loadNodeEntry ? loadNodeEntry().then((entry) => reused('reuse-node', entry.nodeHttpTransport())) : Promise.resolve(undefined),
  );

  return results;
}
