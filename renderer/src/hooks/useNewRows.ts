import { useCallback, useEffect, useState } from 'react';
import { markAllSeen, markSeen, nextDwellEnd, nextNewRows, NO_NEW_ROWS, seenAfterDwell, type NewRows } from '../lib/new-rows.js';

/** How long a new row must be in view, with the page visible and focused, to count as seen. */
export const SEEN_DWELL_MS = 600;
/** The share of a row that must be in view (its element's, clipped by the table's box and the window). */
const IN_VIEW_RATIO = 0.5;

/**
 * Watches the elements of unseen rows: an IntersectionObserver says which are in view, the
 * document says whether the user is looking (visible and focused). A row in view while the user
 * looks for the dwell is reported seen; one that comes in while the tab is hidden waits for the user.
 */
class SeenWatcher {
  private observer: IntersectionObserver | null = null;
  private readonly watched = new Map<Element, string>();
  private readonly inView = new Set<string>();
  private readonly inViewSince = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onSeen: (ids: string[]) => void,
    private readonly dwellMs: number,
  ) {}

  /** Watches `element` (a row with `identity`) until the returned function is called. */
  watch(element: Element, identity: string): () => void {
    this.watched.set(element, identity);
    this.observer?.observe(element);
    return () => {
      this.watched.delete(element);
      this.observer?.unobserve(element);
      this.inView.delete(identity);
      this.inViewSince.delete(identity);
    };
  }

  start(): void {
    this.observer = new IntersectionObserver((entries) => this.onEntries(entries), { threshold: IN_VIEW_RATIO });
    for (const element of this.watched.keys()) this.observer.observe(element);
    document.addEventListener('visibilitychange', this.update);
    window.addEventListener('focus', this.update);
    window.addEventListener('blur', this.update);
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.inView.clear();
    this.inViewSince.clear();
    clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.update);
    window.removeEventListener('focus', this.update);
    window.removeEventListener('blur', this.update);
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const id = this.watched.get(entry.target);
      if (id === undefined) continue;
      if (entry.isIntersecting && entry.intersectionRatio >= IN_VIEW_RATIO) this.inView.add(id);
      else {
        this.inView.delete(id);
        this.inViewSince.delete(id);
      }
    }
    this.update();
  }

  /** Starts the dwell of rows in view while the user looks; stops every dwell while not. */
  private readonly update = (): void => {
    clearTimeout(this.timer);
    if (document.visibilityState !== 'visible' || !document.hasFocus()) {
      this.inViewSince.clear();
      return;
    }
    const now = performance.now();
    for (const id of this.inView) if (!this.inViewSince.has(id)) this.inViewSince.set(id, now);
    const due = nextDwellEnd(this.inViewSince, this.dwellMs);
    if (due !== null) this.timer = setTimeout(this.fire, Math.max(0, due - now));
  };

  private readonly fire = (): void => {
    const seen = seenAfterDwell(this.inViewSince, performance.now(), this.dwellMs);
    for (const id of seen) this.inViewSince.delete(id);
    if (seen.length > 0) this.onSeen(seen);
    this.update();
  };
}

export type NewRowsTracking = {
  /** Identities new since the view opened and not yet seen. */
  unseen: ReadonlySet<string>;
  /** Ref for an unseen row's element; `data-identity` on it names the row. */
  watchRow: (element: HTMLElement | null) => (() => void) | undefined;
  markAllSeen: () => void;
};

/**
 * The rows new since the previous sample, each marked until the user has seen it. `sample`
 * changes with each sample (its takenAt), `identities` are that sample's.
 */
export function useNewRows(sample: string, identities: () => Iterable<string>): NewRowsTracking {
  const [state, setState] = useState<NewRows>(NO_NEW_ROWS);
  const [lastSample, setLastSample] = useState<string | null>(null);
  // Adjusting state while rendering when the sample changes, as React recommends over an effect.
  if (sample !== lastSample) {
    setLastSample(sample);
    setState((current) => nextNewRows(current, identities()));
  }
  const [watcher] = useState(() => new SeenWatcher((ids) => setState((current) => markSeen(current, ids)), SEEN_DWELL_MS));
  useEffect(() => {
    watcher.start();
    return () => watcher.stop();
  }, [watcher]);
  // A ref callback that returns its cleanup (React 19 then never calls it with null).
  const watchRow = useCallback((element: HTMLElement | null) => (element ? watcher.watch(element, element.dataset.identity ?? '') : undefined), [watcher]);
  const markAll = useCallback(() => setState(markAllSeen), []);
  return { unseen: state.unseen, watchRow, markAllSeen: markAll };
}
