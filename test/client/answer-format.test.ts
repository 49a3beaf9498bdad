// Which answers the client reads as XML: a declaration or a `<…_response>`
// root after any white space the regular expression's \s allows (the
// character check in front of it must not turn any of these away), and
// nothing else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operations } from '../../generated/client/src/operations.ts';
import { ClientCore } from '../../generated/client/src/runtime/client/client-core.ts';
import { TopDecodeError, TopError } from '../../generated/client/src/runtime/client/errors.ts';

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
