/**
 * The language the UI speaks and its typed translator. The host decides the language (--lang, the
 * setting, the system locale) and sends it in every status, so the browser host follows the
 * setting, not the browser.
 */
import { createContext, useContext, useEffect, useMemo } from 'react';
import type { Language } from '../../../common/i18n/languages.js';
import { translator, type Translate } from '../../../common/i18n/translate.js';

/** English until the first status arrives. */
export const LanguageContext = createContext<Language>('en');

export function useLanguage(): Language {
  return useContext(LanguageContext);
}

/** `t(key, params)` in the language in force; keys and parameters are checked by the type. */
export function useT(): Translate {
  const language = useLanguage();
  return useMemo(() => translator(language), [language]);
}

/** Keeps <html lang> on the language in force (screen readers, and CJK glyphs picked for Chinese). */
export function useDocumentLanguage(language: Language): void {
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}
