// `generate --scaffold DIR`: one handler file per operation in the user's own
// folder, never overwriting one that exists.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiModel } from './model/types.ts';
import { idempotencyNote } from './render/server-view.ts';
import { render } from './render/templates.ts';

export interface ScaffoldResult {
  written: string[];
  kept: string[];
}

export function scaffold(model: ApiModel, dir: string, importFrom: string): ScaffoldResult {
  mkdirSync(dir, { recursive: true });
  const result: ScaffoldResult = { written: [], kept: [] };
  for (const op of model.operations) {
    const file = path.join(dir, `${op.operationId}.ts`);
    if (existsSync(file)) {
      result.kept.push(file);
      continue;
    }
    const notes = [
      `Gets the validated business parameters (int64 fields are bigint) and returns the answer inside \`${op.responseRoot}\`;`,
      'the gateway adds the envelope and request_id. Throw a GatewayError to answer an error_response.',
      op.session ? 'This API needs a session: context.user is what verifySession returned.' : 'This API needs no session.',
      idempotencyNote(op),
    ];
    const content = render('scaffold/handler.ts.hbs', {
      method: op.method,
      summaryZh: op.summary.zh,
      summaryEn: op.summary.en,
      operationId: op.operationId,
      requestType: op.requestSchema,
      responseType: op.responseSchema,
      importFrom,
      notes,
    });
    // 'wx' fails if the file appeared meanwhile: never overwrite a user's file.
    writeFileSync(file, content, { flag: 'wx' });
    result.written.push(file);
  }
  return result;
}
