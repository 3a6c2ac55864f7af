/** How long the history is kept and how big it may grow; what to drop when it is over. */
export const DAY_MS = 86_400_000;

export interface Retention {
  /** Rows older than this many days are deleted. */
  days: number;
  /** Past this size the oldest events go first, then the oldest per-minute rows and points. */
  maxSizeMb: number;
}

export const DEFAULT_RETENTION: Retention = { days: 30, maxSizeMb: 200 };

/** Clear words for a retention that cannot be applied, or null when it is fine. */
export function retentionProblem(r: Retention): string | null {
  if (!Number.isFinite(r.days) || r.days <= 0) return `retention days must be a positive number, got ${r.days}`;
  if (!Number.isFinite(r.maxSizeMb) || r.maxSizeMb <= 0) return `retention size must be a positive number of MB, got ${r.maxSizeMb}`;
  return null;
}

export function cutoffMs(nowMs: number, r: Retention): number {
  return nowMs - r.days * DAY_MS;
}

export const maxBytes = (r: Retention): number => r.maxSizeMb * 1024 * 1024;

/**
 * When over the cap, the time before which rows go: the oldest fraction of what is kept, and never
 * less than a minute (so each round makes progress).
 */
export function trimBefore(oldestMs: number, newestMs: number, usedBytes: number, capBytes: number): number {
  const span = Math.max(newestMs - oldestMs, 0);
  // Drop a bit more than the overshoot's share, so one round usually suffices.
  const share = Math.min(1, (usedBytes - capBytes) / usedBytes + 0.05);
  return oldestMs + Math.max(60_000, Math.ceil(span * share));
}
