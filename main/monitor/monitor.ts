/**
 * Samples the machine on an interval, keeps the latest snapshot and says what changed. Shared by
 * the Electron shell, the browser host and `telltale watch`; the sampler is injected, so this
 * module does no I/O.
 *
 * Events (contract/api.ts): the first good sample is a `snapshot` ({seq, snapshot}); each later
 * one a `delta` numbered seq + 1 from the one before, with the typed change events. `status` goes
 * out when it changes and as a heartbeat every heartbeatMs while running, so a client can tell a
 * live host from a dead one, and (lastSampleAt falling behind `now` while `sampling`) a sample
 * that stalls.
 *
 * One sample runs at a time: a request that arrives while one is in flight gets that sample's result.
 * The next timed sample is scheduled only after the previous one finished, so a slow machine is
 * never sampled by overlapping runs. A failed sample records `lastError` and keeps the previous
 * snapshot, so the UI goes on showing the last good picture.
 */
import { EventEmitter } from 'node:events';
import type { CaptureStatus, ConnectionAttempt } from '../../contract/attempts.js';
import type { MonitorEvent } from '../../contract/events.js';
import { HEARTBEAT_MS, type ApiEventName, type ApiEventPayload, type SamplerStatus, type SequencedSnapshot } from '../../contract/api.js';
import type { Snapshot } from '../../contract/snapshot.js';
import type { Language } from '../../common/i18n/languages.js';
import { diffForDelta } from './changes.js';
import { redactText } from '../core/secrets/policy.js';

export const DEFAULT_INTERVAL_MS = 5000;

export interface MonitorOptions {
  takeSnapshot: () => Promise<Snapshot>;
  intervalMs?: number;
  /** Start paused (the user's saved setting). */
  paused?: boolean;
  /** How often status is re-sent while running (the contract's HEARTBEAT_MS; shorter in tests). */
  heartbeatMs?: number;
  /** How attempts between samples are seen; polling with no reason given when not told. */
  capture?: () => CaptureStatus;
  /** The language in force (English when not told). */
  language?: () => Language;
  /** The language the system's locale gives (absent from the status when not told). */
  systemLanguage?: () => Language;
  /** Connection attempts seen since the last call: they go into the next delta, before its other events. */
  takeAttempts?: () => ConnectionAttempt[];
}

const POLLING_ONLY: CaptureStatus = { mode: 'polling', reason: null, pollMs: null };

type Listener<K extends ApiEventName> = (payload: ApiEventPayload<K>) => void;

