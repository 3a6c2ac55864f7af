/**
 * What went wrong with the settings file (contract/settings.ts SettingsProblem) as a sentence in a
 * language. The settings store writes SettingsStatus.problem, the English text, with this function.
 */
import type { SettingsFileFault, SettingsProblem, SettingsStatus } from '../../contract/settings.js';
import type { Language } from './languages.js';
import { renderReason } from './render-reason.js';
import { translator, type Translate } from './translate.js';

function fault(m: SettingsFileFault, t: Translate, language: Language): string {
  switch (m.id) {
    case 'settings-fault.unreadable':
      return t(m.id, { reason: renderReason(m.cause, language) });
    case 'settings-fault.not-json':
    case 'settings-fault.invalid':
      return t(m.id, { detail: m.detail });
  }
}

/** The settings file's problem in `language`. */
export function renderSettingsProblem(m: SettingsProblem, language: Language): string {
  const t = translator(language);
  switch (m.id) {
    case 'settings-problem.moved-aside':
      return t(m.id, { fault: fault(m.fault, t, language), aside: m.aside });
    case 'settings-problem.not-moved':
      return t(m.id, { fault: fault(m.fault, t, language), error: m.error });
    case 'settings-problem.not-watched':
      return t(m.id, { error: m.error });
  }
}

/** A status's problem in `language`: its message rendered when it has one, else the English text; null when fine. */
export function settingsProblemText(status: Pick<SettingsStatus, 'problem' | 'problemMessage'>, language: Language): string | null {
  return status.problemMessage ? renderSettingsProblem(status.problemMessage, language) : status.problem;
}
