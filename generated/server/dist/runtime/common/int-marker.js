// Copied from runtime/common/int-marker.ts by the TOP generator: edit that file, then regenerate.
// How the lossless JSON reader (json.ts) carries a long integer through
// JSON.parse: its token quoted as a string that starts with this marker. No
// JSON text can hold U+0000 without writing `\u0000` itself, and texts that
// do are read by the hand-written parser instead, so no input can forge one.
// Shared with the int64 walk (shape.ts), which makes marks in int64 fields
// bigint as it goes.
export const MARKER = '\u0000int:';
/** The marker as written inside a JSON string. */
export const MARKER_IN_JSON = '\\u0000int:';
/** Whether a string JSON.parse made is a marked integer (only a marked string starts with U+0000: JSON.parse refuses a raw control character). */
export const isMarked = (value) => value.charCodeAt(0) === 0;
/** The integer's text in a marked string. */
export const markedDigits = (value) => value.slice(MARKER.length);
