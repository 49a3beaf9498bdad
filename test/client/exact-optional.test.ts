// A consumer compiled with exactOptionalPropertyTypes (and the rest of the
// strict flags) passes a value that may be undefined to an optional option,
// as it gets one from a config or the environment: `session: env.SESSION`,
// `signal: options.signal`. The client reads undefined as "not given"
// everywhere, so its option types must say so (`?: T | undefined`), or such a
// consumer does not compile. Checked against the package's published
// declarations (dist/*.d.ts), which also need no lib newer than ES2020 (the
// first with bigint). Written by the review rv3 (2026-11-26).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const DIST = path.resolve(import.meta.dirname, '../../generated/client/dist');

const consumer = (dist: string) => `
import { TopClient, fetchTransport, type CallOptions, type TopClientOptions } from '${dist}/index.js';
import { nodeHttpTransport } from '${dist}/node.js';

declare const config: { gateway?: string; session?: string; timeoutMs?: number; retries?: number; signal?: AbortSignal; validate?: boolean };
const options: TopClientOptions = {
  appKey: 'k',
  appSecret: 's',
  gateway: config.gateway,
  session: config.session,
  timeoutMs: config.timeoutMs,
  retries: config.retries,
  transport: config.gateway ? fetchTransport({ fetch: undefined }) : undefined,
};
const perCall: CallOptions = { session: config.session, timeoutMs: config.timeoutMs, signal: config.signal, validate: config.validate };
export const client = new TopClient(options);
export const viaNode = nodeHttpTransport({ agent: undefined, idleSocketTimeoutMs: config.timeoutMs });
export const call = () => client.alibabaIdleTenderPrePayAction({ param0: { order_id: 'o', pre_pay_no: 'p', pre_pay_action: 2n } }, perCall);

// The request types too: an optional field takes a value that may be undefined (read as left out).
declare const pos: { machine?: string; item?: bigint };
export const pay = () =>
  client.alibabaAlisportsLianbeiXposPay({
    param0: { nego_price: '1', qr_code: 'q', request_id: 'r', machine_id: pos.machine, out_biz_id: 'o', item_id: pos.item, cashier_name: 'c', cashier_id: 'c', store_id: 's' },
  });
`;

/** The problems tsc reports for `source` compiled against the package's declarations with `lib`. */
function typeCheck(source: string, lib: string[]): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'top-consumer-types-'));
  try {
    const file = path.join(dir, 'consumer.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
      lib,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// bigint needs ES2020; nothing else in the declarations should need a newer lib (ErrorOptions is ES2022's).
test('the declarations type-check with lib ES2020 and DOM, skipLibCheck off', () => {
  assert.deepEqual(typeCheck(consumer(DIST), ['lib.es2020.d.ts', 'lib.dom.d.ts']), []);
});

test('a consumer under exactOptionalPropertyTypes passes possibly-undefined values to the optional options of the client, a call, both transports and the request types', () => {
  assert.deepEqual(typeCheck(consumer(DIST), ['lib.es2022.d.ts', 'lib.dom.d.ts']), []);
});

test('an optional request field set to undefined is sent as if left out', async () => {
  const { TopClient } = await import('../../generated/client/src/index.ts');
  const top = new TopClient({ appKey: 'k', appSecret: 's', now: () => Date.UTC(2026, 10, 26) });
  const given = { nego_price: '1', qr_code: 'q', request_id: 'r', out_biz_id: 'o', cashier_name: 'c', cashier_id: 'c', store_id: 's' };
  const left = top.prepare('alibaba.alisports.lianbei.xpos.pay', { param0: given });
  const undefinedFields = top.prepare('alibaba.alisports.lianbei.xpos.pay', { param0: { ...given, machine_id: undefined, item_id: undefined } });
  assert.deepEqual(undefinedFields, left);
  assert.doesNotMatch(decodeURIComponent(undefinedFields.body), /machine_id|item_id|undefined/);
});

test("answers keep ?: T, and the server's request types are untouched", () => {
  const client = readFileSync(path.resolve(import.meta.dirname, '../../generated/client/src/types.ts'), 'utf8');
  const server = readFileSync(path.resolve(import.meta.dirname, '../../generated/server/src/types.ts'), 'utf8');
  // QingchengPayReqDTO is a request schema; QingchengPayRespDTO an answer's.
  assert.match(client, /machine_id\?: string \| undefined;/);
  assert.doesNotMatch(server, /\| undefined;/);
  const answer = /QingchengPayRespDTO: \{[\s\S]*?\n {8}\};/.exec(client)?.[0] ?? '';
  assert.ok(answer.includes('?:'), 'the answer schema has optional fields');
  assert.doesNotMatch(answer, /\| undefined/);
});
