// Copied from runtime/common/json.ts by the TOP generator: edit that file, then regenerate.
// Lossless JSON for TOP. Every TOP `Number` is a Java Long, and real ids pass
// 2^53, which JSON.parse rounds. Reading: JSON.parse when no integer could be
// unsafe (the common case); otherwise the long integer tokens outside strings
// are quoted with a marker, JSON.parse does the rest at native speed, and the
// marked strings become bigint (or number, when still safe). Writing: compact,
// null and undefined fields left out (as the Java SDK's JSONWriter does),
// bigint as digits.
import { isMarked, MARKER_IN_JSON, markedDigits } from "./int-marker.js";
import { needsRevival, reviveInt64 } from "./shape.js";
import { formatTopDate } from "./top-values.js";
const MAX_DEPTH = 512;
// A run of 16 or more digits (the shortest text that can hold an unsafe
// integer): an integer token when it is outside a string and not part of a
// fraction or an exponent (checked around each match). Without one anywhere
// in the text JSON.parse is exact.
const LONG_RUN = /\d{16,}/g;
export function parseJson(text) {
    const { value, marks } = parseMarked(text);
    return marks === 0 ? value : restore(value, 0, { marks });
}
/** `c` is part of a JSON number token's text (a digit, `.`, `e`, `E`, `+`, `-`). */
const isNumberPart = (c) => (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
/** The index after JSON white space from `at`. */
function skipWhiteSpace(text, at) {
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at))
        ;
    return at;
}
/**
 * JSON.parse of the text with its long integer tokens quoted with the marker
 * (`marks` of them, left for the caller to make numbers again), or of the
 * text itself when it has none.
 */
function parseMarked(text) {
    LONG_RUN.lastIndex = 0;
    let m = LONG_RUN.exec(text);
    if (m === null)
        return { value: JSON.parse(text), marks: 0 };
    if (text.includes('\\u0000'))
        return { value: new LosslessParser(text).parseDocument(), marks: 0 };
    // Quote the long integer tokens outside strings. Only the quotes between one
    // long run and the next are looked at (indexOf), to know whether a run sits
    // inside a string; the text is copied once, around the runs that are marked.
    let out = '';
    let marks = 0;
    let copied = 0;
    let scanned = 0;
    let inString = false;
    for (; m !== null; m = LONG_RUN.exec(text)) {
        const start = m.index;
        while (scanned < start) {
            const quote = text.indexOf('"', scanned);
            if (quote === -1 || quote >= start) {
                scanned = start;
                break;
            }
            scanned = quote + 1;
            if (inString) {
                // Escaped (an odd run of backslashes before it): still inside the string.
                let backslashes = 0;
                while (text.charCodeAt(quote - 1 - backslashes) === 0x5c)
                    backslashes++;
                if (backslashes % 2 === 1)
                    continue;
            }
            inString = !inString;
        }
        if (inString)
            continue;
        const end = start + m[0].length;
        const tokenStart = text.charCodeAt(start - 1) === 0x2d ? start - 1 : start; // a minus sign belongs to the token
        if (tokenStart > 0 && isNumberPart(text.charCodeAt(tokenStart - 1)))
            continue; // a fraction's or exponent's digits
        const next = text.charCodeAt(end);
        if (next === 0x2e || next === 0x65 || next === 0x45)
            continue; // followed by a fraction or exponent: not an integer
        // Not JSON, left for JSON.parse to refuse: a leading zero (`00…1`), and a
        // number where a key goes (`{1234…:1}`), which quoting would make valid.
        if (text.charCodeAt(start) === 0x30 || text.charCodeAt(skipWhiteSpace(text, end)) === 0x3a)
            continue;
        out += `${text.slice(copied, tokenStart)}"${MARKER_IN_JSON}${text.slice(tokenStart, end)}"`;
        copied = end;
        marks++;
    }
    if (copied === 0)
        return { value: JSON.parse(text), marks: 0 };
    out += text.slice(copied);
    try {
        return { value: JSON.parse(out), marks };
    }
    catch (error) {
        // Report against the text as given, not the marked copy.
        if (error instanceof RangeError)
            throw new SyntaxError(`JSON: nesting too deep`);
        return { value: new LosslessParser(text).parseDocument(), marks: 0 };
    }
}
// A digit followed by a fraction or an exponent: the text may hold a number token that JSON.parse would round.
const DECIMAL_FORM = /\d[.eE]/;
/** A number token written with a fraction or an exponent, kept as its text until its shape is known. */
class DecimalToken {
    text;
    constructor(text) {
        this.text = text;
    }
}
/**
 * Parses JSON for a value of `shape`, int64 fields as bigint. An int64 field
 * written with a fraction or an exponent (`1.0`, `9.007199254740993e15`) is
 * left as its text, which the int64 check then refuses by path: its value is
 * never decided by a double, so nothing is rounded. Elsewhere such numbers are
 * ordinary numbers.
 */
