/** The CLI's readable report. Takes a redacted snapshot; its output is scrubbed again all the same. */
import type { Snapshot } from '../../../contract/snapshot.js';
import { buildReport, type ReportBlock } from './report-model.js';
import { redactText } from '../secrets/policy.js';

/** Columns wider than this are not padded further, so one long command does not widen every row. */
const MAX_COLUMN = 48;

const oneLine = (text: string): string => text.replace(/\s*\r?\n\s*/g, ' ');

function table(head: string[], rows: string[][]): string[] {
  const all = [head, ...rows].map((row) => row.map(oneLine));
  const widths = head.map((_, col) => Math.min(MAX_COLUMN, Math.max(...all.map((row) => (row[col] ?? '').length))));
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
      const width = Math.max(...b.rows.map(([label]) => label.length)) + 1;
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
  const width = Math.max(...report.summary.map(([label]) => label.length)) + 1;
  lines.push(...report.summary.map(([label, value]) => `${`${label}:`.padEnd(width)} ${oneLine(value)}`));
  for (const section of report.sections) {
    lines.push('', section.title, '-'.repeat(section.title.length), ...section.blocks.flatMap(block));
  }
  return redactText(`${lines.join('\n')}\n`);
}
