/** Checks on rendered sentences: nothing left unfilled, and no English prose in the Chinese. */
import { expect } from 'vitest';
import { CHECK_2026_SIGNALLING } from '../../common/check-2026.js';
import { ENGLISH_WORDS } from './english-words.js';

/** Every string a message holds (its parameters, not its ids): values, hosts, names, kept as they are in any language. */
export function dataStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'id' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => dataStrings(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => dataStrings(v, k));
  return [];
}

/** A rendering with every placeholder filled and nothing undefined. */
export function expectFilled(text: string, what: string): void {
  expect(text, what).not.toBe('');
  expect(text, what).not.toMatch(/\{\{|\}\}|\bundefined\b|\bnull\b|\[object Object\]/);
}

/**
 * Chinese with no English prose: after the message's own data (hosts, names, values) is taken out,
 * no English word is left, and any words left are Chinese (a bare signal is all data).
 */
export function expectChinese(text: string, message: unknown, what: string): void {
  expectFilled(text, what);
  // The phrase the 2026 check's tool wrote into its prompt is quoted as it was, in English.
  const data = [...dataStrings(message), CHECK_2026_SIGNALLING.phrase].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  const prose = data.reduce((rest, s) => rest.split(s).join(' '), text);
  expect(prose, `${what}: ${text}`).not.toMatch(ENGLISH_WORDS);
  if (/\p{L}/u.test(prose)) expect(prose, `${what}: ${text}`).toMatch(/\p{Script=Han}/u);
}

/** The slips of Chinese typography a rule finds, each named, with a regex that finds one. */
const HAN = String.raw`\p{Script=Han}`;
const FULL_WIDTH = '，。：；、（）“”！？';
export const TYPOGRAPHY_RULES = {
  'no space between Han and Latin or digit': new RegExp(`${HAN}[A-Za-z0-9]|[A-Za-z0-9]${HAN}`, 'u'),
  'ASCII punctuation after Han': new RegExp(`${HAN}[,:;()!?]`, 'u'),
  'ASCII parenthesis before Han': new RegExp(`\\(${HAN}`, 'u'),
  'ASCII quote beside Han': new RegExp(`${HAN}"|"${HAN}`, 'u'),
  'doubled space': / {2}/,
  'space beside full-width punctuation': new RegExp(` [${FULL_WIDTH}]|[${FULL_WIDTH}] `, 'u'),
  'space between two Han': new RegExp(`${HAN} ${HAN}`, 'u'),
} as const;

/** The typography rules a Chinese text breaks, as "rule at «excerpt»"; none for a clean text. */
export function typographySlips(text: string): string[] {
  return Object.entries(TYPOGRAPHY_RULES).flatMap(([rule, pattern]) => {
    const found = pattern.exec(text);
    return found ? [`${rule} at «${text.slice(Math.max(0, found.index - 8), found.index + found[0].length + 8)}»`] : [];
  });
}
