/** What the UI says about a failed call, in the language in force: its own words for a refusal, else the error's message. */
import type { Language } from '../../../common/i18n/languages.js';
import { translator } from '../../../common/i18n/translate.js';
import { ApiError } from './untrusted.js';

const SERVE = '`telltale serve`';

export function errorText(reason: unknown, language: Language): string {
  if (!(reason instanceof ApiError) || !reason.refusal) return reason instanceof Error ? reason.message : String(reason);
  const t = translator(language);
  const refusal = reason.refusal;
  switch (refusal.kind) {
    case 'unreachable':
      return t('api-error.unreachable', { error: refusal.error });
    case 'unauthorised':
      return t('api-error.unauthorised', { status: String(refusal.status), command: SERVE });
    case 'misdirected':
      return t('api-error.misdirected', { command: SERVE });
    case 'failed':
      return t('api-error.failed', { call: reason.call, status: String(refusal.status) });
    case 'not-json':
      return t('api-error.not-json', { call: reason.call });
  }
}
