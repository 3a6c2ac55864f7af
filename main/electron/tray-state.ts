/**
 * What the tray shows, computed from the last snapshot and the sampler status. Pure (no electron
 * import) so every state is unit-tested; tray.ts only applies the result.
 */
import type { SamplerStatus } from '../../contract/api.js';
import type { ExposureLevel, Snapshot } from '../../contract/snapshot.js';
import { exposureFor, exposureLabel, topInference } from '../../common/exposure.js';

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
function describe(snapshot: Snapshot | null, status: SamplerStatus, level: ExposureLevel): string {
  if (!snapshot) return status.lastError ? `sampling failed: ${status.lastError}` : 'sampling…';
  const top = topInference(snapshot.inferences);
  if (top) return `${exposureLabel(level)}: ${top.statement}`;
  return verdictOf(snapshot).summary || exposureLabel(level);
}

export function trayState(snapshot: Snapshot | null, status: SamplerStatus, notificationsOn = true): TrayState {
  const level = snapshot ? verdictOf(snapshot).level : 'none';
  const flags = [status.paused ? 'paused' : null, snapshot && status.lastError ? 'last sample failed' : null].filter(Boolean);
  const suffix = flags.length ? ` (${flags.join('; ')})` : '';
  const body = truncate(`Telltale — ${describe(snapshot, status, level)}`, MAX_TOOLTIP_LENGTH - suffix.length);
  return {
    level,
    iconName: `tray-${level}`,
    tooltip: `${body}${suffix}`,
    menu: {
      open: 'Open Telltale',
      sampleNow: status.sampling ? 'Sampling…' : 'Sample now',
      sampleNowEnabled: !status.sampling,
      exportSnapshot: 'Export snapshot…',
      exportEnabled: snapshot !== null,
      pauseResume: status.paused ? 'Resume monitoring' : 'Pause monitoring',
      notifications: notificationsOn ? 'Pause notifications' : 'Resume notifications',
      quit: 'Quit Telltale',
    },
  };
}