export function parseJsonAs(text, shape) {
    if (!needsRevival(shape))
        return parseJson(text);
    if (DECIMAL_FORM.test(text))
        return reviveInt64(settleDecimals(new LosslessParser(text, true).parseDocument(), shape, 0), shape);
    const { value, marks } = parseMarked(text);
    if (marks === 0)
        return reviveInt64(value, shape);
    // The shape's walk makes the marks in int64 fields bigint as it goes (most
    // often all of them: long integers are ids); only marks left elsewhere (a
    // field the spec does not know) need the walk through the whole value.
    const left = { marks };
    const revived = reviveInt64(value, shape, left);
    return left.marks === 0 ? revived : restore(revived, 0, left);
}
function settleDecimals(value, shape, depth) {
    if (value instanceof DecimalToken)
        return shape?.type === 'int64' ? value.text : Number(value.text);
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH)
        return value;
    if (Array.isArray(value)) {
        const items = shape?.type === 'array' ? shape.items : undefined;
        for (let i = 0; i < value.length; i++)
            value[i] = settleDecimals(value[i], items, depth + 1);
        return value;
    }
    const record = value;
    // A list as TOP wraps it, {"trade":[…]} (see fromWire): what the item element holds is the list, or one item.
    const fieldShape = (key) => {
        if (shape?.type === 'array')
            return Array.isArray(record[key]) ? shape : shape.items;
        return shape?.type === 'object' && Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
    };
    for (const key of Object.keys(record)) {
        const settled = settleDecimals(record[key], fieldShape(key), depth + 1);
        if (settled !== record[key])
            Object.defineProperty(record, key, { value: settled, writable: true, enumerable: true, configurable: true });
    }
    return record;
}
/**
 * The marked strings of `value` made numbers again, in place. `left.marks`
 * counts the marks not yet found: the walk stops once it is 0, so the rest of
 * a large answer is not visited for nothing (the marks are most often in the
 * first fields).
 */
