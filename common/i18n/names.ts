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

/** "Asia/Shanghai" -> "China Standard Time" / "中国标准时间"; null for a zone ICU does not know. */
export function zoneName(zone: string, language: Language): string | null {
  try {
    const parts = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(0);
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? null;
  } catch {
    return null;
  }
}

/** "a or b" / "a或b". */
export function orList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(language, { type: 'disjunction' }).format(items);
}
