/** Checks on rendered sentences: nothing left unfilled, and no English prose in the Chinese. */
import { expect } from 'vitest';
import { CHECK_2026_SIGNALLING } from '../../common/check-2026.js';

/** Words of English prose; none is a value, a name or a technical term the Chinese keeps. */
export const ENGLISH_WORDS =
  /\b(?:the|a|an|and|or|is|are|be|can|could|may|you|your|of|in|to|with|by|from|for|not|its|it|that|would|tools|tell|guess|located|mirror|used|mostly|through|unless|only|set|probably|almost|certainly|possibly|work|at|which|but|more|independent|evidence|points|start|turn|off|remove|move|keep|use|take|treats|like|requests|hidden|openly|unset|neutral|readable|every|app|belongs|company|lab|host|time|zone|locale|registry|search|network|internal|endpoint|accounts|script|answer|system|setting|config|flagged|reported|swapped|separator|switched|apostrophe|custom|base|vendor|changes|any|some|service|worldwide|run|provider|public)\b/i;

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
