/** Where a value in free text ends, found by one forward scan from its start (never past its line). */

/** A bare value runs to whitespace, a quote or a separator. */
const BARE_END = /[\s"'`,;&<>)}\]]/g;
const LINE_END = /\r?\n/g;
const CLOSING = { '"': /["\n]/g, "'": /['\n]/g } as const;

interface Span {
  from: number;
  to: number;
}

function next(re: RegExp, text: string, from: number): number {
  re.lastIndex = from;
  return re.exec(text)?.index ?? text.length;
}

/**
 * The value starting at `start`: a quoted one runs to its closing quote (or the end of its line) and
 * excludes the quotes; a bare one runs to a separator, or with `wholeLine` to the end of the line.
 */
export function valueSpan(text: string, start: number, wholeLine = false): Span {
  const quote = text[start];
  if (quote === '"' || quote === "'") return { from: start + 1, to: next(CLOSING[quote], text, start + 1) };
  return { from: start, to: next(wholeLine ? LINE_END : BARE_END, text, start) };
}
