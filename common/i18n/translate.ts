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

// Made on first use: the fast path below renders every template the resources have today, so
// `telltale --help` and most runs never initialise it.
let instance: ReturnType<typeof i18next.createInstance> | null = null;

function i18n(): ReturnType<typeof i18next.createInstance> {
  if (instance) return instance;
  instance = i18next.createInstance();
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
  return instance;
}

/**
 * i18next costs 40-100 µs a call, and a report makes thousands. The resources use only plain
 * `{{name}}` placeholders, so each template is split once per language into literals and names
 * and filled directly, with i18next's results byte for byte (a test compares every key): a
 * value not given leaves its placeholder, undefined or null gives "", values are never read as templates. A
 * template using anything else i18next gives meaning to (nesting, formats, unescaped `{{-`,
 * plural or context variants, a placeholder named like one of its options) goes through i18next.
 */
type Compiled = readonly string[];

const I18NEXT_OPTIONS = new Set(['context', 'count', 'ordinal', 'lng', 'lngs', 'ns', 'defaultValue', 'replace', 'postProcess', 'keyPrefix', 'interpolation']);
const PLAIN_PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Keys with variants i18next picks between by an option (key_other, key_male ...). */
const VARIANT_BASES = new Set(Object.keys(en).filter((k) => k.includes('_')).map((k) => k.slice(0, k.lastIndexOf('_'))));

/** Literals at even indexes, placeholder names at odd ones; null when i18next must render it. */
export function compileTemplate(key: string, template: string): Compiled | null {
  if (VARIANT_BASES.has(key) || template.includes('$t(')) return null;
  const parts = template.split(PLAIN_PLACEHOLDER);
  const names = parts.filter((_, i) => i % 2 === 1);
  // count only selects a plural variant, and this key has none: i18next then renders it as a plain value.
  if (names.some((name) => name !== 'count' && I18NEXT_OPTIONS.has(name))) return null;
  if (parts.some((part, i) => i % 2 === 0 && part.includes('{{'))) return null;
  return parts;
}

function fill(parts: Compiled, params: Readonly<Record<string, unknown>> | undefined): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    const value = params?.[name];
    const given = params !== undefined && Object.hasOwn(params, name);
    out += (!given ? `{{${name}}}` : value === undefined || value === null ? '' : String(value)) + (parts[i + 1] ?? '');
  }
  return out;
}

const compiled: Record<Language, Map<string, Compiled | null>> = { en: new Map(), 'zh-CN': new Map() };

/** Through i18next alone: the reference the fast path is checked and measured against. */
export function i18nextTranslator(language: Language): Translate {
  // instance.t with lng, not getFixedT: the fixed function costs a few times more per call.
  return (key, ...params) => i18n().t(key, { ...params[0], lng: language }) as string;
}

let fastPath = true;

/** Off: every call goes through i18next (the bench's baseline, measured in the same run). */
export function setFastPath(on: boolean): void {
  fastPath = on;
}

export function translator(language: Language): Translate {
  const cache = compiled[language];
  const slow = i18nextTranslator(language);
  return (key, ...params) => {
    if (!fastPath) return slow(key, ...params);
    let parts = cache.get(key);
    if (parts === undefined) {
      const template = RESOURCES[language][key] as string | undefined;
      // A key that is not a template (an id passed through untyped) is i18next's to answer.
      parts = template === undefined ? null : compileTemplate(key, template);
      cache.set(key, parts);
    }
    return parts ? fill(parts, params[0]) : slow(key, ...params);
  };
}
