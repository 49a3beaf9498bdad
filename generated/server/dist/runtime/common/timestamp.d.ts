export declare function formatTimestamp(instant: Date | number): string;
export declare function parseTimestamp(text: string): number | undefined;
