/** Exposure levels stored as their rank, so "the highest level in a minute" is a MAX(). */
import { ExposureLevel } from '../../../contract/snapshot.js';

const LEVELS = ExposureLevel.options;

export function levelRank(level: ExposureLevel): number {
  return LEVELS.indexOf(level);
}

export function levelOfRank(rank: number | null): ExposureLevel | null {
  return rank === null ? null : (LEVELS[rank] ?? null);
}
