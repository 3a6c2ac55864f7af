/** The CLI's readable report. Takes a redacted snapshot; its output is scrubbed again all the same. */
import type { Snapshot } from '../../../contract/snapshot.js';
import { buildReport, type ReportBlock } from './report-model.js';
import { redactText } from '../secrets/policy.js';

/** The longest of `lengths` (0 for none); a loop, since Math.max(...rows) overflows the stack on a large snapshot. */
function longest(lengths: Iterable<number>): number {
  let max = 0;
  for (const length of lengths) if (length > max) max = length;
  return max;
}

/** Columns wider than this are not padded further, so one long command does not widen every row. */
const MAX_COLUMN = 48;

const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');

function table(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows].map((row) => row.map(oneLine));
  const widths = head.map((_, col) => Math.min(MAX_COLUMN, longest(all.map((row) => (row[col] ?? '').length))));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const [first, ...rest] = all;
  return [line(first ?? []), line(widths.map((w) => '-'.repeat(w))), ...rest.map(line)].map((l) => `  ${l}`);
}

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'fields': {
      const width = longest(b.rows.map(([label]) => label.length)) + 1;
      return b.rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)} ${oneLine(value)}`);
    }
    case 'table':
      return table(b.head, b.rows);
    case 'items':
      return b.items.flatMap((item) => [
        `  - ${oneLine(item.text)}`,
        ...(item.details ?? []).map((detail) => `      ${oneLine(detail)}`),
      ]);
    case 'subheading':
      return [`  ${b.text}:`];
    case 'note':
      return [`  ${oneLine(b.text)}`];
  }
}

export function renderText(snapshot: Snapshot): string {
  const report = buildReport(snapshot);
  const lines = [report.title, '='.repeat(report.title.length)];
  const width = longest(report.summary.map(([label]) => label.length)) + 1;
  for (const [label, value] of report.summary) lines.push(`${`${label}:`.padEnd(width)} ${oneLine(value)}`);
  // One push per line: a spread of a large snapshot's rows would overflow the stack.
  for (const section of report.sections) {
    lines.push('', section.title, '-'.repeat(section.title.length));
    for (const line of section.blocks.flatMap(block)) lines.push(line);
  }
  return redactText(`${lines.join('\n')}\n`);
}
