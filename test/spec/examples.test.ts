// Every example in the spec validates against its own schema (issue: examples
// that hold). Uses the OpenAPI 3.1 dialect with formats on.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectExamples } from '../../generator/load/collect-examples.ts';
import { loadSpec } from '../../generator/load/load-spec.ts';
import { createOasAjv, SPEC_ID } from '../../generator/load/oas-ajv.ts';

const { document } = await loadSpec('spec/openapi.yaml');
const ajv = createOasAjv(document);
const cases = collectExamples(document);

test('the spec holds examples for every operation and most fields', () => {
  // 5 operations × (request + JSON success + JSON error + XML success + XML error) = 25,
  // plus one per schema field that the seeds give an example for.
  const mediaExamples = cases.filter((c) => c.where.startsWith('#/paths/'));
  assert.equal(mediaExamples.filter((c) => c.where.includes('/requestBody/')).length, 5);
  assert.equal(mediaExamples.filter((c) => c.where.includes('/responses/')).length, 20);
  assert.ok(cases.length > 100, `only ${cases.length} examples found`);
});

for (const example of cases) {
  test(`example ${example.where}`, () => {
    const validate = ajv.compile({ $ref: `${SPEC_ID}${example.schemaPointer}` });
    const ok = validate(example.value);
    assert.ok(ok, `${example.where} does not fit ${example.schemaPointer}: ${ajv.errorsText(validate.errors)}`);
  });
}

test('a wrong example is caught (the check can fail)', () => {
  const validate = ajv.compile({ $ref: `${SPEC_ID}#/components/schemas/TenderPrepayTopResult` });
  assert.equal(validate({ pre_pay_action: '预付款执行动作' }), false);
  assert.match(ajv.errorsText(validate.errors), /pre_pay_action must be integer/);
});
