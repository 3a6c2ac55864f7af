/** The languages Telltale speaks, and how a locale tag (POSIX or BCP 47) maps to one of them. */

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language of a locale: "zh_CN.UTF-8", "zh-Hans", "zh_SG", "zh" -> zh-CN; any other Chinese
 * (Traditional: zh_TW, zh_HK, zh-Hant) -> en until a Traditional translation exists; "C", "POSIX",
 * English and every other language -> en. Null for an empty or malformed tag.
 */
export function languageOfLocale(tag: string): Language | null {
  // POSIX: language[_territory][.codeset][@modifier]; BCP 47 uses "-".
  const base = tag.trim().split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  if (!base) return null;
  if (base === 'C' || base === 'POSIX') return 'en';
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(base);
  } catch {
    return null;
  }
  if (locale.language !== 'zh') return 'en';
  // maximize() adds the likely script: zh-CN, zh-SG and plain zh are Hans; zh-TW, zh-HK and zh-MO are Hant.
  return locale.maximize().script === 'Hans' ? 'zh-CN' : 'en';
}
