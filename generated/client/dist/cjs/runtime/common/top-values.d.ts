/** A JS Date as TOP writes it: `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`) in GMT+8, whatever the host's zone. */
export declare function formatTopDate(instant: Date, kind?: 'date-time' | 'date'): string;
/** Whether a text is a real TOP date (no 2026-02-31, no 24:61:00). */
export declare function isTopDateText(text: string, kind?: 'date-time' | 'date'): boolean;
/** A TOP Price: a decimal amount in yuan, as text (`200.07`, `204`). */
export declare const PRICE_TEXT: RegExp;
export declare function isPriceText(text: string): boolean;
/** Whether a text is JSON (a Json parameter's value). */
export declare function isJsonText(text: string): boolean;
