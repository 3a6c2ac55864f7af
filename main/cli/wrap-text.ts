/**
 * Wraps prose to a terminal width as a terminal shows it (CJK two columns): Latin words break at
 * spaces, Chinese may break between any two characters (it has no spaces), and a line never starts
 * with closing punctuation (，。）… move down with the character before them).
 */
import stringWidth from 'string-width';

const WIDE = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
/** One Han character or full-width mark, a run of anything else but spaces, or spaces. */
const UNITS = new RegExp(`[${WIDE}]|[^\\s${WIDE}]+|\\s+`, 'gu');
const CLOSING = /^[，。、；：？！）》」』】,.;:?!)]$/u;

interface Unit {
  text: string;
  /** Preceded by a space in the text (kept unless the unit starts a line). */
  spaced: boolean;
}

const widthOf = (units: readonly Unit[]) => stringWidth(units.map((u, i) => (i > 0 && u.spaced ? ' ' : '') + u.text).join(''));

/** `text` as lines of at most `width` columns; a unit wider than that (a long URL) is cut. */
export function wrapText(text: string, width: number): string[] {
  const lines: Unit[][] = [[]];
  let spaced = false;
  for (const [piece] of text.matchAll(UNITS)) {
    if (/^\s+$/.test(piece)) {
      spaced = true;
      continue;
    }
    const unit = { text: piece, spaced };
    spaced = false;
    const line = lines.at(-1) as Unit[];
    if (line.length === 0 || widthOf([...line, unit]) <= width) {
      line.push(unit);
      continue;
    }
    // Closing punctuation takes the character before it to the next line.
    const carried = CLOSING.test(unit.text) && line.length > 1 && !unit.spaced ? [line.pop() as Unit] : [];
    lines.push([...carried, unit]);
  }
  return lines.flatMap((line) => cut(line.map((u, i) => (i > 0 && u.spaced ? ' ' : '') + u.text).join(''), width));
}

/** A line still too wide (one unbreakable unit) cut into pieces of at most `width` columns. */
function cut(line: string, width: number): string[] {
  if (stringWidth(line) <= width) return [line];
  const pieces: string[] = [''];
  for (const char of line) {
    if (stringWidth((pieces.at(-1) ?? '') + char) > width) pieces.push('');
    pieces[pieces.length - 1] += char;
  }
  return pieces;
}
