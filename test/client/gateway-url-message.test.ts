// A gateway that is not a URL is named in quotes: an empty (or blank) one read
// "options.gateway is not a URL: " with nothing after it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TopClient } from '../../generated/client/src/index.ts';

test('a gateway that is not a URL is quoted in the refusal, so an empty one shows', () => {
  assert.throws(() => new TopClient({ appKey: 'k', appSecret: 's', gateway: '' }), /^TypeError: TopClient: options\.gateway is not a URL: ""$/);
  assert.throws(() => new TopClient({ appKey: 'k', appSecret: 's', gateway: '  ' }), /options\.gateway is not a URL: " {2}"$/);
  assert.throws(() => new TopClient({ appKey: 'k', appSecret: 's', gateway: 'router/rest' }), /options\.gateway is not a URL: "router\/rest"$/);
  assert.throws(() => new TopClient({ appKey: 'k', appSecret: 's', gateway: 42 as never }), /options\.gateway is not a URL: 42$/);
});
