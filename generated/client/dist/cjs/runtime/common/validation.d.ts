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
export declare function toFieldProblems(errors: readonly ValidatorError[], prefix?: string): FieldProblem[];
/** Which problems are about a field that is absent (TOP code 40) rather than invalid (41). */
export declare function isMissing(error: ValidatorError): boolean;
