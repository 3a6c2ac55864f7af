/**
 * The report as Markdown (export). User-derived text is escaped with backslashes so it cannot
 * become markup; never with HTML entities, which show as "&amp;" in plain-text viewers.
 */
import type { Snapshot } from '../../../contract/snapshot.js';
import { translator, type Translate } from '../../../common/i18n/translate.js';
import { buildReport, type ReportBlock, type ReportOptions } from './report-model.js';
import { redactText } from '../secrets/policy.js';

/**
 * Escapes what Markdown (and the HTML it may embed) would interpret, "&" too (an entity such as
 * "&lt;" would otherwise render as "<"); newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ').replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

function block(b: ReportBlock, t: Translate): string[] {
  switch (b.kind) {
    case 'fields':
      return [...b.rows.map(([label, value]) => `- **${escapeMarkdown(t('report.label', { label }))}** ${escapeMarkdown(value)}`), ''];
    case 'table': {
      const row = (cells: string[], tone?: string) =>
        `| ${cells.map((c, i) => (i === 0 && tone === 'alert' ? `**${escapeMarkdown(c)}**` : escapeMarkdown(c) || ' ')).join(' | ')} |`;
      // One push per row: a spread of a large snapshot's rows would overflow the stack.
      const lines = [row(b.head), `|${b.head.map(() => ' --- ').join('|')}|`];
      b.rows.forEach((cells, i) => lines.push(row(cells, b.tones?.[i])));
      lines.push('');
      return lines;
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

export function renderMarkdown(snapshot: Snapshot, options: ReportOptions = {}): string {
  const report = buildReport(snapshot, options);
  const t = translator(report.language);
  const lines = [`# ${escapeMarkdown(report.title)}`, '', ...block({ kind: 'fields', rows: report.header }, t)];
  // One push per line: a spread of a large snapshot's rows would overflow the stack.
  for (const section of report.sections) {
    lines.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const line of section.blocks.flatMap((b) => block(b, t))) lines.push(line);
  }
  return redactText(`${lines.join('\n').trimEnd()}\n`);
}
