/**
 * Reads dates, times and numbers as written in a tool's request, with how each is written (its
 * format) apart from what it says (its value). A tool can signal covertly by writing the same kind
 * of value another way (2026-11-29 vs 2026/11/30: the separator, whatever the day), and overtly by
 * writing a value that follows the environment (a local date a day ahead of UTC).
 */
import { namedDateAround, parseNamedDate } from './named-dates.js';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface DateValue {
  year: number;
  month: number;
  day: number;
}

interface DateToken {
  kind: 'date';
  /** More than one reading when day and month are both 12 or less (03/04/2026). */
  readings: Array<DateValue & { order: DateOrder }>;
  separator: string;
  /**
   * Whether the month and day are written with two digits; null when the date does not show it
   * (11-30 reads the same zero-padded or not), so a month boundary (11-30 -> 12-01) is no change of width.
   */
  padded: boolean | null;
  cjk: boolean;
  /** "Nov 30, 2026" is to the day, "November 2026" only to the month. */
  precision: 'day' | 'month';
  /** How a date with a month name is written ("MMMM {D}, YYYY", {D} the day's width); absent for numeric dates. */
  shape?: string;
}

interface TimeToken {
  kind: 'time';
  /** Minutes since midnight, and seconds when written. */
  minutes: number;
  seconds: number | null;
  clock: '12h' | '24h';
}

interface DateTimeToken {
  kind: 'datetime';
  date: DateValue;
  minutes: number;
  /** Minutes east of UTC as written (+08:00 -> 480, Z -> 0); null when no offset is written. */
  offset: number | null;
  /** The ISO shape with digits masked, e.g. "9999-99-99T99:99:99+99:99". */
  shape: string;
}

interface NumberToken {
  kind: 'number';
  digits: string;
  shape: string;
}

export type FormattedToken = DateToken | TimeToken | DateTimeToken | NumberToken;

