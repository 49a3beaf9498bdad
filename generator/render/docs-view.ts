// What the documentation pages print: nested field rows, examples, a
// TypeScript call, a runnable curl script, the Try-it form's defaults, the
// navigation, the search index and the shared tables (system parameters,
// platform errors). Decisions live here; templates only print.
import { encodeParams } from '../../runtime/common/params.ts';
import { API_VERSION, GATEWAY_PATH, PLATFORM_MESSAGES, type SystemParameter } from '../../runtime/common/protocol.ts';
import { sign, signingString } from '../../runtime/common/sign.ts';
import { prettyJson } from '../model/exact-values.ts';
import { paramSpecs, wireAnswerExample } from '../model/runtime-shapes.ts';
import type { ApiModel, FieldModel, OperationModel } from '../model/types.ts';
import { tsLiteral } from './client-view.ts';

/** The documented demo credentials: the protocol notes' worked-example key and secret, which the mock accepts. */
export const DEMO = { appKey: '12345678', secret: 'helloworld', timestamp: '2026-11-24 12:00:00', session: 'demo-session', signMethod: 'hmac-sha256' as const };
/** Where `npm run mock` listens unless told otherwise. */
export const MOCK_GATEWAY = `http://127.0.0.1:9393${GATEWAY_PATH}`;

const CJK = /[\u3400-\u9fff]/;
const INT64_NOTE = 'int64: bigint in TypeScript; exact above 2^53';

interface FieldRow {
  depth: number;
  name: string;
  path: string;
  /** The dotted path of the enclosing field, printed dimmed before the name. */
  parent: string;
  /** HTML with <wbr> break points (breakableHtml). */
  nameHtml: string;
  parentHtml: string;
  typeHtml: string;
  id: string;
  type: string;
  int64: boolean;
  required: boolean;
  deprecated: boolean;
  example: string;
  /** What the gateway does with it, from the model: default, constraints, how a list travels (plain text; empty when nothing). */
  limits: string;
  /** HTML, already escaped (inlineHtml). */
  en: string;
  zh: string;
  /** Some "Chinese" descriptions are Latin text (`flowPacket`): only Chinese gets lang="zh-CN". */
  zhIsChinese: boolean;
  /** Plain text, for the search index. */
  plainEn: string;
  plainZh: string;
}

/**
 * The default the gateway applies and the constraints it answers 41 for
 * (更多限制), and how a top-level list travels: what TOP's pages show in their
 * 更多限制 column, printed from the model the validators are made from.
 */
function limitsText(f: FieldModel): string {
  const c = f.constraints;
  const parts: string[] = [];
  if (f.encoding === 'comma') parts.push('sent comma-joined');
  if (f.hasDefault) parts.push(`default ${String(f.default)}`);
  if (c.enum) parts.push(`one of ${c.enum.map(String).join(', ')}`);
  if (c.minimum !== undefined) parts.push(`minimum ${String(c.minimum)}`);
  if (c.maximum !== undefined) parts.push(`maximum ${String(c.maximum)}`);
  const unit = f.shape.kind === 'file' ? 'bytes' : 'characters';
  if (c.minLength !== undefined) parts.push(`at least ${c.minLength} ${unit}`);
  if (c.maxLength !== undefined) parts.push(`at most ${c.maxLength} ${unit}`);
  if (c.minItems !== undefined) parts.push(`at least ${c.minItems} items`);
  if (c.maxItems !== undefined) parts.push(`at most ${c.maxItems} items`);
  if (c.pattern !== undefined) parts.push(`matches ${c.pattern}`);
  return parts.join('; ');
}

function rows(fields: FieldModel[], anchor: string, depth = 0, prefix = ''): FieldRow[] {
  return fields.flatMap((f) => {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    const itemShape = f.shape.kind === 'array' ? f.shape.items : f.shape;
    const en = f.description.en;
    const zh = f.description.zh;
    const row: FieldRow = {
      depth,
      name: f.name,
      path,
      parent: prefix ? `${prefix}.` : '',
      nameHtml: breakableHtml(f.name),
      parentHtml: prefix ? breakableHtml(`${prefix}.`) : '',
      typeHtml: breakableHtml(f.typeLabel),
      id: `${anchor}-${path}`,
      type: f.typeLabel,
      int64: itemShape.kind === 'int64',
      required: f.required,
      deprecated: f.deprecated,
      example: f.hasExample && (typeof f.example !== 'object' || f.example === null) ? String(f.example) : '',
      limits: limitsText(f),
      en: inlineHtml(en, 'en'),
      zh: inlineHtml(zh),
      zhIsChinese: CJK.test(zh),
      plainEn: en,
      plainZh: zh,
    };
    const nested = itemShape.kind === 'object' ? rows(itemShape.fields, anchor, depth + 1, f.shape.kind === 'array' ? `${path}[]` : path) : [];
    return [row, ...nested];
  });
}

