import type { HistoryStatus } from '../../../contract/history.js';
import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { useLanguage, useT } from '../hooks/useT.js';

/** Why there is nothing from the history (turned off, or the store could not be opened). */
export function noHistoryReason(status: HistoryStatus, language: Language = 'en'): string {
  return status.message ?? translator(language)('no-history.unavailable');
}

export function NoHistory({ status }: { status: HistoryStatus }) {
  const t = useT();
  const language = useLanguage();
  return <p className="muted">{t('no-history.line', { reason: noHistoryReason(status, language) })}</p>;
}
