export declare function formatTimestamp(instant: Date | number): string;
/** The instant a TOP timestamp names, or undefined when it is malformed or not a real date. */
export declare function parseTimestamp(text: string): number | undefined;
