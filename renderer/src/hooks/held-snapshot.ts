/**
 * The snapshot the UI holds and the seq it is at, kept current by deltas. Pure, so the rules for
 * what to do with each thing the host sends are tested apart from React.
 */
import type { SequencedSnapshot } from '../../../contract/api.js';
import type { MonitorEvent, SnapshotDelta } from '../../../contract/events.js';
import { applyDelta } from '../../../common/snapshot-delta.js';

/** What the UI knows about its line to the host, for telling a live host from a gone one. */
export type Link = {
  /** Date.now() when the host was last heard from (any event or status reply), or null. */
  heardAt: number | null;
  /** The event stream failed and nothing has been heard since. */
  streamDown: boolean;
};

/** How many recent events the UI keeps (for the timeline); older ones are dropped. */
export const RECENT_EVENTS = 200;

export type DeltaOutcome =
  /** The delta followed on from what is held: here is the result. */
  | { kind: 'applied'; held: SequencedSnapshot }
  /** Already held (a delta older than a snapshot fetched meanwhile): nothing to do. */
  | { kind: 'old' }
  /** A delta is missing between what is held and this one: fetch the snapshot again. */
  | { kind: 'gap' };

export function receiveDelta(held: SequencedSnapshot | null, delta: SnapshotDelta): DeltaOutcome {
  if (held?.snapshot && delta.baseSeq === held.seq) {
    return { kind: 'applied', held: { seq: delta.seq, snapshot: applyDelta(held.snapshot, delta) } };
  }
  return held && delta.seq <= held.seq ? { kind: 'old' } : { kind: 'gap' };
}

/**
 * Whether a fetched snapshot replaces what is held. A pushed snapshot or deltas may have moved
 * past it while the reply was on its way.
 */
export function isNewer(fetched: SequencedSnapshot, held: SequencedSnapshot | null): boolean {
  return held === null || fetched.seq > held.seq;
}

/**
 * `recent` with `events` appended, the oldest dropped past RECENT_EVENTS. Connection attempts are
 * left out: precise capture can report dozens a second, which would push every other change out
 * (they are kept apart, see lib/attempts.ts).
 */
export function appendEvents(recent: MonitorEvent[], events: MonitorEvent[]): MonitorEvent[] {
  const kept = events.filter((event) => event.type !== 'connection-attempt');
  // The same array when nothing happened, so React skips the update.
  if (kept.length === 0) return recent;
  return [...recent, ...kept].slice(-RECENT_EVENTS);
}