function restore(value, depth, left) {
    if (typeof value === 'string') {
        if (!isMarked(value))
            return value;
        left.marks--;
        const digits = markedDigits(value);
        const asNumber = Number(digits);
        return Number.isSafeInteger(asNumber) ? asNumber : BigInt(digits);
    }
    if (typeof value !== 'object' || value === null)
        return value;
    if (depth > MAX_DEPTH)
        throw new SyntaxError(`JSON: nesting deeper than ${MAX_DEPTH}`);
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length && left.marks > 0; i++)
            value[i] = restore(value[i], depth + 1, left);
        return value;
    }
    const record = value;
    // for…in allocates no key list; an inherited key (a polluted prototype) is never walked into.
    for (const key in record) {
        const item = record[key];
        // Only objects and marked strings can change: the rest (most) is skipped without a call.
        if (typeof item === 'string' ? !isMarked(item) : typeof item !== 'object' || item === null || !Object.hasOwn(record, key))
            continue;
        const restored = restore(item, depth + 1, left);
        // Assigning is safe for every key JSON.parse made, `__proto__` included: its own
        // data property shadows the prototype's setter (test/runtime/common/json.test.ts).
        if (restored !== item)
            record[key] = restored;
        if (left.marks === 0)
            break;
    }
    return record;
}
class LosslessParser {
    text;
    keepDecimals;
    pos = 0;
    /** keepDecimals: number tokens with a fraction or exponent become DecimalTokens (see parseJsonAs). */
    constructor(text, keepDecimals = false) {
        this.text = text;
        this.keepDecimals = keepDecimals;
    }
    parseDocument() {
        const value = this.value(0);
        this.skipSpace();
        if (this.pos !== this.text.length)
            this.fail('unexpected text after the JSON value');
        return value;
    }
    fail(what) {
        throw new SyntaxError(`JSON: ${what} at position ${this.pos}`);
    }
    skipSpace() {
        const t = this.text;
        while (this.pos < t.length) {
            const c = t.charCodeAt(this.pos);
            if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)
                this.pos++;
            else
                break;
        }
    }
    value(depth) {
        if (depth > MAX_DEPTH)
            this.fail(`nesting deeper than ${MAX_DEPTH}`);
        this.skipSpace();
        const c = this.text[this.pos];
        if (c === '{')
            return this.object(depth);
        if (c === '[')
            return this.array(depth);
        if (c === '"')
            return this.string();
        if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
            return this.number();
        for (const [word, result] of [
            ['true', true],
            ['false', false],
            ['null', null],
        ]) {
            if (this.text.startsWith(word, this.pos)) {
                this.pos += word.length;
                return result;
            }
        }
        return this.fail(c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`);
    }
    object(depth) {
        const out = {};
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === '}') {
            this.pos++;
            return out;
        }
        for (;;) {
            this.skipSpace();
            if (this.text[this.pos] !== '"')
                this.fail('expected a property name');
            const key = this.string();
            this.skipSpace();
            if (this.text[this.pos] !== ':')
                this.fail("expected ':'");
            this.pos++;
            const value = this.value(depth + 1);
            // Define, never assign: `out["__proto__"] = v` would replace the prototype.
            Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
            this.skipSpace();
            const c = this.text[this.pos++];
            if (c === '}')
                return out;
            if (c !== ',')
                this.fail("expected ',' or '}'");
        }
    }
    array(depth) {
        const out = [];
        this.pos++;
        this.skipSpace();
        if (this.text[this.pos] === ']') {
            this.pos++;
            return out;
        }
        for (;;) {
            out.push(this.value(depth + 1));
            this.skipSpace();
            const c = this.text[this.pos++];
            if (c === ']')
                return out;
            if (c !== ',')
                this.fail("expected ',' or ']'");
        }
    }
    string() {
        const t = this.text;
        const start = this.pos;
        let i = start + 1;
        let escaped = false;
        for (; i < t.length; i++) {
            const c = t.charCodeAt(i);
            if (c === 0x5c) {
                escaped = true;
                i++;
            }
            else if (c === 0x22)
                break;
            else if (c < 0x20) {
                this.pos = i;
                this.fail('control character in string');
            }
        }
        if (i >= t.length) {
            this.pos = t.length;
            this.fail('unterminated string');
        }
        this.pos = i + 1;
        // Escapes are JSON.parse's job: it knows every rule (\u, surrogates...).
        return escaped ? JSON.parse(t.slice(start, i + 1)) : t.slice(start + 1, i);
    }
    number() {
        const t = this.text;
        const start = this.pos;
        const m = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
        m.lastIndex = start;
        const match = m.exec(t);
        if (!match)
            this.fail('malformed number');
        this.pos = start + match[0].length;
        if (this.keepDecimals && (match[1] !== undefined || match[2] !== undefined))
            return new DecimalToken(match[0]);
        const asNumber = Number(match[0]);
        if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(asNumber))
            return BigInt(match[0]);
        return asNumber;
    }
}
/**
 * Compact JSON text. With a shape, an object's known fields are written first,
 * in the schema's order, so the same value always gives the same text; other
 * own keys follow in insertion order. null and undefined fields are left out;
 * bigint is written as its digits, a Date as TOP's GMT+8 text.
 */
export function stringifyJson(value, shape) {
    return write(value, shape, [], 0);
}
const fieldTables = new WeakMap();
function fieldTable(fields) {
    let table = fieldTables.get(fields);
    if (!table) {
        table = Object.keys(fields).map((key) => ({ key, quoted: JSON.stringify(key), shape: fields[key] }));
        fieldTables.set(fields, table);
    }
    return table;
}
/** `path` is where `value` sits (keys and indexes), kept as a stack and joined only for an error. */
function pathText(path) {
    let out = '';
    for (const part of path)
        out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
    return out || '(root)';
}
function write(value, shape, path, depth) {
    if (depth > MAX_DEPTH)
        throw new RangeError(`JSON: nesting deeper than ${MAX_DEPTH} at ${pathText(path)}`);
    switch (typeof value) {
        case 'string':
            return JSON.stringify(value);
        case 'bigint':
            return value.toString();
        case 'number':
            if (!Number.isFinite(value))
                throw new RangeError(`JSON: ${pathText(path)} is ${value}, which JSON cannot carry`);
            return JSON.stringify(value);
        case 'boolean':
            return value ? 'true' : 'false';
        case 'object': {
            if (value === null)
                return 'null';
            // A TOP Date inside a DTO: GMT+8 text, as the Java SDK's JSONWriter writes it (a Date has no own keys: it would be {}).
            if (value instanceof Date)
                return `"${formatTopDate(value, shape?.type === 'date' ? 'date' : 'date-time')}"`;
            if (Array.isArray(value)) {
                const items = shape?.type === 'array' ? shape.items : undefined;
                let out = '';
                for (let i = 0; i < value.length; i++) {
                    const item = value[i];
                    path.push(i);
                    out += `${i ? ',' : ''}${item === undefined || item === null ? 'null' : write(item, items, path, depth + 1)}`;
                    path.pop();
                }
                return `[${out}]`;
            }
            const record = value;
            const fields = shape?.type === 'object' ? shape.fields : undefined;
            let out = '';
            let known = 0;
            if (fields) {
                // The schema's fields first, in its order...
                for (const field of fieldTable(fields)) {
                    if (!Object.hasOwn(record, field.key))
                        continue;
                    known++;
                    const item = record[field.key];
                    if (item === undefined || item === null)
                        continue;
                    path.push(field.key);
                    out += `${out ? ',' : ''}${field.quoted}:${write(item, field.shape, path, depth + 1)}`;
                    path.pop();
                }
            }
            // ...then any other own keys, in insertion order (only looked for when there are some).
            const keys = Object.keys(record);
            if (keys.length > known) {
                for (const key of keys) {
                    if (fields && Object.hasOwn(fields, key))
                        continue;
                    const item = record[key];
                    if (item === undefined || item === null)
                        continue;
                    path.push(key);
                    out += `${out ? ',' : ''}${JSON.stringify(key)}:${write(item, undefined, path, depth + 1)}`;
                    path.pop();
                }
            }
            return `{${out}}`;
        }
        default:
            throw new TypeError(`JSON: ${pathText(path)} is a ${typeof value}, which JSON cannot carry`);
    }
}
