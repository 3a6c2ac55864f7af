import type { Confidence, ExposureLevel } from '../../../contract/snapshot.js';

/** A colour family shared by badges; CSS maps each tone to light and dark colours. */
export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'muted';

const LEVELS: Record<ExposureLevel, { label: string; tone: Tone }> = {
  none: { label: 'No exposure', tone: 'ok' },
  low: { label: 'Low exposure', tone: 'info' },
  elevated: { label: 'Elevated exposure', tone: 'warn' },
  high: { label: 'High exposure', tone: 'danger' },
};

export function exposureLabel(level: ExposureLevel | undefined): string {
  return level ? LEVELS[level].label : 'Exposure not assessed';
}

export function exposureTone(level: ExposureLevel | undefined): Tone {
  return level ? LEVELS[level].tone : 'muted';
}

const CONFIDENCE_TONES: Record<Confidence, Tone> = { low: 'info', medium: 'warn', high: 'danger' };

export function confidenceTone(confidence: Confidence): Tone {
  return CONFIDENCE_TONES[confidence];
}
