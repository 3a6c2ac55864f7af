/** Column widths from content, so a virtualised table (rows laid out apart) cuts no cell. */

export type MeasuredColumn<R> = {
  label: string;
  cell: (row: R) => string;
  /** Room besides the text (padding, a sort arrow, a marker), px. */
  extraPx: number;
};

/** How many of a column's longest texts are measured. */
const CANDIDATES = 64;

/**
 * The texts that can be the widest: the longest by characters, at most CANDIDATES of them, in one
 * pass (no set or sort of every cell: this runs before the table's first paint). Measuring every
 * cell of 10,000 rows costs too much, and in these columns (names, addresses, states) a text a
 * quarter shorter than the longest is not wider in practice; the extra room absorbs the rest.
 */
function widestCandidates<R>(rows: readonly R[], cell: (row: R) => string): string[] {
  const byLength = new Map<number, Set<string>>();
  let longest = 0;
  for (const row of rows) {
    const text = cell(row);
    if (text.length < longest * 0.75) continue;
    longest = Math.max(longest, text.length);
    let bucket = byLength.get(text.length);
    if (!bucket) byLength.set(text.length, (bucket = new Set()));
    if (bucket.size < CANDIDATES) bucket.add(text);
  }
  const floor = Math.floor(longest * 0.75);
  const lengths = [...byLength.keys()].filter((length) => length >= floor).sort((a, b) => b - a);
  return lengths.flatMap((length) => [...(byLength.get(length) ?? [])]).slice(0, CANDIDATES);
}

/**
 * Per column, the widest of its header and its cells, by `measure` (text width, px) and
 * `measureHeader` (headers are bold).
 */
export function columnWidths<R>(
  columns: readonly MeasuredColumn<R>[],
  rows: readonly R[],
  measure: (text: string) => number,
  measureHeader: (text: string) => number = measure,
): number[] {
  return columns.map((column) => {
    let widest = measureHeader(column.label);
    for (const text of widestCandidates(rows, column.cell)) widest = Math.max(widest, measure(text));
    return Math.ceil(widest + column.extraPx);
  });
}
