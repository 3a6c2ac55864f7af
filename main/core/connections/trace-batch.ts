/**
 * One read of the binary trace, from pages to events. One connection's changes can land on
 * different CPUs, and each CPU's buffer is read in turn: a connect recorded on CPU 0 just after
 * CPU 0 was read, and its outcome on CPU 1 just before CPU 1 was, would reach the tracker in the
 * wrong order. So a read's pages are merged by time, and what was stamped after the read started
 * (less a margin) is kept back for the next read.
 * Every record is decoded: whether the tracker wants one (a close) can depend on an attempt on a
 * page of another CPU not read yet.
 */
import { decodeTracePage, type RawLayout, type SocketStateChange } from './trace-page.js';
import type { ConnectionEnd, ConnectionEvent } from './trace-events.js';
import type { SocketTracker } from './trace-sockets.js';

export interface TraceBatcher {
  /** Decodes one page of the current read. */
  addPage(page: Uint8Array): void;
  /**
   * Ends the read: hands the changes stamped up to `cutoff` (seconds, the trace clock; Infinity:
   * all) to the tracker in time order, and the events they complete to `emit`; keeps the rest.
   */
  finish(cutoff: number, emit: (event: ConnectionEvent | ConnectionEnd) => void): void;
  /** Pages the kernel flagged for events lost before them (its buffer was full). */
  readonly missedPages: number;
}

// Further ahead than this, a time is not on our clock (a kernel that kept its own trace clock).
const CLOCK_SKEW_SECONDS = 5;

// Compared without subtracting: a difference of doubles would be a new heap number per comparison.
const byTime = (a: SocketStateChange, b: SocketStateChange) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0);

export function createTraceBatcher(layout: RawLayout, tracker: SocketTracker): TraceBatcher {
  let missedPages = 0;
  let batch: SocketStateChange[] = [];
  return {
    addPage(page) {
      const decoded = decodeTracePage(page, layout);
      if (decoded.missedEvents) missedPages++;
      for (let i = 0; i < decoded.changes.length; i++) batch.push(decoded.changes[i]!);
    },
    finish(cutoff, emit) {
      const changes = batch;
      batch = [];
      if (changes.length > 1) changes.sort(byTime);
      for (let i = 0; i < changes.length; i++) {
        const change = changes[i]!;
        if (change.timestamp > cutoff && change.timestamp < cutoff + CLOCK_SKEW_SECONDS) {
          batch.push(change);
          continue;
        }
        const event = tracker.push(change);
        if (event !== null) emit(event);
      }
    },
    get missedPages() {
      return missedPages;
    },
  };
}
