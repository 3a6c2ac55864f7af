/** A what-if result as text for the terminal: each question's answer before and after, then the signals that changed. */
import type { WhatIfResult, WhatIfToggle } from '../../../contract/whatif.js';
import { exposureLabel } from '../../../common/exposure.js';
import { overviewRows, type QuestionId } from '../../../common/overview.js';
import { formatValue } from '../../../common/format.js';

const QUESTIONS: Readonly<Record<QuestionId, string>> = {
  country: 'Country',
  proxy: 'Proxy',
  employer: 'Employer',
  'ai-lab': 'AI labs',
  'check-2026': '2026 check',
};

export function describeToggle(toggle: WhatIfToggle): string {
  switch (toggle.kind) {
    case 'unset-env':
      return `${toggle.variable} unset`;
    case 'timezone':
      return `TZ=${toggle.zone}`;
    case 'locale':
      return `LANG=${toggle.locale} (LC_* and LANGUAGE unset)`;
    case 'drop-mirror':
      return `no ${toggle.ecosystem} mirror`;
    case 'hide-git-email':
      return 'no global git email';
    case 'base-url':
      return `${toggle.variable}=${toggle.url}`;
  }
}

export function renderWhatIfText(result: WhatIfResult): string {
  const before = new Map(overviewRows(result.before.inferences, result.before.checks).map((row) => [row.question, row]));
  const after = overviewRows(result.after.inferences, result.after.checks);
  const answer = (row: { verdict: string; confidence: string | null } | undefined) =>
    row ? `${row.verdict}${row.confidence ? ` (${row.confidence})` : ''}` : '-';
  const width = Math.max(...after.map((row) => answer(before.get(row.question)).length), 'now'.length);
  const lines = [
    `What if: ${result.toggles.length ? result.toggles.map(describeToggle).join(', ') : 'nothing changed'}`,
    '',
    `${'Exposure'.padEnd(11)} ${exposureLabel(result.before.exposure.level).padEnd(width)}  ->  ${exposureLabel(result.after.exposure.level)}`,
    ...after.map((row) => {
      const was = answer(before.get(row.question));
      const now = answer(row);
      return `${QUESTIONS[row.question].padEnd(11)} ${was.padEnd(width)}  ->  ${now}${was === now ? '' : '   (changed)'}`;
    }),
  ];
  if (result.signalsChanged.length) {
    lines.push('', 'Signals changed:');
    for (const change of result.signalsChanged) lines.push(`  ${change.id}: ${formatValue(change.before)} -> ${formatValue(change.after)}`);
  }
  return `${lines.join('\n')}\n`;
}
