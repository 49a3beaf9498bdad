// Turns the errors of an ajv standalone validator into field problems with
// dotted paths. The validators are compiled by the generator; nothing here
// depends on ajv.

export interface FieldProblem {
  /** Dotted path of the field, e.g. `request_param.tenant_id`; `session` for a missing session. */
  path: string;
  message: string;
}

/** The part of ajv's ErrorObject this module reads. */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An ajv standalone validate function. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ValidatorError[] | null;
}

function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`))
    .join('');
}

const join = (base: string, name: string) => (base ? `${base}.${name}` : name);

export function toFieldProblems(errors: readonly ValidatorError[], prefix = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // An answer field may be null (absent): its `anyOf` and `null` branch errors say nothing the real one does not.
    if (e.keyword === 'anyOf' || (e.keyword === 'type' && e.params.type === 'null')) continue;
    let path = dotted(e.instancePath);
    let message = e.message ?? e.keyword;
    if (e.keyword === 'required') {
      path = join(path, String(e.params.missingProperty));
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      path = join(path, String(e.params.additionalProperty));
      message = 'is not a field of this API';
    } else if (e.keyword === 'x-int64') {
      message = 'must be an int64: an integer from -2^63 to 2^63-1 (in TypeScript, a bigint)';
    } else if (e.keyword === 'enum') {
      message = `must be one of ${JSON.stringify(e.params.allowedValues)}`;
    }
    const full = prefix ? (path ? `${prefix}.${path}` : prefix) : path || '(root)';
    const key = `${full}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: full, message });
  }
  return problems;
}

/** Which problems are about a field that is absent (TOP code 40) rather than invalid (41). */
export function isMissing(error: ValidatorError): boolean {
  return error.keyword === 'required';
}
