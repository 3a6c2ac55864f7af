/** "just now", "3 s ago", "4 min ago", "2 h ago", "3 d ago"; "unknown" for a missing or bad timestamp. */
export function relativeTime(iso: string | null | undefined, nowMs: number): string {
  if (!iso) return 'unknown';
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return 'unknown';
  const seconds = Math.round((nowMs - then) / 1000);
  // Clocks of main and renderer may differ by a little: treat slight future times as now.
  if (seconds < 1) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Local wall-clock time of an ISO timestamp, for screen readers and tooltips. */
export function clockTime(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'unknown' : date.toLocaleTimeString();
}

/** The later of two ISO timestamps (a pushed snapshot can be newer than the last status), or null. */
export function latest(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : Number.NaN;
  const tb = b ? Date.parse(b) : Number.NaN;
  if (Number.isNaN(ta)) return Number.isNaN(tb) ? null : (b ?? null);
  return Number.isNaN(tb) || ta >= tb ? (a ?? null) : (b ?? null);
}
