/** The report as Markdown (export). User-derived text is escaped so it cannot become markup. */
import type { Snapshot } from '../../../contract/snapshot.js';
import { buildReport, type ReportBlock } from './report-model.js';
import { redactText } from '../secrets/policy.js';

/** Escapes what Markdown (and the HTML it may embed) would interpret; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&/g, '&amp;');
}

function block(b: ReportBlock): string[] {
  switch (b.kind) {
    case 'fields':
      return [...b.rows.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`), ''];
    case 'table': {
      const row = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
      return [row(b.head), `|${b.head.map(() => ' --- ').join('|')}|`, ...b.rows.map(row), ''];
    }
    case 'items':
      return [
        ...b.items.flatMap((item) => [
          `- ${item.tone === 'alert' ? `**${escapeMarkdown(item.text)}**` : escapeMarkdown(item.text)}`,
          ...(item.details ?? []).map((detail) => `  - ${escapeMarkdown(detail)}`),
        ]),
        '',
      ];
    case 'subheading':
      return [`### ${escapeMarkdown(b.text)}`, ''];
    case 'note':
      return [`_${escapeMarkdown(b.text)}_`, ''];
  }
}

export function renderMarkdown(snapshot: Snapshot): string {
  const report = buildReport(snapshot);
  const lines = [`# ${escapeMarkdown(report.title)}`, ''];
  lines.push(...report.summary.map(([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`), '');
  // One push per line: a spread of a large snapshot's rows would overflow the stack.
  for (const section of report.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const line of section.blocks.flatMap(block)) lines.push(line);
  }
  return redactText(`${lines.join('\n').trimEnd()}\n`);
}
