/** Dates, numbers and counted nouns of the data views, in the language in force (Intl, not the browser's locale). */
import type { Language } from '../../../common/i18n/languages.js';
import type { ExposureLevel } from '../../../contract/snapshot.js';
import type { MessageKey, PlainKey } from '../../../common/i18n/translate.js';

const dateTimes = new Map<Language, Intl.DateTimeFormat>();

/** "Nov 30, 2026, 10:02:14 AM" / "2026年11月30日 10:02:14": a date and time in the viewer's zone. */
export function dateTime(at: string | number, language: Language): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return String(at);
  let format = dateTimes.get(language);
  if (!format) dateTimes.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' })));
  return format.format(date);
}

/** A count with the language's digit grouping ("6,074"). */
export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(language);
}

/** The key of a counted noun: English's singular for 1 ("1 run"); Chinese templates say both alike. */
export function countKey<K extends MessageKey>(n: number, keys: { one: K; other: K }): K {
  return n === 1 ? keys.one : keys.other;
}

/** An exposure level as a word (the Timeline's axis, a history point, the what-if table). */
export const LEVEL_KEYS: Readonly<Record<ExposureLevel, PlainKey>> = {
  none: 'data.level.none',
  low: 'data.level.low',
  elevated: 'data.level.elevated',
  high: 'data.level.high',
};

