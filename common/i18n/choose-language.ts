/** Which language to speak: an explicit choice first, then the system's locale, then English. */
import { languageOfLocale, type Language } from './languages.js';

export interface LanguageSources {
  /** `--lang` on the command line. */
  flag?: string | null;
  /** The language setting; empty or absent follows the system. */
  setting?: string | null;
  env?: { LC_ALL?: string; LC_MESSAGES?: string; LANG?: string };
  /** The app's own locale (Electron's app.getLocale(), a browser's navigator.language). */
  appLocale?: string | null;
}

/**
 * flag > setting > LC_ALL > LC_MESSAGES > LANG > app locale > en. The first source that is set
 * decides, as in POSIX (LC_ALL=C with LANG=zh_CN.UTF-8 means English); one naming a language
 * Telltale does not speak gives English, a malformed one is skipped.
 */
export function chooseLanguage(sources: LanguageSources): Language {
  const { flag, setting, env = {}, appLocale } = sources;
  for (const tag of [flag, setting, env.LC_ALL, env.LC_MESSAGES, env.LANG, appLocale]) {
    const language = tag ? languageOfLocale(tag) : null;
    if (language) return language;
  }
  return 'en';
}
