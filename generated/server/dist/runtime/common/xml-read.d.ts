/** The document's root element as `{ [rootName]: value }`. */
export declare function readXml(xml: string): Record<string, unknown>;
