// TOP timestamps are `yyyy-MM-dd HH:mm:ss` in GMT+8 whatever the host's time
// zone (top-protocol.md §2). Computed from the epoch, never from local fields.

const GMT8_MS = 8 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Calls come many to the second: the last second's text is kept.
let lastSecond = Number.NaN;
let lastText = '';

export function formatTimestamp(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('timestamp: not a valid instant');
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastText;
  const d = new Date(ms + GMT8_MS);
  lastText = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  lastSecond = second;
  return lastText;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The instant a TOP timestamp names, or undefined when it is malformed or not a real date. */
// Calls come many to the second with the same timestamp: the last one read is kept.
let lastParsedText = '';
let lastParsed: number | undefined;

export function parseTimestamp(text: string): number | undefined {
  if (text === lastParsedText) return lastParsed;
  lastParsed = parseTimestampText(text);
  lastParsedText = text;
  return lastParsed;
}

function parseTimestampText(text: string): number | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - GMT8_MS;
  // Reject 2026-02-31 and 24:61:00, which Date.UTC would roll over.
  return formatTimestamp(ms) === text ? ms : undefined;
}
