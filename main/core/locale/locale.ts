import type { Signal } from '../../../contract/snapshot.js';
import { okSignal } from '../signal.js';

export interface LocaleParts {
  language: string | null;
  territory: string | null;
  codeset: string | null;
  modifier: string | null;
}

const NONE: LocaleParts = { language: null, territory: null, codeset: null, modifier: null };

/** POSIX locale "zh_CN.UTF-8@pinyin" -> parts; "C"/"POSIX" carry no language. */
export function parsePosixLocale(raw: string): LocaleParts {
  const m = /^([A-Za-z]{2,3})(?:_([A-Za-z]{2}|\d{3}))?(?:\.([^@]+))?(?:@(.+))?$/.exec(raw.trim());
  if (!m || /^(c|posix)$/i.test(raw.trim())) return NONE;
  return {
    language: (m[1] ?? '').toLowerCase(),
    territory: m[2]?.toUpperCase() ?? null,
    codeset: m[3] ?? null,
    modifier: m[4] ?? null,
  };
}

/** BCP 47 tag "zh-Hans-CN" -> language zh, territory CN. */
export function parseBcp47(tag: string): LocaleParts {
  try {
    const locale = new Intl.Locale(tag);
    // "und" (undetermined: what Intl falls back to for LANG=@@) names no language; some runtimes leave it undefined.
    const language = locale.language && locale.language !== 'und' ? locale.language : null;
    return { ...NONE, language, territory: locale.region ?? null };
  } catch {
    return NONE;
  }
}

const LOCALE_VAR = /^(?:LANG|LANGUAGE|LC_[A-Z]+)$/;

/** locale.<VAR> for LANG, LANGUAGE and each LC_* set; LANGUAGE is a ":" list, its first entry parsed. */
export function localeEnvSignals(env: Readonly<Record<string, string | undefined>>): Signal[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => LOCALE_VAR.test(entry[0]) && !!entry[1])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => {
      const first = name === 'LANGUAGE' ? (value.split(':')[0] ?? '') : value;
      return okSignal({ kind: 'locale', key: { variable: name } }, value, `env:${name}`, { ...parsePosixLocale(first) });
    });
}

export function intlLocaleSignal(tag: string): Signal {
  return okSignal({ kind: 'locale', key: { variable: 'intl' } }, tag, 'intl (this process)', { ...parseBcp47(tag) });
}

/** `defaults read -g AppleLocale` prints e.g. "zh_CN" or "en_US@rg=cnzzzz". */
export function appleLocaleSignal(output: string, source: string): Signal {
  const value = output.trim();
  return okSignal({ kind: 'locale', key: { variable: 'AppleLocale' } }, value, source, { ...parsePosixLocale(value.replace(/@.*$/, '')) });
}
