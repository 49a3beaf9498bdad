// The segments of each path, split once: the paths are the spec's (a few an operation), and are read twice a call.
const segmentsOf = new Map();
/** The value at a dotted path (`param0.pre_pay_no`) of decoded parameters, if present. */
export function valueAtPath(params, path) {
    let segments = segmentsOf.get(path);
    if (segments === undefined) {
        segments = path.split('.');
        // Paths come from descriptors, but a caller could pass any: never more than a spec's worth kept.
        if (segmentsOf.size >= 1024)
            segmentsOf.clear();
        segmentsOf.set(path, segments);
    }
    let current = params;
    for (const segment of segments) {
        if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment))
            return undefined;
        current = current[segment];
    }
    return current;
}
/** The idempotency key of a call: the first candidate path that holds a non-empty value. */
export function idempotencyKeyOf(op, params) {
    for (const path of op.idempotencyKey) {
        const value = valueAtPath(params, path);
        if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'bigint' || typeof value === 'number')
            return { path, value: String(value) };
    }
    return undefined;
}
