/**
 * A usage error as a message: the key of its template and its facts (the option, the value, the
 * command as the user typed them), rendered in the language in force. Lists (the choices an option
 * takes) are data too, joined the way each language joins them.
 */
import type { Language } from '../../common/i18n/languages.js';
import { translator, type MessageKey, type Params } from '../../common/i18n/translate.js';

type UsageKey = Extract<MessageKey, `usage.${string}`>;

export type UsageMessage = { [K in UsageKey]: { id: K } & { [P in keyof Params<K>]: string | readonly string[] } }[UsageKey];

const LIST_SEPARATOR: Record<Language, string> = { en: ', ', 'zh-CN': '、' };

/** Values listed as each language lists them ("a, b" / "a、b"). */
export function listOf(items: readonly string[], language: Language): string {
  return items.join(LIST_SEPARATOR[language]);
}

export function renderUsage(message: UsageMessage, language: Language): string {
  const { id, ...facts } = message;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(facts)) params[name] = typeof value === 'string' ? value : listOf(value, language);
  // The mapped type above ties each id to exactly its template's parameters.
  const t = translator(language) as (key: UsageKey, params: Record<string, string>) => string;
  return t(id, params);
}