export { runtimeShape } from '../model/runtime-shapes.ts';

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The example's business parameters as the form fields they travel as (objects as compact JSON text). */
export function exampleFields(op: OperationModel): Record<string, string> {
  const specs = paramSpecs(op);
  const example = structuredClone((op.requestExample ?? {}) as Record<string, unknown>);
  return encodeParams(example, specs).fields;
}

/**
 * The demo call of an API at the fixed demo timestamp: its signing string and
 * sign (for readers who want to check their own signer against a known answer).
 */
export function demoCall(op: OperationModel) {
  const fields = exampleFields(op);
  // Typed by TOP's system-parameter list (runtime/common/protocol.ts): a misspelt name is a tsc error.
  const system: Partial<Record<SystemParameter, string>> = { method: op.method, app_key: DEMO.appKey, timestamp: DEMO.timestamp, v: API_VERSION, sign_method: DEMO.signMethod, format: 'json' };
  if (op.session) system.session = DEMO.session;
  const all = { ...system, ...fields };
  return { signingString: signingString(all), sign: sign(all, DEMO.secret, DEMO.signMethod) };
}

/**
 * A bash script that runs as printed against `npm run mock`: it takes the
 * current GMT+8 time, builds the signing string in the sorted order (the
 * timestamp is the only part that changes), signs it with openssl and posts
 * the same parameters with curl. `TZ=UTC-8` is POSIX for GMT+8 and needs no
 * time-zone database; awk keeps only the hex of openssl's `…= HEX` line.
 */
export function curlScript(op: OperationModel): string {
  const fields = exampleFields(op);
  const system: Partial<Record<SystemParameter, string>> = { method: op.method, app_key: '$APP_KEY', timestamp: '$TIMESTAMP', v: API_VERSION, sign_method: 'hmac-sha256', format: 'json' };
  if (op.session) system.session = '$SESSION';
  const all: Record<string, string> = { ...system, ...fields };
  const variable = (value: string) => /^\$[A-Z_]+$/.test(value);
  // Sorted as the gateway sorts; variables expand, everything else is single-quoted as is.
  const piece = (name: string) => shellQuote(name) + (variable(all[name]!) ? `"${all[name]}"` : shellQuote(all[name]!));
  const names = Object.keys(all)
    .filter((n) => all[n]!.trim() !== '')
    .sort();
  const sendArg = (name: string) => `  --data-urlencode ${variable(all[name]!) ? `"${name}=${all[name]}"` : shellQuote(`${name}=${all[name]}`)}`;
  return [
    '# Runs as is against the local mock gateway: start it first with `npm run mock`.',
    `GATEWAY="\${GATEWAY:-${MOCK_GATEWAY}}"`,
    `APP_KEY="\${APP_KEY:-${DEMO.appKey}}"`,
    `APP_SECRET="\${APP_SECRET:-${DEMO.secret}}"`,
    ...(op.session ? [`SESSION="\${SESSION:-${DEMO.session}}"`] : []),
    "TIMESTAMP=$(TZ=UTC-8 date '+%Y-%m-%d %H:%M:%S')   # now, GMT+8",
    `SIGNING_STRING=${names.map(piece).join('')}`,
    `SIGN=$(printf '%s' "$SIGNING_STRING" | openssl dgst -sha256 -hmac "$APP_SECRET" | awk '{print toupper($NF)}')`,
    [`curl -sS -X POST "$GATEWAY"`, ...names.map(sendArg), '  --data-urlencode "sign=$SIGN"'].join(' \\\n'),
  ].join('\n');
}