const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})$/;
const CJK_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \u00a0\u202f]?([AaPp])\.?[Mm]\.?)?$/;
const GROUPED_NUMBER = /^\d{1,3}(?:[,. \u00a0\u202f']\d{3})+(?:[.,]\d+)?$/;
const PLAIN_NUMBER = /^\d+(?:[.,]\d+)?$/;

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function dateToken(a: string, separator: string, b: string, c: string, cjk: boolean): DateToken | null {
  const [na, nb, nc] = [Number(a), Number(b), Number(c)];
  const candidates: Array<DateValue & { order: DateOrder }> =
    a.length === 4
      ? [{ order: 'ymd', year: na, month: nb, day: nc }]
      : c.length === 4
        ? [
            { order: 'dmy', year: nc, month: nb, day: na },
            { order: 'mdy', year: nc, month: na, day: nb },
          ]
        : [];
  const readings = candidates.filter((r) => validDate(r.year, r.month, r.day));
  if (readings.length === 0) return null;
  const dayMonth = a.length === 4 ? [b, c] : [a, b];
  const padded = dayMonth.some((part) => part.length === 1) ? false : dayMonth.some((part) => part.startsWith('0')) ? true : null;
  return { kind: 'date', readings, separator, padded, cjk, precision: 'day' };
}

function offsetMinutes(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (text === 'Z') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

/** The token as a date, time, date-time or number, or null when it is none of them. */
export function parseFormatted(token: string): FormattedToken | null {
  const iso = ISO_DATETIME.exec(token);
  if (iso) {
    const [year, month, day, hour, minute] = [iso[1], iso[2], iso[3], iso[4], iso[5]].map(Number) as [number, number, number, number, number];
    if (!validDate(year, month, day) || hour > 23 || minute > 59) return null;
    return {
      kind: 'datetime',
      date: { year, month, day },
      minutes: hour * 60 + minute,
      offset: offsetMinutes(iso[7]),
      shape: token.replace(/\d/g, '9'),
    };
  }
  const date = DATE.exec(token);
  if (date) return dateToken(date[1]!, date[2]!, date[3]!, date[4]!, false);
  const cjk = CJK_DATE.exec(token);
  if (cjk) return dateToken(cjk[1]!, '年月日', cjk[2]!, cjk[3]!, true);
  const named = parseNamedDate(token);
  if (named) {
    const reading = { order: 'mdy' as const, year: named.year, month: named.month, day: named.day ?? 1 };
    return { kind: 'date', readings: [reading], separator: '', padded: named.dayPadded, cjk: false, precision: named.day === null ? 'month' : 'day', shape: named.shape };
  }
  const time = TIME.exec(token);
  if (time) {
    const hour = Number(time[1]);
    const meridiem = time[4]?.toLowerCase();
    if (hour > (meridiem ? 12 : 23) || Number(time[2]) > 59) return null;
    const h24 = meridiem ? (hour % 12) + (meridiem === 'p' ? 12 : 0) : hour;
    return { kind: 'time', minutes: h24 * 60 + Number(time[2]), seconds: time[3] === undefined ? null : Number(time[3]), clock: meridiem ? '12h' : '24h' };
  }
  if (GROUPED_NUMBER.test(token) || PLAIN_NUMBER.test(token)) {
    return { kind: 'number', digits: token.replace(/\D/g, ''), shape: token.replace(/\d/g, '9') };
  }
  return null;
}

/** The calendar date a date or date-time token names (its first reading), else null. */
export function tokenDate(token: string): DateValue | null {
  const parsed = parseFormatted(token);
  if (parsed?.kind === 'date') return parsed.readings[0] ?? null;
  return parsed?.kind === 'datetime' ? parsed.date : null;
}

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian, no time zone). */
export function dayNumber({ year, month, day }: DateValue): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/** The readings of a and b that agree in order when they can (a day-month swap is a format change of its own). */
function pairReadings(a: DateToken, b: DateToken): { a: DateValue & { order: DateOrder }; b: DateValue & { order: DateOrder } } {
  for (const ra of a.readings) {
    const rb = b.readings.find((r) => r.order === ra.order);
    if (rb) return { a: ra, b: rb };
  }
  return { a: a.readings[0]!, b: b.readings[0]! };
}

/** padded: the token's width, or (when it does not show one) the other token's. */
function describeDateFormat(token: DateToken, order: DateOrder, padded: boolean): string {
  if (token.shape !== undefined) return token.shape.replace('{M}', padded ? 'MM' : 'M').replace('{D}', padded ? 'DD' : 'D');
  const unit = { y: 'YYYY', m: padded ? 'MM' : 'M', d: padded ? 'DD' : 'D' };
  const parts = [...order].map((letter) => unit[letter as 'y' | 'm' | 'd']);
  return token.cjk ? `${parts[0]}年${parts[1]}月${parts[2]}日` : parts.join(token.separator);
}

/** How a time is written, as a pattern: "HH:mm", "HH:mm:ss", "h:mm A", "h:mm:ss A". */
function timeFormat(token: TimeToken): string {
  const seconds = token.seconds === null ? '' : ':ss';
  return token.clock === '12h' ? `h:mm${seconds} A` : `HH:mm${seconds}`;
}

/** How a baseline token and a variant token of the same kind differ: in format, in value, or both. */
export interface TokenComparison {
  kind: FormattedToken['kind'];
  /** How each was written when they were written differently ("YYYY-MM-DD" and "YYYY/MM/DD"), else null. */
  formatChange: { from: string; to: string } | null;
  valueChanged: boolean;
  /** For dates and date-times: the variant's calendar day minus the baseline's. */
  dayShift: number | null;
  /** For dates written to the month only ("November 2026"): the variant's month minus the baseline's. */
  monthShift: number | null;
  /** For date-times: the UTC offsets written ({baseline, variant} in minutes), when both wrote one. */
  offsets: { baseline: number; variant: number } | null;
  /** For times: the variant's minutes since midnight minus the baseline's; for date-times, the whole shift in minutes as written (offsets aside). */
  minuteShift: number | null;
}

/** Null when the two tokens are not of one kind (a date against a number says nothing about format). */
export function compareFormatted(baseline: string, variant: string): TokenComparison | null {
  const a = parseFormatted(baseline);
  const b = parseFormatted(variant);
  if (!a || !b || a.kind !== b.kind || baseline === variant) return null;
  const none = { dayShift: null, monthShift: null, offsets: null, minuteShift: null };
  if (a.kind === 'date' && b.kind === 'date') {
    const pair = pairReadings(a, b);
    const fa = describeDateFormat(a, pair.a.order, a.padded ?? b.padded ?? true);
    const fb = describeDateFormat(b, pair.b.order, b.padded ?? a.padded ?? true);
    const formatChange = fa === fb ? null : { from: fa, to: fb };
    if (a.precision === 'month' || b.precision === 'month') {
      const monthShift = pair.b.year * 12 + pair.b.month - (pair.a.year * 12 + pair.a.month);
      return { ...none, kind: 'date', formatChange, valueChanged: monthShift !== 0, monthShift };
    }
    const dayShift = dayNumber(pair.b) - dayNumber(pair.a);
    return { ...none, kind: 'date', formatChange, valueChanged: dayShift !== 0, dayShift };
  }
  if (a.kind === 'datetime' && b.kind === 'datetime') {
    const dayShift = dayNumber(b.date) - dayNumber(a.date);
    // The offset's digits are part of the value; only how it is written (Z, +08:00, +0800) is format.
    const shape = (t: DateTimeToken) => t.shape.replace(/(?:Z|[+-]99:?99)$/, (o) => (o === 'Z' ? '+99:99' : o));
    const sameShape = shape(a) === shape(b) && (a.offset === null) === (b.offset === null);
    return {
      ...none,
      kind: 'datetime',
      formatChange: sameShape ? null : { from: a.shape, to: b.shape },
      valueChanged: dayShift !== 0 || a.minutes !== b.minutes || a.offset !== b.offset,
      dayShift,
      minuteShift: dayShift * 1440 + b.minutes - a.minutes,
      offsets: a.offset !== null && b.offset !== null ? { baseline: a.offset, variant: b.offset } : null,
    };
  }
  if (a.kind === 'time' && b.kind === 'time') {
    const formatChange = timeFormat(a) === timeFormat(b) ? null : { from: timeFormat(a), to: timeFormat(b) };
    const minuteShift = b.minutes - a.minutes;
    return { ...none, kind: 'time', formatChange, valueChanged: minuteShift !== 0 || a.seconds !== b.seconds, minuteShift };
  }
  if (a.kind === 'number' && b.kind === 'number') {
    return { ...none, kind: 'number', formatChange: a.shape === b.shape ? null : { from: a.shape, to: b.shape }, valueChanged: a.digits !== b.digits };
  }
  return null;
}

/** True when both tokens are a date, time or number with the same value but different spelling. */
export function sameValueOtherFormat(a: string, b: string): boolean {
  const c = compareFormatted(a, b);
  return c !== null && c.formatChange !== null && !c.valueChanged;
}

const TOKEN_CHAR = /[0-9.,:/\- \u00a0\u202f'年月日]/;
const MERIDIEM = /^[ \u00a0\u202f]?[AaPp]\.?[Mm]\.?(?![A-Za-z])/;

/**
 * The date/number-like token around [start, end) in text: grown over digits and separators,
 * then trimmed of surrounding spaces and sentence punctuation; a following AM/PM is included, and
 * an ISO date-time is taken whole (2026-11-30T04:46:12+08:00).
 */
export function numericTokenAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && TOKEN_CHAR.test(text[s - 1] ?? '')) s--;
  while (e < text.length && TOKEN_CHAR.test(text[e] ?? '')) e++;
  const meridiem = MERIDIEM.exec(text.slice(e, e + 8));
  if (meridiem) e += meridiem[0].length;
  while (s < e && /[\s\u00a0\u202f.,:'/-]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s\u00a0\u202f.,:'/-]/.test(text[e - 1] ?? '')) e--;
  return isoAround(text, s, e) ?? namedDateAround(text, start, end) ?? { start: s, end: e };
}

/** Widens to a whole ISO date-time when [s, e) is its date, its time or lies inside it. */
function isoAround(text: string, s: number, e: number): { start: number; end: number } | null {
  // A date-time is at most 35 characters; look that far either side, no further (linear time).
  const from = Math.max(0, s - 36);
  const window = text.slice(from, Math.min(text.length, e + 36));
  const iso = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
  for (let m = iso.exec(window); m !== null; m = iso.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    // A date followed by a space and a bare time is a date-time only with a T or an offset.
    if (start <= s && end >= e && (m[0][10] === 'T' || /(?:Z|[+-]\d{2}:?\d{2})$/.test(m[0]))) return { start, end };
  }
  return null;
}
