/**
 * What the tray shows, computed from the last snapshot and the sampler status. Pure (no electron
 * import) so every state is unit-tested; tray.ts only applies the result.
 */
import type { SamplerStatus } from '../../contract/api.js';
import type { Confidence, ExposureLevel, Inference, Snapshot } from '../../contract/snapshot.js';

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
    quit: string;
  };
}

/** Windows truncates tray tooltips at 127 characters; cut ourselves so the cut is visible. */
export const MAX_TOOLTIP_LENGTH = 127;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const LEVEL_BY_CONFIDENCE: Record<Confidence, ExposureLevel> = { high: 'high', medium: 'elevated', low: 'low' };
const LEVEL_WORDS: Record<ExposureLevel, string> = {
  none: 'nothing inferred',
  low: 'low exposure',
  elevated: 'elevated exposure',
  high: 'high exposure',
};

/** The most confident inference; among equals the first, as the snapshot orders them. */
export function topInference(snapshot: Snapshot): Inference | null {
  let top: Inference | null = null;
  for (const inference of snapshot.inferences) {
    if (!top || CONFIDENCE_RANK[inference.confidence] > CONFIDENCE_RANK[top.confidence]) top = inference;
  }
  return top;
}

/** The snapshot's own verdict when it has one, else derived from the most confident inference. */
export function exposureLevel(snapshot: Snapshot | null): ExposureLevel {
  if (!snapshot) return 'none';
  if (snapshot.exposure) return snapshot.exposure.level;
  const top = topInference(snapshot);
  return top ? LEVEL_BY_CONFIDENCE[top.confidence] : 'none';
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function describe(snapshot: Snapshot | null, status: SamplerStatus, level: ExposureLevel): string {
  if (!snapshot) return status.lastError ? `sampling failed: ${status.lastError}` : 'sampling…';
  const top = topInference(snapshot);
  return top ? `${LEVEL_WORDS[level]}: ${top.statement}` : LEVEL_WORDS[level];
}

export function trayState(snapshot: Snapshot | null, status: SamplerStatus): TrayState {
  const level = exposureLevel(snapshot);
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
      quit: 'Quit Telltale',
    },
  };
}
