import type { Shape } from '../common/shape.ts';
export declare function escapeXml(text: string): string;
export declare function toXmlDocument(root: string, value: Record<string, unknown>, shape?: Shape): string;
