import type { Confidence, ExposureLevel } from '../../../contract/snapshot.js';

/** A colour family shared by badges; CSS maps each tone to light and dark colours. */
export type Tone = 'ok' | 'info' | 'warn' | 'danger' | 'muted';

const LEVEL_TONES: Record<ExposureLevel, Tone> = { none: 'ok', low: 'info', elevated: 'warn', high: 'danger' };

export function exposureTone(level: ExposureLevel | undefined): Tone {
  return level ? LEVEL_TONES[level] : 'muted';
}

const CONFIDENCE_TONES: Record<Confidence, Tone> = { low: 'info', medium: 'warn', high: 'danger' };

export function confidenceTone(confidence: Confidence): Tone {
  return CONFIDENCE_TONES[confidence];
}
