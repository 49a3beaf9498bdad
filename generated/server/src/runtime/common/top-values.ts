// Copied from runtime/common/top-values.ts by the TOP generator: edit that file, then regenerate.
// TOP's textual scalar types: Date (GMT+8 text), Price (decimal text) and
// Json (JSON text), written and recognised the same way by the client, the
// gateway and the validators.

const GMT8_MS = 8 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A JS Date as TOP writes it: `yyyy-MM-dd HH:mm:ss` (or `yyyy-MM-dd`) in GMT+8, whatever the host's zone. */
export function formatTopDate(instant: Date, kind: 'date-time' | 'date' = 'date-time'): string {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('is an Invalid Date');
  const d = new Date(ms + GMT8_MS);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return kind === 'date' ? day : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real TOP date (no 2026-02-31, no 24:61:00). */
export function isTopDateText(text: string, kind: 'date-time' | 'date' = 'date-time'): boolean {
  const m = (kind === 'date' ? DATE_ONLY : DATE_TIME).exec(text);
  if (!m) return false;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map(Number) as number[];
  const t = new Date(Date.UTC(y!, mo! - 1, d!, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo! - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

/** A TOP Price: a decimal amount in yuan, as text (`200.07`, `204`). */
export const PRICE_TEXT: RegExp = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export function isPriceText(text: string): boolean {
  return PRICE_TEXT.test(text);
}

/** Whether a text is JSON (a Json parameter's value). */
export function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
