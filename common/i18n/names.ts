/**
 * Names of countries, languages and time zones in a given language, from the ICU data of the
 * runtime (Node, Electron, the browser), so nothing here goes stale or needs translating.
 */
import type { Language } from './languages.js';

const cache = new Map<string, Intl.DisplayNames>();

function displayNames(language: Language, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}\u0000${type}`;
  let names = cache.get(key);
  if (!names) {
    // A language tag ICU has no name for still reads as its parts ("xx (YY)"); a region code does not.
    names = new Intl.DisplayNames([language], { type, fallback: type === 'region' ? 'none' : 'code' });
    cache.set(key, names);
  }
  return names;
}

/** "CN" -> "China" / "中国"; null when ICU has no name for the code. */
export function countryName(code: string, language: Language): string | null {
  try {
    return displayNames(language, 'region').of(code) ?? null;
  } catch {
    return null;
  }
}

/** "zh_CN.UTF-8" -> "Chinese (China)" / "中文（中国）"; null for a tag ICU cannot read. */
export function languageName(locale: string, language: Language): string | null {
  const tag = locale.split('.')[0]?.replace('_', '-') ?? '';
  try {
    return displayNames(language, 'language').of(tag) ?? null;
  } catch {
    return null;
  }
}

/** Whether a language is written in Latin letters (English) or not (Chinese). */
const writtenInLatin = (language: Language) => new Intl.Locale(language).maximize().script === 'Latn';

/**
 * "Asia/Shanghai" -> "China Standard Time" / "中国标准时间"; null for a zone ICU does not know, and
 * for a name in Latin letters in a language not written in them: that is ICU's fallback, not a
 * name ("Urumqi时间" where the browser's trimmed ICU lacks the city, "GMT+00:00" for UTC).
 */
export function zoneName(zone: string, language: Language): string | null {
  let name: string | undefined;
  try {
    const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(0);
    name = parts.find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    return null;
  }
  if (name === undefined || (!writtenInLatin(language) && /[A-Za-z]/.test(name))) return null;
  return name;
}

const HAN = /\p{Script=Han}/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

/** Whether two pieces of text, set side by side, need a space between: Han against a Latin letter or digit. */
function needsGap(before: string, after: string): boolean {
  const [last, first] = [before.slice(-1), after.slice(0, 1)];
  return (HAN.test(last) && LATIN_OR_DIGIT.test(first)) || (LATIN_OR_DIGIT.test(last) && HAN.test(first));
}

/** "a or b" / "a或b", with a space where the joining word meets a Latin item ("Asia/Shanghai 或 Asia/Urumqi"). */
export function orList(items: readonly string[], language: Language): string {
  const parts = new Intl.ListFormat(language, { type: 'disjunction' }).formatToParts(items).map((p) => p.value);
  return parts.reduce((text, part) => text + (needsGap(text, part) ? ' ' : '') + part, '');
}
