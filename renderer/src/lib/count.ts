/** Numbers in the language in force, and counted phrases ("1 connection", "3 connections", "3 个连接"). */
import type { Language } from '../../../common/i18n/languages.js';
import type { MessageKey } from '../../../common/i18n/translate.js';

/** A counted phrase's templates: English needs both, Chinese reads the same for any count. */
export type Counted<K extends MessageKey> = { one: K; other: K };

/** "3 connections". */
export const CONNECTIONS: Counted<'shell.connections.one' | 'shell.connections.other'> = { one: 'shell.connections.one', other: 'shell.connections.other' };

const plurals = new Map<Language, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/** The template for `n` by the language's plural rules (CLDR: Chinese has only "other"). */
export function countedKey<K extends MessageKey>(keys: Counted<K>, n: number, language: Language): K {
  let rules = plurals.get(language);
  if (!rules) plurals.set(language, (rules = new Intl.PluralRules(language)));
  return rules.select(n) === 'one' ? keys.one : keys.other;
}

/** "1,234" / "1,234"; `digits` fixes the decimals ("3.4"). */
export function formatNumber(n: number, language: Language, digits?: number): string {
  const key = `${language}\u0000${digits ?? ''}`;
  let format = numbers.get(key);
  if (!format) {
    const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
    numbers.set(key, (format = new Intl.NumberFormat(language, options)));
  }
  return format.format(n);
}
