/**
 * Recognises the same date, time or number written in two different formats
 * (2026-11-24 vs 2026/11/24 or 24.11.2026; 1,234.5 vs 1.234,5; 13:05 vs 1:05 PM), the kind of
 * locale- or region-dependent rendering a tool can use as a covert signal.
 */

type Parsed = { kind: 'date'; key: string } | { kind: 'time'; key: string } | { kind: 'number'; key: string };

const DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/;
const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \u00a0\u202f]?([AaPp])\.?[Mm]\.?)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:[,. \u00a0\u202f']\d{3})+(?:[.,]\d+)?$/;
const PLAIN_NUMBER = /^\d+(?:[.,]\d+)?$/;

function parse(token: string): Parsed | null {
  const date = DATE.exec(token);
  const cjk = CJK_DATE.exec(token);
  const groups = date ? [date[1], date[3], date[4]] : cjk ? [cjk[1], cjk[2], cjk[3]] : null;
  if (groups) {
    // Order-free, so 2026-11-24 and 24.11.2026 are the same date.
    return { kind: 'date', key: groups.map(Number).sort((a, b) => a - b).join(',') };
  }
  const time = TIME.exec(token);
  if (time) {
    const hour = Number(time[1]);
    const meridiem = time[4]?.toLowerCase();
    const h24 = meridiem ? (hour % 12) + (meridiem === 'p' ? 12 : 0) : hour;
    return { kind: 'time', key: `${h24}:${time[2]}:${time[3] ?? '00'}` };
  }
  if (GROUPED_NUMBER.test(token) || PLAIN_NUMBER.test(token)) {
    return { kind: 'number', key: token.replace(/\D/g, '') };
  }
  return null;
}

/** True when both tokens are a date, time or number with the same value but different spelling. */
export function sameValueOtherFormat(a: string, b: string): boolean {
  if (a === b) return false;
  const pa = parse(a);
  const pb = parse(b);
  return pa !== null && pb !== null && pa.kind === pb.kind && pa.key === pb.key;
}

const TOKEN_CHAR = /[0-9.,:/\- \u00a0\u202f'年月日]/;
const MERIDIEM = /^[ \u00a0\u202f]?[AaPp]\.?[Mm]\.?(?![A-Za-z])/;

/**
 * The date/number-like token around [start, end) in text: grown over digits and separators,
 * then trimmed of surrounding spaces and sentence punctuation; a following AM/PM is included.
 */
export function numericTokenAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && TOKEN_CHAR.test(text[s - 1] ?? '')) s--;
  while (e < text.length && TOKEN_CHAR.test(text[e] ?? '')) e++;
  const meridiem = MERIDIEM.exec(text.slice(e));
  if (meridiem) e += meridiem[0].length;
  while (s < e && /[\s\u00a0\u202f.,:'/-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s\u00a0\u202f.,:'/-]/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}
