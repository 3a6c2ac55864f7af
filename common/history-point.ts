/** A history point's verdict as a view or the CLI shows it, in the language in force. */
import type { HistoryPoint } from '../contract/history.js';
import type { Language } from './i18n/languages.js';
import { renderMessage } from './i18n/render.js';
import { translator } from './i18n/translate.js';

/** The verdict from its message; a point that has none has only English text, and says so in another language. */
export function pointSummary(point: Pick<HistoryPoint, 'summary' | 'summaryMessage'>, language: Language): string {
  if (point.summaryMessage) return renderMessage(point.summaryMessage, language);
  return language === 'en' ? point.summary : translator(language)('history-point.english-only', { summary: point.summary });
}
