// Copied from runtime/server/mock-answer.ts by the TOP generator: edit that file, then regenerate.
// Answers for the mock gateway: the spec's example answer, with the fields
// that echo a request field (same name, same type) taken from the request, so
// a caller sees its own ids come back.
import { valueAtPath } from "../common/operation.js";
/**
 * The example answer with the caller's own values echoed, and the fields the
 * XML example shows empty (`<buyer_id></buyer_id>`) present as null: the JSON
 * answer leaves them out, the XML answer writes them empty, as TOP does.
 */
export function answerFromExample(example, echoes, params, appKey, empty = []) {
    const answer = structuredClone(example);
    for (const path of empty) {
        const segments = path.split('.');
        let node = answer;
        for (const segment of segments.slice(0, -1)) {
            const next = node[segment];
            node = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : undefined;
            if (!node)
                break;
        }
        if (node && !Object.hasOwn(node, segments.at(-1)))
            node[segments.at(-1)] = null;
    }
    for (const [responsePath, requestPath] of echoes) {
        const value = requestPath === '$app_key' ? appKey : valueAtPath(params, requestPath);
        if (value === undefined)
            continue;
        const segments = responsePath.split('.');
        let node = answer;
        for (const segment of segments.slice(0, -1)) {
            const next = node[segment];
            if (typeof next !== 'object' || next === null)
                node[segment] = {};
            node = node[segment];
        }
        node[segments.at(-1)] = value;
    }
    return answer;
}
