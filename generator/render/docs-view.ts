// What the documentation pages print: nested field rows, examples, a
// TypeScript call and a curl command whose signature is really computed.
import { encodeParams, type ParamSpecs } from '../../runtime/common/params.ts';
import { sign, signingString } from '../../runtime/common/sign.ts';
import type { Shape } from '../../runtime/common/shape.ts';
import { PLATFORM_MESSAGES } from '../../runtime/server/platform-errors.ts';
import type { ApiModel, FieldModel, OperationModel, ShapeModel } from '../model/types.ts';
import { tsLiteral } from './client-view.ts';

/** The documented demo credentials: the protocol notes' worked-example key and secret. */
export const DEMO = { appKey: '12345678', secret: 'helloworld', timestamp: '2026-11-24 12:00:00', session: 'demo-session', signMethod: 'hmac-sha256' as const };

const CJK = /[\u3400-\u9fff]/;
const INT64_NOTE = 'int64: bigint in TypeScript; exact above 2^53';

interface FieldRow {
  depth: number;
  name: string;
  path: string;
  type: string;
  int64: boolean;
  required: boolean;
  deprecated: boolean;
  example: string;
  /** HTML, already escaped (inlineHtml). */
  en: string;
  zh: string;
  /** Some seed "Chinese" descriptions are Latin text (`flowPacket`): only Chinese gets lang="zh-CN". */
  zhIsChinese: boolean;
}

function rows(fields: FieldModel[], depth = 0, prefix = ''): FieldRow[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const itemShape = f.shape.kind === 'array' ? f.shape.items : f.shape;
    const row: FieldRow = {
      depth,
      name: f.name,
      path,
      type: f.typeLabel,
      int64: itemShape.kind === 'int64',
      required: f.required,
      deprecated: f.deprecated,
      example: f.hasExample && (typeof f.example !== 'object' || f.example === null) ? String(f.example) : '',
      en: inlineHtml(f.description.en, 'en'),
      zh: inlineHtml(f.description.zh),
      zhIsChinese: CJK.test(f.description.zh),
    };
    const nested = itemShape.kind === 'object' ? rows(itemShape.fields, depth + 1, f.shape.kind === 'array' ? `${path}[]` : path) : [];
    return [row, ...nested];
  });
}

