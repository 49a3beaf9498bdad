// Which answers the client reads as XML: a declaration or a `<…_response>`
// root after any white space the regular expression's \s allows (the
// character check in front of it must not turn any of these away), and
// nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { operations } from '../../generated/client/src/operations.ts';
import { ClientCore } from '../../generated/client/src/runtime/client/client-core.ts';
import { TopDecodeError, TopError } from '../../generated/client/src/runtime/client/errors.ts';

const SEED = Number(process.env.FC_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`# answer-format: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);

const core = new ClientCore({ appKey: 'k', appSecret: 's' });
const op = operations.alibabaAlisportsLianbeiXposPay;
const XML_ERROR = '<?xml version="1.0" encoding="utf-8"?><error_response><code>7</code><msg>limit</msg></error_response>';
const ROOT_ERROR = '<error_response><code>7</code><msg>limit</msg></error_response>';

const xmlRows: [string, string][] = [
  ['no white space', XML_ERROR],
  ['spaces, CR, LF and tab', ` \r\n\t${XML_ERROR}`],
  ['vertical tab', `\u000b${XML_ERROR}`],
  ['form feed', `\u000c${XML_ERROR}`],
  ['no-break space', `\u00a0${XML_ERROR}`],
  ['byte order mark (node:http keeps it)', `\ufeff${XML_ERROR}`],
  ['line separator', `\u2028 ${XML_ERROR}`],
  ['a `_response` root without a declaration', `\n${ROOT_ERROR}`],
];
for (const [name, text] of xmlRows) {
  test(`read as XML: ${name}`, () => {
    assert.throws(
      () => core.decode(op, 200, text),
      (e: unknown) => e instanceof TopError && e.code === 7 && e.message.includes('limit'),
    );
  });
}

const notXmlRows: [string, string][] = [
  ['text before the tag', `x${XML_ERROR}`],
  ['a tag that is neither a declaration nor a `_response` root', '<html><body>502</body></html>'],
  ['an empty answer', ''],
  ['white space only', ' \n'],
];
for (const [name, text] of notXmlRows) {
  test(`not XML, so refused as JSON: ${name}`, () => {
    assert.throws(
      () => core.decode(op, 200, text),
      (e: unknown) => e instanceof TopDecodeError && /^.*not JSON/.test(e.message),
    );
  });
}

// From the review rev4: XML is recognised exactly as the regular expression alone did before 9fcd983.
const OLD_XML = /^\s*<(\?xml|[A-Za-z_][\w.-]*_response[\s>])/;
test(`decode reads an answer as XML exactly when the old regular expression did (seed ${SEED})`, () => {
  const core = new ClientCore({ appKey: 'k', appSecret: 's' });
  const space = fc.constantFrom(
    ' ',
    '\n',
    '\r',
    '\t',
    '\u000b',
    '\u000c',
    '\u00a0',
    '\ufeff',
    '\u2028',
    '\u2029',
    '\u1680',
    '\u2000',
    '\u200a',
    '\u202f',
    '\u205f',
    '\u3000',
    '\u0085',
    '\u180e',
    '\u200b',
    '\u001c',
    '\u0000',
    'x',
    '{',
  );
  const body = fc.constantFrom(
    '<?xml version="1.0" encoding="utf-8"?><error_response><code>7</code><msg>limit</msg></error_response>',
    '<error_response><code>7</code><msg>limit</msg></error_response>',
    '<error_response\n><code>7</code></error_response>',
    '<html><body>502</body></html>',
    '<error_responsex><code>7</code></error_responsex>',
    '{"error_response":{"code":7,"msg":"limit"}}',
  );
  fc.assert(
    fc.property(fc.array(space, { maxLength: 4 }), body, (prefix, b) => {
      const text = prefix.join('') + b;
      const wasXml = OLD_XML.test(text);
      let got: string;
      try {
        core.decode(op, 200, text);
        got = 'ok';
      } catch (e) {
        got = e instanceof TopError ? 'TopError' : e instanceof TopDecodeError ? (/not XML/.test(e.message) ? 'not XML' : /not JSON/.test(e.message) ? 'not JSON' : 'decode') : 'other';
      }
      // Read as XML: an error_response gives TopError (or "not XML"); not XML: never "not XML".
      if (wasXml) assert.ok(got === 'TopError' || got === 'not XML', `${JSON.stringify(text)}: old rule XML, got ${got}`);
      else assert.notEqual(got, 'not XML', `${JSON.stringify(text)}: old rule not XML`);
      if (!wasXml && !b.startsWith('{')) assert.equal(got, 'not JSON', `${JSON.stringify(text)}`);
    }),
    { seed: SEED, numRuns: 800 },
  );
});

// Hostile answers end to end: decode throws only the client's errors, leaves Object.prototype alone, and keeps int64 exact.
test(`decode of hostile JSON answers throws only TopDecodeError/TopError and pollutes nothing (seed ${SEED})`, () => {
  const core = new ClientCore({ appKey: 'k', appSecret: 's' });
  const ops = Object.values(operations);
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'error_response', 'request_id', 'code', 'result', 'data', 'success');
  const num = fc.constantFrom('9007199254740993', '-9223372036854775808', '1e400', '9007199254740993.0', '1.5', '0', '-0', '12345678901234567890123456789');
  const leaf = fc.oneof(num, fc.constantFrom('"\\u0000int:1"', '"x"', 'true', 'null', '"\\\\"', '"9007199254740993"'));
  const { value } = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      leaf,
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  }));
  fc.assert(
    fc.property(fc.nat(), value, fc.boolean(), (which, inner, simplified) => {
      const op = ops[which % ops.length]!;
      const text = `{"${op.responseRoot}":${inner}}`;
      try {
        core.decode(op, 200, text, simplified);
      } catch (e) {
        assert.ok(e instanceof TopDecodeError || e instanceof TopError, `${text}: ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
      }
      assert.equal(Object.getOwnPropertyNames(Object.prototype).includes('polluted'), false);
      assert.equal(({} as Record<string, unknown>).code, undefined, `${text} polluted Object.prototype`);
    }),
    { seed: SEED, numRuns: 800 },
  );
});