function positiveMs(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`);
  // Whole milliseconds, as SamplerStatus reports them.
  return Math.max(1, Math.round(value));
}

export class Monitor {
  readonly #takeSnapshot: () => Promise<Snapshot>;
  #intervalMs: number;
  readonly #heartbeatMs: number;
  readonly #capture: () => CaptureStatus;
  readonly #takeAttempts: () => ConnectionAttempt[];
  readonly #language: () => Language;
  readonly #systemLanguage: (() => Language) | undefined;
  readonly #events = new EventEmitter();
  #current: SequencedSnapshot = { seq: 0, snapshot: null };
  #inFlight: Promise<Snapshot> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #running = false;
  #paused = false;
  #lastSampleAt: string | null = null;
  #lastError: string | null = null;
  /** When the last timed wait began, so a new interval can count from it. */
  #waitStartedAt = 0;

  constructor(options: MonitorOptions) {
    this.#takeSnapshot = options.takeSnapshot;
    this.#intervalMs = positiveMs(options.intervalMs ?? DEFAULT_INTERVAL_MS, 'intervalMs');
    this.#heartbeatMs = positiveMs(options.heartbeatMs ?? HEARTBEAT_MS, 'heartbeatMs');
    this.#capture = options.capture ?? (() => POLLING_ONLY);
    this.#paused = options.paused ?? false;
    this.#takeAttempts = options.takeAttempts ?? (() => []);
    this.#language = options.language ?? (() => 'en');
    this.#systemLanguage = options.systemLanguage;
    // Many SSE clients and windows may listen; the default limit of 10 would only print warnings.
    this.#events.setMaxListeners(0);
  }

  /** The last good snapshot and its seq ({0, null} before the first sample succeeded): the base of the next delta. */
  get current(): SequencedSnapshot {
    return this.#current;
  }

  /** The last good snapshot, or null before the first sample succeeded. */
  get snapshot(): Snapshot | null {
    return this.#current.snapshot;
  }

  get status(): SamplerStatus {
    return {
      paused: this.#paused,
      sampling: this.#inFlight !== null,
      lastSampleAt: this.#lastSampleAt,
      intervalMs: this.#intervalMs,
      lastError: this.#lastError,
      capture: this.#capture(),
      language: this.#language(),
      ...(this.#systemLanguage && { systemLanguage: this.#systemLanguage() }),
      now: new Date().toISOString(),
    };
  }

  /** Starts the heartbeat and periodic sampling, with an immediate first sample (unless paused). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#heartbeat = setInterval(() => this.#emit('status', this.status), this.#heartbeatMs);
    if (!this.#paused) this.#runTimedSample();
  }

  /** Stops sampling and the heartbeat; a sample already in flight still completes and is kept. */
  stop(): void {
    this.#running = false;
    this.#clearTimer();
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  pause(): void {
    this.setPaused(true);
  }

  resume(): void {
    this.setPaused(false);
  }

  setPaused(paused: boolean): SamplerStatus {
    if (paused !== this.#paused) {
      this.#paused = paused;
      this.#clearTimer();
      // Resuming samples at once: the picture may be as old as the pause.
      if (!paused && this.#running) this.#runTimedSample();
      this.#emit('status', this.status);
    }
    return this.status;
  }

  /**
   * Changes the time between samples while running. A wait under way is shortened or lengthened to
   * the new interval counted from when it began (a sample that is already due runs at once).
   */
  setIntervalMs(intervalMs: number): SamplerStatus {
    const next = positiveMs(intervalMs, 'intervalMs');
    if (next !== this.#intervalMs) {
      this.#intervalMs = next;
      if (this.#timer) this.#wait(Math.max(0, this.#waitStartedAt + next - Date.now()));
      this.#emit('status', this.status);
    }
    return this.status;
  }

  /** Takes a sample now (also while paused: the user asked), or joins the one in flight. */
  sampleNow(): Promise<Snapshot> {
    if (this.#inFlight) return this.#inFlight;
    const run = this.#sample();
    this.#inFlight = run;
    this.#emit('status', this.status);
    const settle = (): void => {
      this.#inFlight = null;
      this.#emit('status', this.status);
    };
    run.then(settle, settle);
    return run;
  }

  on<K extends ApiEventName>(event: K, listener: Listener<K>): () => void {
    this.#events.on(event, listener);
    return () => {
      this.#events.off(event, listener);
    };
  }

  async #sample(): Promise<Snapshot> {
    try {
      const snapshot = await this.#takeSnapshot();
      const previous = this.#current;
      const seq = previous.seq + 1;
      // Computed before anything is updated, so a failure here leaves the last good state whole.
      const delta = previous.snapshot && diffForDelta({ seq: previous.seq, snapshot: previous.snapshot }, snapshot, seq);
      this.#current = { seq, snapshot };
      this.#lastSampleAt = snapshot.takenAt;
      this.#lastError = null;
      if (delta) {
        // Taken only into a delta: attempts before the first snapshot wait for the one after it.
        const attempts = this.#takeAttempts().map((attempt): MonitorEvent => ({ type: 'connection-attempt', at: attempt.at, attempt }));
        this.#emit('delta', attempts.length ? { ...delta, events: [...attempts, ...delta.events] } : delta);
      }
      else this.#emit('snapshot', this.#current);
      return snapshot;
    } catch (error) {
      // Status reaches the UI and logs: an error quoting a config line must not carry its secret.
      this.#lastError = redactText(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  #runTimedSample(): void {
    this.sampleNow()
      // The error is already in status.lastError; a timed sample has no caller to tell.
      .catch(() => undefined)
      .finally(() => this.#scheduleNext());
  }

  #scheduleNext(): void {
    this.#clearTimer();
    if (!this.#running || this.#paused) return;
    this.#waitStartedAt = Date.now();
    this.#wait(this.#intervalMs);
  }

  #wait(ms: number): void {
    this.#clearTimer();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#runTimedSample();
    }, ms);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit<K extends ApiEventName>(event: K, payload: ApiEventPayload<K>): void {
    this.#events.emit(event, payload);
  }
}
