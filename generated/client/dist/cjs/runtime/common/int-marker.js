"use strict";
// Copied from runtime/common/int-marker.ts by the TOP generator: edit that file, then regenerate.
// How the lossless JSON reader (json.ts) carries a long integer through
// JSON.parse: its token quoted as a string that starts with this marker. No
// JSON text can hold U+0000 without writing `\u0000` itself, and texts that
// do are read by the hand-written parser instead, so no input can forge one.
// Shared with the int64 walk (shape.ts), which makes marks in int64 fields
// bigint as it goes.
Object.defineProperty(exports, "__esModule", { value: true });
exports.markedDigits = exports.isMarked = exports.MARKER_IN_JSON = exports.MARKER = void 0;
exports.MARKER = '\u0000int:';
/** The marker as written inside a JSON string. */
exports.MARKER_IN_JSON = '\\u0000int:';
/** Whether a string JSON.parse made is a marked integer (only a marked string starts with U+0000: JSON.parse refuses a raw control character). */
const isMarked = (value) => value.charCodeAt(0) === 0;
exports.isMarked = isMarked;
/** The integer's text in a marked string. */
const markedDigits = (value) => value.slice(exports.MARKER.length);
exports.markedDigits = markedDigits;
