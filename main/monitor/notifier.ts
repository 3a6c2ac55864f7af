/**
 * Turns the monitor's events into notifications (the `notification` API event): the rules of
 * main/core/notify/rules.ts, with what is known so far, the user's mutes and a rate limit.
 *
 * - Start-up: the first snapshot is learned silently (tools running, destinations already
 *   contacted), and for `graceMs` after it candidates are learned but not shown, so starting
 *   Telltale on a busy machine raises no storm.
 * - Destinations already known come from `knownEndpoints` (the history store); without it, the
 *   notifier learns from what it sees in this run.
 * - Per rule x tool, at most one notification per `windowMs`; the rest fold into the next one.
 * - Mutes and the master switch are read when a notification is about to be shown.
 */
import { EventEmitter } from 'node:events';
import type { ApiEventName, ApiEventPayload, SequencedSnapshot } from '../../contract/api.js';
import type { SnapshotDelta } from '../../contract/events.js';
import type { EndpointRecord } from '../../contract/history.js';
import type { AppNotification } from '../../contract/notification.js';
import type { Tool } from '../../contract/snapshot.js';
import {
  destinationOfConnection,
  destinationsOfEndpoints,
  evaluateRules,
  isMuted,
  learnDestinations,
  type KnownDestinations,
  type NotificationSettings,
} from '../core/notify/rules.js';
import { NotificationLimiter } from './notification-limiter.js';
import type { Monitor } from './monitor.js';

export const DEFAULT_GRACE_MS = 3000;
export const DEFAULT_WINDOW_MS = 60_000;

export interface NotifierOptions {
  /** The notification settings in force (read at each event). */
  settings: () => NotificationSettings;
  /** What tools were seen contacting before this run (the history store), read once at attach. */
  knownEndpoints?: () => readonly EndpointRecord[];
  graceMs?: number;
  windowMs?: number;
  now?: () => number;
}

export class Notifier {
  readonly #events = new EventEmitter();
  readonly #settings: () => NotificationSettings;
  readonly #knownEndpoints: (() => readonly EndpointRecord[]) | undefined;
  readonly #graceMs: number;
  readonly #now: () => number;
  readonly #limiter: NotificationLimiter;
  readonly #toolNames = new Map<string, string>();
  #known: KnownDestinations = new Map();
  /** When the grace after the first snapshot ends; null until the first snapshot. */
  #graceEndsAt: number | null = null;
  #timer: NodeJS.Timeout | null = null;
  #count = 0;

  constructor(options: NotifierOptions) {
    this.#settings = options.settings;
    this.#knownEndpoints = options.knownEndpoints;
    this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.#now = options.now ?? Date.now;
    this.#limiter = new NotificationLimiter({
      windowMs: options.windowMs ?? DEFAULT_WINDOW_MS,
      now: this.#now,
      newId: () => `notification-${++this.#count}`,
    });
    this.#events.setMaxListeners(0);
  }

  /** Listens to the monitor's snapshot and deltas; returns a function that stops listening. */
  attach(monitor: Pick<Monitor, 'on'>): () => void {
    this.#seed();
    const offs = [monitor.on('snapshot', (s) => this.#onSnapshot(s)), monitor.on('delta', (d) => this.#onDelta(d))];
    return () => {
      for (const off of offs) off();
      this.close();
    };
  }

  on<K extends ApiEventName>(event: K, listener: (payload: ApiEventPayload<K>) => void): () => void {
    this.#events.on(event, listener);
    return () => {
      this.#events.off(event, listener);
    };
  }

  /** Drops a pending folded notification's timer. */
  close(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #seed(): void {
    if (!this.#knownEndpoints) return;
    try {
      this.#known = learnDestinations(this.#known, destinationsOfEndpoints(this.#knownEndpoints()));
    } catch {
      // No history to seed from: destinations are learned from what this run sees.
    }
  }

  #learnTools(tools: readonly Tool[] | undefined): void {
    for (const tool of tools ?? []) this.#toolNames.set(tool.id, tool.name);
  }

  #onSnapshot({ snapshot }: SequencedSnapshot): void {
    if (!snapshot) return;
    this.#learnTools(snapshot.tools);
    const seen = snapshot.connections.map(destinationOfConnection).filter((d) => d !== null);
    this.#known = learnDestinations(this.#known, seen);
    this.#graceEndsAt ??= this.#now() + this.#graceMs;
  }

  #onDelta(delta: SnapshotDelta): void {
    this.#learnTools(delta.tools);
    for (const e of delta.events) if (e.type === 'tool-started') this.#toolNames.set(e.toolId, e.name);
    const { candidates, seen } = evaluateRules({
      events: delta.events,
      known: this.#known,
      // A tool no sample named yet is named by its id (a value in any language).
      toolName: (id) => this.#toolNames.get(id) ?? id,
      exposure: delta.exposure?.message,
      notifications: this.#settings(),
    });
    this.#known = learnDestinations(this.#known, seen);
    if (this.#graceEndsAt === null || this.#now() < this.#graceEndsAt) return;
    this.#show(this.#limiter.offer(candidates));
  }

  #show(notifications: AppNotification[]): void {
    const settings = this.#settings();
    for (const n of notifications) if (!isMuted(n.rule, n.toolId, settings)) this.#events.emit('notification', n);
    this.#schedule();
  }

  /** Wakes up when the next held-back notification is due. */
  #schedule(): void {
    this.close();
    const at = this.#limiter.nextDueAt();
    if (at === null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#show(this.#limiter.due());
    }, Math.max(0, at - this.#now()));
    this.#timer.unref();
  }
}
