/**
 * The one i18next instance (resources bundled, initialised synchronously: no I/O, no detection)
 * and a typed `t`: the key must exist, and the parameters must be exactly the placeholders its
 * English and Chinese templates use.
 */
import i18next from 'i18next';
import type { Language } from './languages.js';
import { en, type MessageKey } from './resources/en.js';
import { zhCN } from './resources/zh-CN.js';

export type { MessageKey };

export const RESOURCES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en, 'zh-CN': zhCN };

/** The names between {{ and }} in a template type. */
type Placeholders<S extends string> = S extends `${string}{{${infer P}}}${infer Rest}` ? P | Placeholders<Rest> : never;
type ParamName<K extends MessageKey> = Placeholders<(typeof en)[K]> | Placeholders<(typeof zhCN)[K]>;
export type Params<K extends MessageKey> = { [P in ParamName<K>]: string };

/** Keys whose templates take no parameters ("any time zone"). */
export type PlainKey = { [K in MessageKey]: [ParamName<K>] extends [never] ? K : never }[MessageKey];

export type Translate = <K extends MessageKey>(key: K, ...params: [ParamName<K>] extends [never] ? [] : [Params<K>]) => string;

const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'en',
  fallbackLng: false,
  initAsync: false,
  // Keys are flat ("signal.proxy.pac"), and templates contain colons.
  keySeparator: false,
  nsSeparator: false,
  // Plain text out (views escape it); values are never read as templates or nesting ($t(...)).
  interpolation: { escapeValue: false, skipOnVariables: true },
});

export function translator(language: Language): Translate {
  // instance.t with lng, not getFixedT: the fixed function costs a few times more per call.
  return (key, ...params) => instance.t(key, { ...params[0], lng: language }) as string;
}
