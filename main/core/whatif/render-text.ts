/** A what-if result as text for the terminal: each question's answer before and after, then the signals that changed. */
import stringWidth from 'string-width';
import type { WhatIfResult, WhatIfToggle } from '../../../contract/whatif.js';
import { exposureLabel } from '../../../common/exposure.js';
import { overviewRows, type OverviewRow, type QuestionId } from '../../../common/overview.js';
import { formatValue } from '../../../common/format.js';
import type { Language } from '../../../common/i18n/languages.js';
import { CONFIDENCE_WORDS } from '../../../common/i18n/render.js';
import { translator, type PlainKey } from '../../../common/i18n/translate.js';

const QUESTIONS: Readonly<Record<QuestionId, PlainKey>> = {
  country: 'whatif.question.country',
  proxy: 'whatif.question.proxy',
  employer: 'whatif.question.employer',
  'ai-lab': 'whatif.question.ai-lab',
  'check-2026': 'whatif.question.check-2026',
};

export function describeToggle(toggle: WhatIfToggle, language: Language): string {
  const t = translator(language);
  switch (toggle.kind) {
    case 'unset-env':
      return t('whatif.toggle.unset', { variable: toggle.variable });
    case 'timezone':
      return `TZ=${toggle.zone}`;
    case 'locale':
      return t('whatif.toggle.locale', { locale: toggle.locale });
    case 'drop-mirror':
      return t('whatif.toggle.drop-mirror', { ecosystem: toggle.ecosystem });
    case 'hide-git-email':
      return t('whatif.toggle.hide-git-email');
    case 'base-url':
      return `${toggle.variable}=${toggle.url}`;
  }
}

/** Pads to terminal columns (CJK characters take two), not to String.length. */
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));

export function renderWhatIfText(result: WhatIfResult, language: Language): string {
  const t = translator(language);
  const before = new Map(overviewRows(result.before.inferences, result.before.checks, language).map((row) => [row.question, row]));
  const after = overviewRows(result.after.inferences, result.after.checks, language);
  const answer = (row: Pick<OverviewRow, 'verdict' | 'confidence'> | undefined) =>
    row ? `${row.verdict}${row.confidence ? t('list.paren', { item: '', detail: t(CONFIDENCE_WORDS[row.confidence]) }) : ''}` : '-';
  const width = Math.max(...after.map((row) => stringWidth(answer(before.get(row.question)))), 'now'.length);
  const labels = [t('whatif.text.exposure'), ...after.map((row) => t(QUESTIONS[row.question]))];
  const labelWidth = Math.max(11, ...labels.map((label) => stringWidth(label)));
  const lines = [
    t('whatif.text.title', { toggles: result.toggles.length ? result.toggles.map((toggle) => describeToggle(toggle, language)).join(', ') : t('whatif.text.nothing') }),
    '',
    `${padEnd(t('whatif.text.exposure'), labelWidth)} ${padEnd(exposureLabel(result.before.exposure.level, language), width)}  ->  ${exposureLabel(result.after.exposure.level, language)}`,
    ...after.map((row) => {
      const was = answer(before.get(row.question));
      const now = answer(row);
      return `${padEnd(t(QUESTIONS[row.question]), labelWidth)} ${padEnd(was, width)}  ->  ${now}${was === now ? '' : `   ${t('whatif.text.changed')}`}`;
    }),
  ];
  if (result.signalsChanged.length) {
    lines.push('', t('whatif.text.signals-changed'));
    for (const change of result.signalsChanged) {
      lines.push(`  ${change.id}: ${formatValue(change.before, undefined, language)} -> ${formatValue(change.after, undefined, language)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
