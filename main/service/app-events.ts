/**
 * The one typed source of the app's events (contract/api.ts apiEvents): the monitor's snapshot,
 * delta and status, the notifier's notifications and the settings store's changes. The event
 * stream both hosts serve (event-stream.ts) forwards every event of it, so a new kind of event
 * reaches both by being added here.
 */
import { EventEmitter } from 'node:events';
import type { ApiEventName, ApiEventPayload, SamplerStatus, SequencedSnapshot } from '../../contract/api.js';

export type AppEventListener<K extends ApiEventName> = (payload: ApiEventPayload<K>) => void;

/** What a transport needs: every event, and the state a new client starts from. */
export interface AppEvents {
  readonly current: SequencedSnapshot;
  readonly status: SamplerStatus;
  on<K extends ApiEventName>(event: K, listener: AppEventListener<K>): () => void;
}

/** Something that emits some of the app's events (a Monitor emits snapshot, delta and status). */
export interface AppEventSource {
  on<K extends ApiEventName>(event: K, listener: AppEventListener<K>): () => void;
}

export class AppEventHub implements AppEvents {
  readonly #events = new EventEmitter();
  readonly #state: Pick<AppEvents, 'current' | 'status'>;
  readonly #detach: Array<() => void> = [];

  /** `state` gives a new client its starting point (the monitor). */
  constructor(state: Pick<AppEvents, 'current' | 'status'>) {
    this.#state = state;
    // One listener per SSE client and window; the default limit of 10 would only print warnings.
    this.#events.setMaxListeners(0);
  }

  get current(): SequencedSnapshot {
    return this.#state.current;
  }

  get status(): SamplerStatus {
    return this.#state.status;
  }

  /** Re-emits `events` of `source` from the hub. */
  forward(source: AppEventSource, events: readonly ApiEventName[]): void {
    for (const event of events) this.#detach.push(source.on(event, (payload) => this.emit(event, payload)));
  }

  emit<K extends ApiEventName>(event: K, payload: ApiEventPayload<K>): void {
    this.#events.emit(event, payload);
  }

  on<K extends ApiEventName>(event: K, listener: AppEventListener<K>): () => void {
    this.#events.on(event, listener);
    return () => {
      this.#events.off(event, listener);
    };
  }

  /** Stops forwarding (listeners of the hub stay, but hear nothing more from the sources). */
  close(): void {
    for (const off of this.#detach.splice(0)) off();
  }
}