export function runtimeShape(shape: ShapeModel): Shape {
  switch (shape.kind) {
    case 'object':
      return { type: 'object', fields: Object.fromEntries(shape.fields.map((f) => [f.name, runtimeShape(f.shape)])) };
    case 'array':
      return { type: 'array', items: runtimeShape(shape.items) };
    default:
      return { type: shape.kind };
  }
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The demo call of an API: its fields, the signing string, the sign and a curl command. */
export function demoCall(op: OperationModel, gateway: string) {
  const specs: ParamSpecs = Object.fromEntries(op.params.map((p) => [p.name, { shape: runtimeShape(p.shape), required: p.required }]));
  const example = structuredClone((op.requestExample ?? {}) as Record<string, unknown>);
  const { fields } = encodeParams(example, specs);
  const system: Record<string, string> = { method: op.method, app_key: DEMO.appKey, timestamp: DEMO.timestamp, v: '2.0', sign_method: DEMO.signMethod, format: 'json' };
  if (op.session) system.session = DEMO.session;
  const all = { ...system, ...fields };
  const signature = sign(all, DEMO.secret, DEMO.signMethod);
  const query = new URLSearchParams({ ...system, sign: signature }).toString();
  const curl = [`curl -X POST ${shellQuote(`${gateway}?${query}`)}`, ...Object.entries(fields).map(([k, v]) => `  --data-urlencode ${shellQuote(`${k}=${v}`)}`)].join(' \\\n');
  return { signingString: signingString(all), sign: signature, curl };
}

function tsExample(op: OperationModel, clientPackage: string): string {
  const params = tsLiteral(op.requestExample ?? {}, { kind: 'object', name: op.requestSchema, fields: op.params });
  const options = op.session ? `, { session: userSessionKey }` : '';
  return [
    `import { TopClient, TopError } from '${clientPackage}';`,
    '',
    `const top = new TopClient({ appKey: process.env.TOP_APP_KEY!, appSecret: process.env.TOP_APP_SECRET! });`,
    'try {',
    `  const answer = await top.${op.operationId}(${params.replace(/\n/g, '\n  ')}${options});`,
    `  console.log(answer.request_id, answer);`,
    '} catch (error) {',
    '  if (error instanceof TopError) console.error(error.code, error.subCode, error.subMsg);',
    '  throw error;',
    '}',
  ].join('\n');
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The spec's descriptions use `backticks` for code. Escaped first, then the
 * backtick spans become <code>: the result is safe to print unescaped.
 */
export function inlineHtml(text: string, lang: 'en' | 'zh' = 'zh'): string {
  const html = escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
  // Chinese quoted inside English prose is marked as such, for screen readers and fonts.
  return lang === 'en' ? html.replace(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g, '<span lang="zh-CN">$&</span>') : html;
}

/** `clientPackage`: the client package's name, as the config file sets it (for the examples' import). */
export function docsView(model: ApiModel, clientPackage = '@top-payments/client') {
  const systemRows = (session: boolean) =>
    model.systemParameters.map((p) => ({
      name: p.name,
      type: String((p.schema as { type?: string }).type ?? 'string'),
      // `session` is a security scheme, required exactly by the APIs that act for a user.
      required: p.required || (p.name === 'session' && session),
      values: Array.isArray((p.schema as { enum?: unknown[] }).enum) ? (p.schema as { enum: unknown[] }).enum.join(' | ') : '',
      en: inlineHtml(p.description.en, 'en'),
      zh: inlineHtml(p.description.zh),
      zhIsChinese: CJK.test(p.description.zh),
    }));
  const production = model.servers[0]?.url ?? 'https://eco.taobao.com';
  const gateway = `${production}/router/rest`;
  const operations = model.operations.map((op) => {
    const demo = demoCall(op, gateway);
    const success = op.jsonExamples.find((e) => e.name === 'success');
    const error = op.jsonExamples.find((e) => e.name === 'error');
    return {
      method: op.method,
      operationId: op.operationId,
      href: `api/${op.method}.html`,
      summaryEn: op.summary.en,
      summaryZh: op.summary.zh,
      descriptionEn: inlineHtml(op.description.en, 'en'),
      descriptionZh: op.description.zh !== op.summary.zh ? inlineHtml(op.description.zh) : '',
      session: op.session,
      sessionText: op.session ? 'Required: pass the user\'s session' : 'Not needed',
      // `a`, else `b`: first present wins.
      idempotencyHtml: inlineHtml(op.idempotencyKey.map((k) => `\`${k}\``).join(', else '), 'en'),
      responseRoot: op.responseRoot,
      deprecated: op.deprecated,
      requestRows: rows(op.params),
      responseRows: rows(op.response),
      filterText: [op.method, op.summary.en, op.summary.zh, op.operationId, ...op.idempotencyKey].join(' ').toLowerCase(),
      successJson: success ? pretty(success.value) : '',
      successXml: String(op.xmlExamples.find((e) => e.name === 'success')?.value ?? ''),
      errorJson: error ? pretty(error.value) : '',
      errorXml: String(op.xmlExamples.find((e) => e.name === 'error')?.value ?? ''),
      typescript: tsExample(op, clientPackage),
      curl: demo.curl,
      signingString: demo.signingString,
      sign: demo.sign,
      systemRows: systemRows(op.session),
    };
  });
  return {
    title: model.title,
    version: model.version,
    int64Note: INT64_NOTE,
    demo: DEMO,
    gateway,
    servers: model.servers,
    operations,
    errorCodes: Object.entries(PLATFORM_MESSAGES).map(([code, msg]) => ({ code, msg })),
  };
}
