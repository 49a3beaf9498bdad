// XML answers shaped as TOP's XML examples: the response root element, one
// element per field in schema order, lists wrapped in their field's element
// with one element per item named as the field model says (`<trades><trade>`),
// and a field the answer leaves empty (null) as an empty element, as TOP's
// examples show it.
import type { Shape } from '../common/shape.ts';

// Characters XML 1.0 cannot hold at all; replaced so the document stays well-formed.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, '\uFFFD').replace(/[<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'));
}

function itemName(shape: Shape | undefined): string {
  return shape?.type === 'array' && shape.itemName !== undefined ? shape.itemName : 'item';
}

// A key that is not an XML name (from an unvalidated handler answer) is left
// out rather than allowed to break or inject markup.
const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: unknown, shape: Shape | undefined): string {
  if (value === undefined || !XML_NAME.test(name)) return '';
  if (value === null) return shape ? `<${name}></${name}>` : '';
  if (Array.isArray(value)) {
    const items = shape?.type === 'array' ? shape.items : undefined;
    const inner = itemName(shape);
    return `<${name}>${value.map((item) => element(inner, item, items)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const fields = shape?.type === 'object' ? shape.fields : undefined;
    const keys = fields ? [...Object.keys(fields).filter((k) => Object.hasOwn(record, k)), ...Object.keys(record).filter((k) => !Object.hasOwn(fields, k))] : Object.keys(record);
    return `<${name}>${keys.map((k) => element(k, record[k], fields?.[k])).join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

export function toXmlDocument(root: string, value: Record<string, unknown>, shape?: Shape): string {
  return `<?xml version="1.0" encoding="utf-8" ?>${element(root, value, shape)}`;
}
