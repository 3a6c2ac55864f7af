/**
 * The report as one self-contained HTML document (export): no scripts, no external resources, a
 * CSP that forbids both, every text HTML-escaped, light and dark via prefers-color-scheme.
 */
import type { Snapshot } from '../../../contract/snapshot.js';
import { buildReport, type ReportBlock, type ReportItem, type ReportOptions } from './report-model.js';
import { redactText } from '../secrets/policy.js';

export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1d1f23; --bg: #ffffff; --muted: #5b6270; --line: #d9dde3; --alert: #b3261e; --warn: #8a5a00; --calm: #1e7b34; --head: #f3f5f8; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6e8eb; --bg: #16181c; --muted: #a1a8b3; --line: #343941; --alert: #ff8a80; --warn: #f2c46d; --calm: #7bd88f; --head: #1f2228; }
}
body { margin: 0; background: var(--bg); color: var(--fg); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin-top: 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--head); }
.note { color: var(--muted); font-style: italic; }
.alert > span, tr.alert > td:first-child { color: var(--alert); font-weight: 600; }
tr.warn > td:first-child { color: var(--warn); font-weight: 600; }
.calm > span, tr.calm > td:first-child { color: var(--calm); }
li ul { color: var(--muted); font-size: .9rem; }
`;

function item(i: ReportItem): string {
  const details = i.details?.length ? `<ul>${i.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  return `<li${i.tone ? ` class="${i.tone}"` : ''}><span>${escapeHtml(i.text)}</span>${details}</li>`;
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'fields':
      return `<dl>${b.rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`;
    case 'table': {
      const head = `<tr>${b.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
      const rows = b.rows
        .map((row, i) => {
          const tone = b.tones?.[i];
          return `<tr${tone ? ` class="${tone}"` : ''}>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
        })
        .join('\n');
      return `<table><thead>${head}</thead><tbody>\n${rows}\n</tbody></table>`;
    }
    case 'items':
      return `<ul>\n${b.items.map(item).join('\n')}\n</ul>`;
    case 'subheading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
  }
}

export function renderHtml(snapshot: Snapshot, options: ReportOptions = {}): string {
  const report = buildReport(snapshot, options);
  const header = block({ kind: 'fields', rows: report.header });
  const sections = report.sections
    .map((s) => `<section>\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`)
    .join('\n');
  const html = `<!doctype html>
<html lang="${report.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(report.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(report.title)}</h1>
${header}
${sections}
</main>
</body>
</html>
`;
  return redactText(html);
}
