/**
 * The translator's fast path fills each template directly; i18next is the reference. Every key in
 * both languages renders the same through both, with ordinary values, values that look like
 * templates or nesting, numbers, empty strings and a missing value.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../common/i18n/languages.js';
import { compileTemplate, i18nextTranslator, RESOURCES, translator, type MessageKey } from '../../../common/i18n/translate.js';

type Loose = (key: MessageKey, params?: Record<string, unknown>) => string;

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);

/** Sets of values for a key's placeholders: each set gives every placeholder the same kind of value. */
const SAMPLES: ReadonlyArray<(name: string, i: number) => unknown> = [
  (name) => `${name}-值 value`,
  (_, i) => String(i * 7),
  () => '{{country}} $t(report.title) {{- x}}',
  () => '',
  (_, i) => i + 0.5,
  (_, i) => (i === 0 ? undefined : 'x'),
  () => null,
];

describe('the translator', () => {
  it('renders every key as i18next does, in both languages', () => {
    let compared = 0;
    for (const language of LANGUAGES) {
      const fast = translator(language) as Loose;
      const slow = i18nextTranslator(language) as Loose;
      for (const key of Object.keys(RESOURCES.en) as MessageKey[]) {
        const names = [...new Set([...placeholders(RESOURCES.en[key]), ...placeholders(RESOURCES['zh-CN'][key])])];
        for (const sample of SAMPLES) {
          const params = Object.fromEntries(names.map((name, i) => [name, sample(name, i)]));
          expect(fast(key, params), `${language} ${key} ${JSON.stringify(params)}`).toBe(slow(key, params));
          compared++;
        }
        expect(fast(key), `${language} ${key} without params`).toBe(slow(key));
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('takes the fast path for every template the resources have today', () => {
    for (const language of LANGUAGES) {
      const slowOnes = Object.entries(RESOURCES[language]).filter(([key, template]) => compileTemplate(key, template) === null);
      expect(slowOnes.map(([key]) => key)).toEqual([]);
    }
  });

  it('leaves to i18next what it gives meaning to: nesting, formats, unescaped values, option names', () => {
    expect(compileTemplate('k', 'see $t(other)')).toBeNull();
    expect(compileTemplate('k', '{{value, number}}')).toBeNull();
    expect(compileTemplate('k', '{{- value}}')).toBeNull();
    expect(compileTemplate('k', '{{ value }}')).toBeNull();
    expect(compileTemplate('k', 'in {{context}}')).toBeNull();
    expect(compileTemplate('k', '{{count}} of {{total}}')).toEqual(['', 'count', ' of ', 'total', '']);
  });
});
