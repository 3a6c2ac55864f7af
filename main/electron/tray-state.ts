/**
 * What the tray shows, computed from the last snapshot and the sampler status, in the language the
 * status says is in force. Pure (no electron import) so every state is unit-tested; tray.ts only
 * applies the result.
 */
import type { SamplerStatus } from '../../contract/api.js';
import type { ExposureLevel, Snapshot } from '../../contract/snapshot.js';
import { exposureFor, exposureLabel, topInference } from '../../common/exposure.js';
import type { Language } from '../../common/i18n/languages.js';
import { renderStatement } from '../../common/i18n/render.js';
import { translator, type Translate } from '../../common/i18n/translate.js';

export type TrayIconName = `tray-${ExposureLevel}`;

export interface TrayState {
  level: ExposureLevel;
  iconName: TrayIconName;
  tooltip: string;
  menu: {
    open: string;
    sampleNow: string;
    sampleNowEnabled: boolean;
    exportSnapshot: string;
    exportEnabled: boolean;
    pauseResume: string;
    /** Toggles the notifications setting's master switch. */
    notifications: string;
    quit: string;
  };
}

/** Windows truncates tray tooltips at 127 characters; cut ourselves so the cut is visible. */
export const MAX_TOOLTIP_LENGTH = 127;

/** The core's verdict as the snapshot carries it, worked out the same way for a snapshot without one. */
export function verdictOf(snapshot: Snapshot): { level: ExposureLevel; summary: string } {
  return snapshot.exposure ?? exposureFor(snapshot.inferences, snapshot.checks ?? []);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The level and the most telling inference (the one the Overview lists first), else the verdict's summary. */
function describe(snapshot: Snapshot | null, status: SamplerStatus, level: ExposureLevel, t: Translate, language: Language): string {
  if (!snapshot) return status.lastError ? t('tray.sampling-failed', { error: status.lastError }) : t('tray.sampling');
  const top = topInference(snapshot.inferences);
  if (top) {
    const statement = top.message ? renderStatement(top.message, top.evidenceMessages ?? [], language) : top.statement;
    return t('tray.level-and-finding', { level: exposureLabel(level, language), finding: statement });
  }
  return verdictOf(snapshot).summary || exposureLabel(level, language);
}

export function trayState(snapshot: Snapshot | null, status: SamplerStatus, notificationsOn = true): TrayState {
  const { language } = status;
  const t = translator(language);
  const level = snapshot ? verdictOf(snapshot).level : 'none';
  const flags = [status.paused ? t('tray.flag.paused') : null, snapshot && status.lastError ? t('tray.flag.failed') : null].filter((f) => f !== null);
  const suffix = flags.length ? t('tray.flags', { flags: flags.join(t('list.semicolon')) }) : '';
  const body = truncate(t('tray.tooltip', { text: describe(snapshot, status, level, t, language) }), MAX_TOOLTIP_LENGTH - suffix.length);
  return {
    level,
    iconName: `tray-${level}`,
    tooltip: `${body}${suffix}`,
    menu: {
      open: t('tray.open'),
      sampleNow: status.sampling ? t('tray.sampling-now') : t('tray.sample-now'),
      sampleNowEnabled: !status.sampling,
      exportSnapshot: t('tray.export'),
      exportEnabled: snapshot !== null,
      pauseResume: status.paused ? t('tray.resume') : t('tray.pause'),
      notifications: notificationsOn ? t('tray.notifications-pause') : t('tray.notifications-resume'),
      quit: t('tray.quit'),
    },
  };
}
