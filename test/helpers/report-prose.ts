/**
 * Checks that a report in Chinese has no English prose of its own: every line, after the snapshot's
 * data (values, hosts, paths, names, reasons) is taken out, is Chinese (test/helpers/i18n-checks.ts).
 */
import type { Snapshot } from '../../contract/snapshot.js';
import { signalLabel } from '../../common/signal-label.js';
import { hasMessage } from './english-fields.js';
import { dataStrings, expectChinese } from './i18n-checks.js';

/** The snapshot without the English texts that have their messages beside them. */
function withoutEnglishFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEnglishFields);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !hasMessage(k, value)).map(([k, v]) => [k, withoutEnglishFields(v)]));
  }
  return value;
}

/** The strings a report may show as they are in any language, longest first. */
export function reportData(snapshot: Snapshot): string[] {
  // A signal named by the file it is read from (/etc/localtime) reads the same in any language.
  const paths = snapshot.signals.map((signal) => signalLabel(signal, (id) => id, 'zh-CN')).filter((label) => label.startsWith('/'));
  const strings = [...dataStrings(withoutEnglishFields(snapshot)), ...paths];
  return [...new Set(strings)].filter((s) => s.length > 0);
}

/** Latin abbreviations Chinese developers write as they are (a column headed "PID"). */
const LATIN_TERMS = ['PID', 'TCP', 'UDP', 'DNS', 'URL', 'API', 'IP'];

/** Every line of `text` with letters left after the data is taken out is Chinese, with no English word. */
export function expectNoEnglishProse(text: string, data: readonly string[], what: string): void {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  for (const line of lines) expectChinese(line, [...data, ...LATIN_TERMS], `${what}: ${line}`);
}

/** An HTML report's visible text, one element's text a line (no style sheet, no attributes). */
export function htmlText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
}

/** A Markdown report's text without its markup and escapes, so data reads as it is. */
export function markdownText(md: string): string {
  return md
    .split('\n')
    .map((line) =>
      line
        .replace(/^_(.*)_$/, '$1')
        .replace(/^#+ |^\s*- /, '')
        .replace(/\*\*/g, '')
        .replace(/(^|[^\\])\|/g, '$1 ')
        .replace(/\\([\\`*_[\]<>|~&#])/g, '$1'),
    )
    .join('\n');
}
