/**
 * Samples the machine on an interval and keeps the latest snapshot. Shared by the Electron shell,
 * the browser host and `telltale watch`; the sampler itself is injected so this module does no I/O.
 *
 * One sample runs at a time: a request that arrives while one is in flight gets that sample's result.
 * The next timed sample is scheduled only after the previous one finished, so a slow machine is
 * never sampled by overlapping runs. A failed sample records `lastError` and keeps the previous
 * snapshot, so the UI goes on showing the last good picture.
 */
import { EventEmitter } from 'node:events';
import type { ApiEventName, ApiEventPayload, SamplerStatus } from '../../contract/api.js';
import type { Snapshot } from '../../contract/snapshot.js';

export const DEFAULT_INTERVAL_MS = 5000;

export interface MonitorOptions {
  takeSnapshot: () => Promise<Snapshot>;
  intervalMs?: number;
}

type Listener<K extends ApiEventName> = (payload: ApiEventPayload<K>) => void;

export class Monitor {
  readonly #takeSnapshot: () => Promise<Snapshot>;
  readonly #intervalMs: number;
  readonly #events = new EventEmitter();
  #snapshot: Snapshot | null = null;
  #inFlight: Promise<Snapshot> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  #paused = false;
  #lastSampleAt: string | null = null;
  #lastError: string | null = null;

  constructor(options: MonitorOptions) {
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    if (!Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new RangeError(`intervalMs must be a positive number, got ${intervalMs}`);
    }
    this.#takeSnapshot = options.takeSnapshot;
    // Whole milliseconds, as SamplerStatus reports them.
    this.#intervalMs = Math.max(1, Math.round(intervalMs));
    // Many SSE clients and windows may listen; the default limit of 10 would only print warnings.
    this.#events.setMaxListeners(0);
  }

  #seq = 0;

  get seq(): number {
    return this.#seq;
  }

  /** The last good snapshot, or null before the first sample succeeded. */
  get snapshot(): Snapshot | null {
    return this.#snapshot;
  }

  get status(): SamplerStatus {
    return {
      paused: this.#paused,
      sampling: this.#inFlight !== null,
      lastSampleAt: this.#lastSampleAt,
      intervalMs: this.#intervalMs,
      lastError: this.#lastError,
      now: new Date().toISOString(),
    };
  }

  /** Starts periodic sampling with an immediate first sample (unless paused). */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    if (!this.#paused) this.#runTimedSample();
  }

  /** Stops periodic sampling; a sample already in flight still completes and is kept. */
  stop(): void {
    this.#running = false;
    this.#clearTimer();
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
      this.#snapshot = snapshot;
      this.#lastSampleAt = snapshot.takenAt;
      this.#lastError = null;
      this.#seq++;
      this.#emit('snapshot', { seq: this.#seq, snapshot });
      return snapshot;
    } catch (error) {
      this.#lastError = error instanceof Error ? error.message : String(error);
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
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#runTimedSample();
    }, this.#intervalMs);
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #emit<K extends ApiEventName>(event: K, payload: ApiEventPayload<K>): void {
    this.#events.emit(event, payload);
  }
}
