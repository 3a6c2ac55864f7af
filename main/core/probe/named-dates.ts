/**
 * Dates written with words: English month names ("November 2026", "Nov 30, 2026", "30 November
 * 2026", "Monday, November 30, 2026") and CJK dates with a weekday ("2026年11月30日星期一",
 * "2026年11月30日月曜日"). Tools put them in prompts ("The current month is November 2026"), and a
 * local date a day ahead turns "November" into "December" at the end of a month: without reading
 * the whole date, that is only a changed word.
 */

export interface NamedDate {
  year: number;
  month: number;
  /** Null when only month and year are written. */
  day: number | null;
  /** How it is written, e.g. "dddd, MMMM {D}, YYYY" or "MMM YYYY"; {D} (and {M} in CJK dates) stand for day and month, whose width is dayPadded. */
  shape: string;
  /** Whether the day (and a CJK month) is written with two digits; null when it does not show (30 reads the same either way). */
  dayPadded: boolean | null;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(\.?)`;
const WEEKDAY = String.raw`(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?(,?) )?`;
const DAY = String.raw`(\d{1,2})(st|nd|rd|th)?`;
// Each form is a fixed sequence of bounded parts: no nested quantifier, so matching is linear.
const FORMS = [
  { order: 'md', source: String.raw`${WEEKDAY}${MONTH} ${DAY}(,?) (\d{4})` },
  { order: 'dm', source: String.raw`${WEEKDAY}${DAY} ${MONTH}(,?) (\d{4})` },
  { order: 'm', source: String.raw`${MONTH}(,?) (\d{4})` },
] as const;
// Chinese 星期一 / 周一, Japanese 月曜日 after a CJK date (without a weekday, formats.ts reads it).
const CJK_WEEKDAY = String.raw`(\d{4})年(\d{1,2})月(\d{1,2})日(星期[一二三四五六日天]|周[一二三四五六日]|[月火水木金土日]曜日)`;
const CJK_ANCHORED = new RegExp(`^${CJK_WEEKDAY}$`);
const ANCHORED = FORMS.map((f) => ({ order: f.order, re: new RegExp(`^${f.source}$`) }));
const SEARCH = [...FORMS.map((f) => new RegExp(String.raw`(?<![A-Za-z0-9])${f.source}(?![A-Za-z0-9])`, 'g')), new RegExp(CJK_WEEKDAY, 'g')];

function monthNumber(name: string): number {
  return MONTH_NAMES.findIndex((m) => m.startsWith(name.toLowerCase())) + 1;
}

function monthShape(name: string, dot: string): string {
  return (name.length > 3 && name.toLowerCase() !== 'sept' ? 'MMMM' : 'MMM') + dot;
}

/** The token as a date written with words, or null. */
export function parseNamedDate(token: string): NamedDate | null {
  const cjk = CJK_ANCHORED.exec(token);
  if (cjk) {
    const [, y, m, d] = cjk as unknown as [string, string, string, string];
    const month = Number(m);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const dayPadded = m.length === 1 || d.length === 1 ? false : m.startsWith('0') || d.startsWith('0') ? true : null;
    return { year: Number(y), month, day, shape: 'YYYY年{M}月{D}日dddd', dayPadded };
  }
  for (const { order, re } of ANCHORED) {
    const m = re.exec(token);
    if (!m) continue;
    const g = m.slice(1);
    let weekday = '';
    let month: number;
    let day: number | null = null;
    let dayPadded: boolean | null = null;
    let shape: string;
    if (order === 'm') {
      month = monthNumber(g[0]!);
      shape = `${monthShape(g[0]!, g[1]!)}${g[2]} YYYY`;
    } else {
      weekday = g[0] ? `${g[0].length > 3 ? 'dddd' : 'ddd'}${g[1]} ` : '';
      const [monthName, dot, dayDigits, suffix, comma] = order === 'md' ? [g[2]!, g[3]!, g[4]!, g[5], g[6]!] : [g[4]!, g[5]!, g[2]!, g[3], g[6]!];
      month = monthNumber(monthName);
      day = Number(dayDigits);
      dayPadded = dayDigits.length === 1 ? false : dayDigits.startsWith('0') ? true : null;
      const d = `{D}${suffix ? 'th' : ''}`;
      shape = order === 'md' ? `${weekday}${monthShape(monthName, dot)} ${d}${comma} YYYY` : `${weekday}${d} ${monthShape(monthName, dot)}${comma} YYYY`;
    }
    const year = Number(m[m.length - 1]);
    if (month < 1 || (day !== null && (day < 1 || day > 31))) return null;
    return { year, month, day, shape, dayPadded };
  }
  return null;
}

/** The whole named-month date in `text` that contains [start, end), if any (looked for within a bounded window). */
export function namedDateAround(text: string, start: number, end: number): { start: number; end: number } | null {
  // The longest form ("Wednesday, September 30th, 2026") is under 40 characters.
  const from = Math.max(0, start - 40);
  const window = text.slice(from, Math.min(text.length, end + 40));
  let best: { start: number; end: number } | null = null;
  for (const re of SEARCH) {
    re.lastIndex = 0;
    for (let m = re.exec(window); m !== null; m = re.exec(window)) {
      const s = from + m.index;
      const e = s + m[0].length;
      if (s <= start && e >= end && (!best || e - s > best.end - best.start)) best = { start: s, end: e };
    }
  }
  return best;
}
