// Copied from runtime/common/params.ts by the TOP generator: edit that file, then regenerate.
// Business parameters on the wire: one form field each, a DTO or list as
// compact JSON text, an int64 as digits, a boolean as true/false.
import type { FieldProblem } from './validation.ts';
import { parseJsonAs, stringifyJson } from './json.ts';
import { reviveInt64, type Shape } from './shape.ts';
import { isSendable } from './sign.ts';

export interface ParamSpec {
  readonly shape: Shape;
  readonly required: boolean;
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/**
 * Whether a string can be sent as UTF-8: a lone surrogate cannot. (Inside a
 * DTO it can: JSON writes it as a \u escape, so only plain string parameters
 * need the check.)
 */
function wellFormed(text: string): boolean {
  return (text as string & { isWellFormed(): boolean }).isWellFormed();
}

export function encodeParam(value: unknown, shape: Shape): string {
  switch (shape.type) {
    case 'object':
    case 'array':
      return stringifyJson(value, shape);
    case 'int64':
      return typeof value === 'bigint' ? value.toString() : String(value);
    default:
      return String(value);
  }
}

/**
 * Encodes validated business parameters into form fields. A parameter whose
 * text would be empty is not sent (TOP drops it); a required one is then a
 * problem, not a silent omission.
 */
export function encodeParams(params: Readonly<Record<string, unknown>>, specs: ParamSpecs): { fields: Record<string, string>; problems: FieldProblem[] } {
  const fields: Record<string, string> = {};
  const problems: FieldProblem[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && !wellFormed(value)) {
      problems.push({ path: name, message: 'holds a lone UTF-16 surrogate, which cannot be sent as UTF-8' });
      continue;
    }
    let text: string;
    try {
      text = encodeParam(value, spec.shape);
    } catch (error) {
      problems.push({ path: name, message: `cannot be encoded: ${(error as Error).message}` });
      continue;
    }
    if (!isSendable(text)) {
      if (spec.required) problems.push({ path: name, message: 'is required, and TOP does not send an empty or blank value' });
      continue;
    }
    fields[name] = text;
  }
  return { fields, problems };
}

/**
 * Decodes form fields back into typed business parameters (the gateway's
 * side). A DTO whose JSON does not parse is reported by path; a value of the
 * wrong type is left as it came for the validator to name.
 */
export function decodeParams(fields: Readonly<Record<string, string>>, specs: ParamSpecs): { params: Record<string, unknown>; problems: FieldProblem[] } {
  const params: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const text = fields[name];
    if (!isSendable(text)) continue;
    switch (spec.shape.type) {
      case 'object':
      case 'array':
        try {
          params[name] = parseJsonAs(text, spec.shape);
        } catch (error) {
          problems.push({ path: name, message: `is not valid JSON: ${(error as Error).message}` });
        }
        break;
      case 'boolean':
        params[name] = text === 'true' ? true : text === 'false' ? false : text;
        break;
      case 'int64':
        params[name] = reviveInt64(text, spec.shape);
        break;
      case 'number':
        params[name] = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
        break;
      default:
        params[name] = text;
    }
  }
  return { params, problems };
}
