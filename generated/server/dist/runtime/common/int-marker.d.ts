export declare const MARKER = "\0int:";
/** The marker as written inside a JSON string. */
export declare const MARKER_IN_JSON = "\\u0000int:";
/** Whether a string JSON.parse made is a marked integer (only a marked string starts with U+0000: JSON.parse refuses a raw control character). */
export declare const isMarked: (value: string) => boolean;
/** The integer's text in a marked string. */
export declare const markedDigits: (value: string) => string;
/** How many marked integers a value still holds: a walk stops once none is left. */
export interface MarksLeft {
    marks: number;
}
