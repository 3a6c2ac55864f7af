/** The Timeline's charts as numbers uPlot can draw, and as text for those who cannot see them. */
import type { Timeline } from '../../../contract/history.js';
import type { ExposureLevel } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS } from '../../../common/exposure.js';
import type { Translate } from '../../../common/i18n/translate.js';

/** The exposure level as a height: none 0 … high 3; null where nothing was sampled (a gap in the line). */
export function exposureHeights(timeline: Timeline): (number | null)[] {
  return timeline.exposure.map((level) => (level === null ? null : EXPOSURE_LEVELS.indexOf(level)));
}

/** uPlot's x values are seconds. */
export function bucketSeconds(timeline: Timeline): number[] {
  return timeline.buckets.map((ms) => ms / 1000);
}

export type ActivityTotal = { name: string; total: number; peak: number; peakAt: number | null };

/** Per tool: connections over the range, the busiest bucket and when it began; busiest tool first. */
export function activityTotals(timeline: Timeline): ActivityTotal[] {
  return timeline.activity
    .map(({ name, counts }) => {
      let peak = 0;
      let peakAt: number | null = null;
      counts.forEach((count, index) => {
        if (count > peak) {
          peak = count;
          peakAt = timeline.buckets[index] ?? null;
        }
      });
      return { name, total: counts.reduce((sum, count) => sum + count, 0), peak, peakAt };
    })
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

/** The highest exposure in the range and when it was first reached; null when nothing was sampled. */
export function exposurePeak(timeline: Timeline): { level: ExposureLevel; at: number } | null {
  let best: { level: ExposureLevel; at: number } | null = null;
  timeline.exposure.forEach((level, index) => {
    const at = timeline.buckets[index];
    if (level === null || at === undefined) return;
    if (!best || EXPOSURE_LEVELS.indexOf(level) > EXPOSURE_LEVELS.indexOf(best.level)) best = { level, at };
  });
  return best;
}

/** "every 1 min", "every 15 min", "every 2 h" (每 15 分钟): how long one bucket is. */
export function bucketLabel(bucketMs: number, t: Translate): string {
  if (bucketMs < 60_000) return t('timeline.every.seconds', { count: String(Math.round(bucketMs / 1000)) });
  const minutes = Math.round(bucketMs / 60_000);
  return minutes < 60
    ? t('timeline.every.minutes', { count: String(minutes) })
    : t('timeline.every.hours', { count: String(Math.round(minutes / 60)) });
}

/** Series colours, distinguishable on light and dark backgrounds; the legend table names each. */
export const SERIES_COLORS = ['#1d6fe0', '#d9480f', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5c940d'];
