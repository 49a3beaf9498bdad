export declare function encodeForm(fields: Readonly<Record<string, string>>): string;
