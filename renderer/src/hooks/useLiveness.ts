import { HEARTBEAT_MS, type SamplerStatus } from '../../../contract/api.js';
import type { Link } from './held-snapshot.js';
import { useNow } from './useNow.js';

/** Missing this many heartbeats in a row means the host is gone. */
export const DOWN_AFTER_MS = 2 * HEARTBEAT_MS;
/** A last sample older than this many intervals (on the host's clock) means sampling stalled. */
export const STALE_AFTER_INTERVALS = 3;

export type Liveness =
  /** Nothing heard yet. */
  | 'connecting'
  /** Heartbeats arrive and samples are recent. */
  | 'live'
  /** The user paused monitoring; heartbeats still arrive. */
  | 'paused'
  /** Heartbeats arrive but no sample has succeeded for STALE_AFTER_INTERVALS intervals. */
  | 'stale'
  /** No heartbeat for DOWN_AFTER_MS, or the event stream failed. */
  | 'down';

/**
 * Which of the states above holds at `nowMs`. How old the last sample is, is measured on the host's
 * clock (status.now - lastSampleAt), so a UI on another clock cannot mistake skew for a stall.
 */
export function liveness(status: SamplerStatus | null, link: Link, nowMs: number): Liveness {
  if (link.streamDown) return 'down';
  if (link.heardAt === null || status === null) return 'connecting';
  if (nowMs - link.heardAt > DOWN_AFTER_MS) return 'down';
  if (status.paused) return 'paused';
  if (status.lastSampleAt !== null) {
    const age = Date.parse(status.now) - Date.parse(status.lastSampleAt);
    if (age > STALE_AFTER_INTERVALS * status.intervalMs) return 'stale';
  }
  return 'live';
}

/** liveness(), re-evaluated every second (a host going silent changes nothing else). */
export function useLiveness(status: SamplerStatus | null, link: Link): { state: Liveness; now: number } {
  const now = useNow(1000);
  return { state: liveness(status, link, now), now };
}
