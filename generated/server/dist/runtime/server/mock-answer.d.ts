/** A response path and the request path it echoes; `$app_key` is the caller's app key. */
export type Echo = readonly [responsePath: string, requestPath: string];
export declare function answerFromExample(example: unknown, echoes: readonly Echo[], params: unknown, appKey: string): Record<string, unknown>;