/** `clientPackage`: the client package's name as top-openapi.config.json sets it. */
export function tsExample(op: OperationModel, clientPackage = '@top-payments/client'): string {
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

const pretty = prettyJson;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Identifiers wrap at sensible points on a phone: after dots, underscores and
 * slashes, and between the words of a CamelCase type, never mid-word.
 */
export function breakableHtml(text: string): string {
  return escapeHtml(text)
    .replace(/([._/=]|\]\.?)(?=.)/g, '$1<wbr>')
    .replace(/([a-z])([A-Z])/g, '$1<wbr>$2');
}

/**
 * The spec's descriptions use `backticks` for code. Escaped first, then the
 * backtick spans become <code>: the result is safe to print unescaped.
 */
export function inlineHtml(text: string, lang: 'en' | 'zh' = 'zh'): string {
  const html = escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
  // Chinese quoted inside English prose is marked as such, for screen readers and fonts.
  return lang === 'en' ? html.replace(/[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+/g, '<span lang="zh-CN">$&</span>') : html;
}

/** What a caller should do about each platform code (top-protocol.md §6: the sub_code decides). */
const RETRY: Record<number, { retry: 'yes' | 'no' | 'depends'; advice: string }> = {
  7: { retry: 'yes', advice: 'Yes, after the wait that sub_msg names; same idempotency key.' },
  10: { retry: 'yes', advice: 'Yes, after a while, with the same idempotency key.' },
  15: { retry: 'depends', advice: 'Only when sub_code starts with isp. (later, same idempotency key); never for isv.' },
  25: { retry: 'no', advice: 'No: recompute the sign (sorted parameters, right secret and sign_method).' },
  27: { retry: 'no', advice: 'No: get a fresh session from the user.' },
  31: { retry: 'no', advice: 'No: send the current GMT+8 time (±10 minutes) and sign again.' },
  50: { retry: 'depends', advice: 'Only when sub_code starts with isp. (later, same idempotency key); never for isv.' },
};
const NO_RETRY = { retry: 'no' as const, advice: 'No: the request must be fixed first.' };

export function errorRows() {
  return Object.entries(PLATFORM_MESSAGES).map(([code, msg]) => ({ code, msg, ...(RETRY[Number(code)] ?? NO_RETRY) }));
}

export const SECTIONS = [
  { id: 'request', label: 'Request parameters' },
  { id: 'response', label: 'Response fields' },
  { id: 'examples', label: 'Response examples' },
  { id: 'errors', label: 'Errors' },
  { id: 'typescript', label: 'TypeScript' },
  { id: 'curl', label: 'curl' },
  { id: 'try', label: 'Try it' },
];

export interface SearchEntry {
  /** What it is: an API, a request field or a response field. */
  kind: 'api' | 'request' | 'response' | 'system' | 'error';
  /** The title shown in the result list. */
  title: string;
  /** A short line under the title. */
  detail: string;
  /** Relative to the site root. */
  href: string;
  /** Lower-case text the query is matched against. */
  text: string;
}

export function docsView(model: ApiModel, clientPackage?: string) {
  const production = model.servers[0]?.url ?? 'https://eco.taobao.com';
  const gateway = `${production}${GATEWAY_PATH}`;
  const systemRows = model.systemParameters.map((p) => {
    const en = p.description.en;
    const zh = p.description.zh;
    return {
      name: p.name,
      id: `sys-${p.name}`,
      type: String((p.schema as { type?: string }).type ?? 'string'),
      required: p.required,
      requiredText: p.required ? 'required' : p.name === 'session' ? 'for APIs that act for a user' : 'optional',
      values: Array.isArray((p.schema as { enum?: unknown[] }).enum) ? (p.schema as { enum: unknown[] }).enum.join(' | ') : '',
      en: inlineHtml(en, 'en'),
      zh: inlineHtml(zh),
      zhIsChinese: CJK.test(zh),
      plainEn: en,
      plainZh: zh,
    };
  });
  const errors = errorRows();
  const search: SearchEntry[] = [];
  const operations = model.operations.map((op) => {
    const demo = demoCall(op);
    const success = op.jsonExamples.find((e) => e.name === 'success');
    const error = op.jsonExamples.find((e) => e.name === 'error');
    const href = `api/${op.method}.html`;
    const requestRows = rows(op.params, 'req');
    const responseRows = rows(op.response, 'res');
    const summaryEn = op.summary.en;
    const summaryZh = op.summary.zh;
    // An API is found by its fields' names too: `tenant_id` lists the field and the API that has it.
    search.push({
      kind: 'api',
      title: op.method,
      detail: `${summaryEn} · ${summaryZh}`,
      href,
      text: [op.method, op.operationId, summaryEn, summaryZh, ...requestRows.map((r) => r.path), ...responseRows.map((r) => r.path)].join(' ').toLowerCase(),
    });
    for (const [kind, list] of [
      ['request', requestRows],
      ['response', responseRows],
    ] as const) {
      for (const r of list) {
        search.push({
          kind,
          title: r.path,
          detail: `${op.method} · ${kind} · ${r.plainZh || r.plainEn}`.slice(0, 140),
          href: `${href}#${r.id}`,
          text: [r.path, r.plainEn, r.plainZh].join(' ').toLowerCase(),
        });
      }
    }
    const fields = exampleFields(op);
    return {
      method: op.method,
      methodHtml: breakableHtml(op.method),
      responseRootHtml: breakableHtml(op.responseRoot),
      operationId: op.operationId,
      href,
      summaryEn,
      summaryZh,
      descriptionEn: inlineHtml(op.description.en, 'en'),
      descriptionZh: op.description.zh !== op.summary.zh ? inlineHtml(op.description.zh) : '',
      session: op.session,
      sessionText: op.session ? "Required: pass the user's session" : 'Not needed',
      // `a`, else `b`: first present wins; a query or a write without a key says so.
      idempotencyHtml: inlineHtml(
        op.query
          ? 'None: a query changes nothing, so resending it is safe.'
          : op.idempotencyKey.length === 0
            ? 'None: this API changes state but has no key; after a failure that may have reached the gateway, find out what it did before calling again.'
            : `${op.idempotencyKey.map((k) => `\`${k}\``).join(', else ')}: a retry must carry the same value.`,
        'en',
      ),
      responseRoot: op.responseRoot,
      deprecated: op.deprecated,
      requestRows,
      responseRows,
      filterText: [op.method, summaryEn, summaryZh, op.operationId, ...op.idempotencyKey, ...requestRows.map((r) => r.path), ...responseRows.map((r) => r.path)].join(' ').toLowerCase(),
      successJson: success ? pretty(wireAnswerExample(op, success.value)) : '',
      successXml: String(op.xmlExamples.find((e) => e.name === 'success')?.value ?? ''),
      errorJson: error ? pretty(error.value) : '',
      errorXml: String(op.xmlExamples.find((e) => e.name === 'error')?.value ?? ''),
      typescript: tsExample(op, clientPackage),
      curl: curlScript(op),
      signingString: demo.signingString,
      sign: demo.sign,
      sections: SECTIONS.map((s) => ({ ...s, href: `${href}#${s.id}` })),
      // The Try-it form: one input per business parameter, filled from the spec's example.
      tryFields: op.params.map((p) => {
        const value = fields[p.name] ?? '';
        return { name: p.name, id: `try-param-${p.name}`, required: p.required, value, multiline: value.length > 60 || value.startsWith('{') || value.startsWith('[') };
      }),
    };
  });
  for (const r of systemRows)
    search.push({
      kind: 'system',
      title: r.name,
      detail: `system parameter · ${r.plainZh || r.plainEn}`.slice(0, 140),
      href: `shared.html#${r.id}`,
      text: [r.name, r.plainEn, r.plainZh].join(' ').toLowerCase(),
    });
  for (const e of errors)
    search.push({ kind: 'error', title: `code ${e.code}`, detail: `${e.msg} · ${e.advice}`, href: `shared.html#code-${e.code}`, text: [`code ${e.code}`, e.msg, e.advice].join(' ').toLowerCase() });
  return {
    title: model.title,
    version: model.version,
    apiCount: model.operations.length === 1 ? 'One API' : `${model.operations.length} APIs`,
    int64Note: INT64_NOTE,
    demo: DEMO,
    mockGateway: MOCK_GATEWAY,
    gateway,
    servers: model.servers,
    operations,
    systemRows,
    errorCodes: errors,
    search,
  };
}
