/**
 * Terminal layout for the text report: every line at most `width` columns, measured as a terminal
 * shows them (CJK and emoji two wide, ANSI colour codes none: string-width), long cells wrapped
 * (wrap-ansi) rather than cut.
 */
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** Narrower than this a table cannot be laid out usefully; the width asked for is raised to it. */
export const MIN_WIDTH = 30;

const GAP = 2;

const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');

/** `text` wrapped to `width` columns; words longer than that are broken. Never empty. */
export function wrap(text: string, width: number): string[] {
  return wrapAnsi(oneLine(text), Math.max(1, width), { hard: true, trim: true }).split('\n');
}

/** A paragraph at `indent`, continuation lines at `hanging`. */
export function paragraph(text: string, width: number, indent: string, hanging = indent): string[] {
  const first = wrap(text, width - stringWidth(indent));
  const [head = '', ...rest] = first;
  // Rewrap the rest for the hanging indent when it differs.
  const tail = rest.length > 0 && hanging !== indent ? wrap(rest.join(' '), width - stringWidth(hanging)) : rest;
  return [indent + head, ...tail.map((line) => hanging + line)];
}

const padTo = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

/** Narrows the widest of the columns `canShrink` allows, one column at a time, until the total fits. */
function shrink(widths: number[], available: number, canShrink: (column: number) => boolean): void {
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > available) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (canShrink(i) && w > 1 && (widest < 0 || w > (widths[widest] ?? 0))) widest = i;
    });
    if (widest < 0) return;
    widths[widest] = (widths[widest] ?? 1) - 1;
    total -= 1;
  }
}

/**
 * Column widths that fit `available`: each column as wide as its longest cell; then the widest
 * narrowed, first only down to its longest word (so text wraps between words), then further
 * (breaking words) if it must.
 */
function fitColumns(natural: number[], longestWord: number[], available: number): number[] {
  const widths = [...natural];
  // A word longer than a third of the line (a URL) may be broken rather than squeeze every other column.
  const floor = longestWord.map((w) => Math.min(w, Math.floor(available / 3)));
  shrink(widths, available, (i) => (widths[i] ?? 0) > (floor[i] ?? 0));
  shrink(widths, available, () => true);
  return widths;
}

export interface ColumnsOptions {
  width: number;
  indent: string;
  head?: string[];
  /** Paints one rendered cell line, e.g. a header bold or a severity red (row -1 is the header). */
  paint?: (line: string, row: number, column: number) => string;
}

/** Rows as aligned columns (a header and a rule when `head` is given), cells wrapped to fit. */
export function columns(rows: string[][], { width, indent, head, paint = (l) => l }: ColumnsOptions): string[] {
  const all = (head ? [head, ...rows] : rows).map((row) => row.map(oneLine));
  const natural: number[] = [];
  const longestWord: number[] = [];
  for (const row of all) {
    row.forEach((cell, i) => {
      natural[i] = Math.max(natural[i] ?? 1, stringWidth(cell));
      for (const word of cell.split(' ')) longestWord[i] = Math.max(longestWord[i] ?? 1, stringWidth(word));
    });
  }
  const count = natural.length;
  const widths = fitColumns(natural, longestWord, width - stringWidth(indent) - GAP * (count - 1));
  const out: string[] = [];
  const render = (row: string[], index: number) => {
    const cells = widths.map((w, i) => wrap(row[i] ?? '', w));
    const height = Math.max(...cells.map((c) => c.length));
    for (let line = 0; line < height; line++) {
      const parts = cells.map((c, i) => {
        const text = c[line] ?? '';
        const padded = i === cells.length - 1 ? text : padTo(text, widths[i] ?? 0);
        return text === '' ? padded : paint(text, index, i) + padded.slice(text.length);
      });
      out.push((indent + parts.join(' '.repeat(GAP))).trimEnd());
    }
  };
  const body = head ? all.slice(1) : all;
  if (head) {
    render(all[0] ?? [], -1);
    out.push(indent + widths.map((w) => '-'.repeat(w)).join(' '.repeat(GAP)));
  }
  body.forEach((row, i) => render(row, i));
  return out;
}
