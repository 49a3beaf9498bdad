// A top-level parameter's documented default (默认值) is applied by the
// gateway when the caller leaves the parameter out, and then validated like
// anything a caller sends. A default of the wrong type made the runtime's
// encoder throw mid-render (no place given); a default outside its own
// constraints generated fine and then every call that left the parameter
// out was answered 41 isv.invalid-parameter:<name>. Both are spec errors.
import { isPriceText, isTopDateText } from '../../runtime/common/top-values.ts';
import { defaultText } from './runtime-shapes.ts';
import { type FieldModel, ModelError } from './types.ts';

const shown = (value: unknown) => JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
const less = (a: number | bigint, b: number | bigint) => (typeof a === typeof b ? a < b : Number(a) < Number(b));
const numeric = (v: unknown): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';
// An int64 is a bigint or a number, whichever the spec's digits gave: equal by value.
const same = (a: unknown, b: unknown) => (numeric(a) && numeric(b) ? String(a) === String(b) : shown(a) === shown(b));

/** What is wrong with a default the gateway would apply, or undefined. */
function constraintProblem(param: FieldModel, text: string): string | undefined {
  const { constraints: c, shape } = param;
  const value = param.default;
  if (c.enum && !c.enum.some((e) => same(e, value))) return `is not one of its enum ${shown(c.enum)}`;
  if (numeric(value)) {
    if (c.minimum !== undefined && less(value, c.minimum)) return `is below its minimum ${c.minimum}`;
    if (c.maximum !== undefined && less(c.maximum, value)) return `is above its maximum ${c.maximum}`;
  }
  if (shape.kind === 'date-time' || shape.kind === 'date') {
    if (!isTopDateText(text, shape.kind)) return `is not a TOP ${shape.kind === 'date' ? 'date (yyyy-MM-dd)' : 'date-time (yyyy-MM-dd HH:mm:ss)'}`;
  }
  if (shape.kind === 'price' && !isPriceText(text)) return 'is not a Price (decimal text such as 207.02)';
  if (typeof value === 'string') {
    const length = [...value].length;
    if (c.maxLength !== undefined && length > c.maxLength) return `is longer than its maxLength ${c.maxLength}`;
    if (c.minLength !== undefined && length < c.minLength) return `is shorter than its minLength ${c.minLength}`;
    if (c.pattern !== undefined && !new RegExp(c.pattern, 'u').test(value)) return `does not match its pattern ${c.pattern}`;
  }
  if (Array.isArray(value)) {
    if (c.maxItems !== undefined && value.length > c.maxItems) return `has more items than its maxItems ${c.maxItems}`;
    if (c.minItems !== undefined && value.length < c.minItems) return `has fewer items than its minItems ${c.minItems}`;
  }
  return undefined;
}

/** Throws a ModelError at the default when the gateway could not apply it. */
export function checkDefault(param: FieldModel): void {
  let text: string | undefined;
  try {
    text = defaultText(param);
  } catch (error) {
    throw new ModelError(`${param.pointer}/default`, `\`${param.name}\`'s default ${shown(param.default)} is not a ${param.topType}: ${(error as Error).message}`);
  }
  if (text === undefined) return;
  const problem = constraintProblem(param, text);
  if (problem !== undefined) {
    throw new ModelError(
      `${param.pointer}/default`,
      `\`${param.name}\`'s default ${shown(param.default)} ${problem}: the gateway applies it to every call that leaves \`${param.name}\` out, and would refuse it (41 isv.invalid-parameter:${param.name})`,
    );
  }
}
