/**
 * The CLI's readable report: the summary first, every line within the terminal's width, colour
 * only when the caller passes a style (the CLI decides: a TTY, NO_COLOR, FORCE_COLOR). Takes a
 * redacted snapshot; its output is scrubbed again all the same.
 */
import stringWidth from 'string-width';
import type { Snapshot } from '../../../contract/snapshot.js';
import { translator, type Translate } from '../../../common/i18n/translate.js';
import { buildReport, type ReportBlock, type ReportOptions, type ReportTone } from './report-model.js';
import { redactText } from '../secrets/policy.js';
import { MIN_WIDTH, columns, paragraph } from './text-layout.js';

/** The few styles the report uses; PLAIN leaves text as it is. */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
}

const same = (text: string) => text;
export const PLAIN: TextStyle = { bold: same, dim: same, red: same, yellow: same, green: same };

export interface TextOptions extends ReportOptions {
  /** Columns per line (default 80). */
  width?: number;
  style?: TextStyle;
}

function toneStyle(style: TextStyle, tone: ReportTone | undefined): (text: string) => string {
  switch (tone) {
    case 'alert':
      return (t) => style.bold(style.red(t));
    case 'warn':
      return style.yellow;
    case 'calm':
      return style.green;
    case undefined:
      return same;
  }
}

const INDENT = '  ';

function block(b: ReportBlock, width: number, style: TextStyle, t: Translate): string[] {
  switch (b.kind) {
    case 'fields':
      return columns(
        b.rows.map(([label, value]) => [t('report.label', { label }), value]),
        { width, indent: INDENT, paint: (line, _row, col) => (col === 0 ? style.dim(line) : line) },
      );
    case 'table':
      return columns(b.rows, {
        width,
        indent: INDENT,
        head: b.head,
        paint: (line, row, col) => (row < 0 ? style.bold(line) : col === 0 ? toneStyle(style, b.tones?.[row])(line) : line),
      });
    case 'items':
      return b.items.flatMap((item) => {
        const paint = toneStyle(style, item.tone);
        const lines = paragraph(item.text, width, `${INDENT}- `, `${INDENT}  `).map((l) => INDENT + paint(l.slice(INDENT.length)));
        for (const detail of item.details ?? []) for (const l of paragraph(detail, width, `${INDENT}    `, `${INDENT}      `)) lines.push(l);
        return lines;
      });
    case 'subheading':
      return ['', ...paragraph(t('report.label', { label: b.text }), width, INDENT).map(style.bold)];
    case 'note':
      return paragraph(b.text, width, INDENT).map(style.dim);
  }
}

export function renderText(snapshot: Snapshot, options: TextOptions = {}): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? 80));
  const style = options.style ?? PLAIN;
  const report = buildReport(snapshot, options);
  const t = translator(report.language);
  // Underlines as wide as the terminal shows the title (a CJK character takes two columns).
  const lines = [style.bold(report.title), '='.repeat(Math.min(width, stringWidth(report.title)))];
  for (const line of columns(report.header.map(([label, value]) => [t('report.label', { label }), value]), { width, indent: '' })) lines.push(line);
  // One push per line: a spread of a large snapshot's rows would overflow the stack.
  for (const section of report.sections) {
    lines.push('', style.bold(section.title), '-'.repeat(Math.min(width, stringWidth(section.title))));
    for (const line of section.blocks.flatMap((b) => block(b, width, style, t))) lines.push(line);
  }
  return redactText(`${lines.join('\n')}\n`);
}
