/**
 * The Timeline's buckets: 1 minute over the last hour, 5 minutes over a day, an hour over a week,
 * ending at the next whole minute, and the series assembled from per-minute rows grouped by bucket.
 */
import { HISTORY_RANGE_MS, type HistoryRange, type Timeline } from '../../../contract/history.js';
import { levelOfRank } from './levels.js';
import { HOUR_MS, MINUTE_MS } from './sample-record.js';

export const BUCKET_MS: Record<HistoryRange, number> = { '1h': MINUTE_MS, '24h': 5 * MINUTE_MS, '7d': HOUR_MS };

/** Activity is kept per minute and per hour; buckets of whole hours read the hourly rows. */
export const activityResolution = (bucketMs: number): 'minute' | 'hour' => (bucketMs % HOUR_MS === 0 ? 'hour' : 'minute');

export interface TimelineSpan {
  range: HistoryRange;
  fromMs: number;
  toMs: number;
  bucketMs: number;
  count: number;
}

export function timelineSpan(range: HistoryRange, nowMs: number): TimelineSpan {
  const bucketMs = BUCKET_MS[range];
  const toMs = Math.ceil((nowMs + 1) / MINUTE_MS) * MINUTE_MS;
  const count = Math.ceil(HISTORY_RANGE_MS[range] / bucketMs);
  return { range, fromMs: toMs - count * bucketMs, toMs, bucketMs, count };
}

/** The highest exposure rank in each bucket (bucket index as the query computed it). */
export interface ExposureBucket {
  bucket: number;
  rank: number;
}

/** One owner's activity in one bucket: its peak of open connections plus its attempts. */
export interface ActivityBucket {
  bucket: number;
  toolId: string | null;
  name: string;
  connections: number;
  attempts: number;
}

export function assembleTimeline(span: TimelineSpan, exposure: readonly ExposureBucket[], activity: readonly ActivityBucket[]): Timeline {
  const inRange = (b: number) => Number.isInteger(b) && b >= 0 && b < span.count;
  const levels: Timeline['exposure'] = Array.from({ length: span.count }, () => null);
  for (const row of exposure) if (inRange(row.bucket)) levels[row.bucket] = levelOfRank(row.rank);
  const series = new Map<string, Timeline['activity'][number]>();
  for (const row of activity) {
    if (!inRange(row.bucket)) continue;
    const key = JSON.stringify([row.toolId, row.toolId ? '' : row.name]);
    let s = series.get(key);
    if (!s) series.set(key, (s = { toolId: row.toolId, name: row.name, counts: new Array<number>(span.count).fill(0) }));
    s.counts[row.bucket] = row.connections + row.attempts;
  }
  return {
    range: span.range,
    from: new Date(span.fromMs).toISOString(),
    to: new Date(span.toMs).toISOString(),
    bucketMs: span.bucketMs,
    buckets: Array.from({ length: span.count }, (_, i) => span.fromMs + i * span.bucketMs),
    exposure: levels,
    activity: [...series.values()].sort((a, b) => total(b.counts) - total(a.counts) || a.name.localeCompare(b.name)),
  };
}

const total = (counts: readonly number[]): number => counts.reduce((sum, n) => sum + n, 0);
