/**
 * Rate limits notifications per rule and tool: the first of a kind is shown at once, later ones
 * within `windowMs` are held back and, when the window ends, shown as one (the latest, with the
 * number of the others in `folded`). Candidates of one kind arriving together fold at once. No
 * timers here: the notifier asks for what is due (so this is tested with a fake clock).
 */
import type { AppNotification } from '../../contract/notification.js';
import type { Candidate } from '../core/notify/rules.js';

interface KindState {
  windowEndsAt: number;
  held: Candidate | null;
  /** How many candidates `held` stands for. */
  heldCount: number;
}

const kindOf = (c: Candidate): string => JSON.stringify([c.rule, c.toolId]);

export class NotificationLimiter {
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #kinds = new Map<string, KindState>();

  constructor(options: { windowMs: number; now?: () => number; newId: () => string }) {
    this.#windowMs = options.windowMs;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId;
  }

  /** Takes a batch of candidates; returns those to show now (the rest are held). */
  offer(candidates: readonly Candidate[]): AppNotification[] {
    const now = this.#now();
    const batches = new Map<string, { latest: Candidate; count: number }>();
    for (const c of candidates) {
      const batch = batches.get(kindOf(c));
      batches.set(kindOf(c), { latest: c, count: (batch?.count ?? 0) + 1 });
    }
    const shown: AppNotification[] = [];
    for (const [kind, { latest, count }] of batches) {
      const state = this.#kinds.get(kind);
      if (state && now < state.windowEndsAt) {
        state.held = latest;
        state.heldCount += count;
        continue;
      }
      // A window that ended with candidates still held: they fold into this one.
      shown.push(this.#notification(latest, count + (state?.heldCount ?? 0) - 1));
      this.#kinds.set(kind, { windowEndsAt: now + this.#windowMs, held: null, heldCount: 0 });
    }
    return shown;
  }

  /** The held notifications whose window has ended; each starts a new window. */
  due(): AppNotification[] {
    const now = this.#now();
    const shown: AppNotification[] = [];
    for (const [kind, state] of this.#kinds) {
      if (now < state.windowEndsAt) continue;
      if (state.held === null) {
        this.#kinds.delete(kind);
        continue;
      }
      shown.push(this.#notification(state.held, state.heldCount - 1));
      this.#kinds.set(kind, { windowEndsAt: now + this.#windowMs, held: null, heldCount: 0 });
    }
    return shown;
  }

  /** When due() next has something to return, null when nothing is held. */
  nextDueAt(): number | null {
    let next: number | null = null;
    for (const state of this.#kinds.values()) {
      if (state.held !== null && (next === null || state.windowEndsAt < next)) next = state.windowEndsAt;
    }
    return next;
  }

  #notification(c: Candidate, folded: number): AppNotification {
    return { id: this.#newId(), at: c.at, rule: c.rule, toolId: c.toolId, title: c.title, body: c.body, message: c.message, folded };
  }
}
