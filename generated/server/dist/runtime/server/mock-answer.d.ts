/** A response path and the request path it echoes; `$app_key` is the caller's app key. */
export type Echo = readonly [responsePath: string, requestPath: string];
/**
 * The example answer with the caller's own values echoed, and the fields the
 * XML example shows empty (`<buyer_id></buyer_id>`) present as null: the JSON
 * answer leaves them out, the XML answer writes them empty, as TOP does.
 */
export declare function answerFromExample(example: unknown, echoes: readonly Echo[], params: unknown, appKey: string, empty?: readonly string[]): Record<string, unknown>;
