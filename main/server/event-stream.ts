/**
 * GET /api/events: the app's events (main/service/app-events.ts) as Server-Sent Events, named like
 * contract/api.ts. A new client gets the current status and the numbered snapshot at once (so the
 * UI never waits a whole interval for its first picture), then deltas, status (including the
 * monitor's heartbeat, which also keeps idle connections and any proxy between from timing out),
 * notifications and settings changes. Everything is released when the client goes away.
 *
 * Under load: each event is serialized once into one Buffer that every client's socket references
 * (no copy per client). A client that does not keep up (more than `maxBufferedBytes` written to it
 * still wait for its socket when the next event comes) is written nothing more until it drains;
 * what it missed is coalesced into the latest state: on drain it gets the latest settings and status,
 * the notifications of the gap (at most MAX_HELD_NOTIFICATIONS) and a fresh snapshot in place of
 * the deltas (the UI starts over from any snapshot event). One that stays stalled for
 * `stalledDropMs` is dropped; EventSource reconnects by itself once the page reads again.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiEvents, type ApiEventName, type ApiEventPayload, type SequencedSnapshot } from '../../contract/api.js';
import type { AppEvents } from '../service/app-events.js';

export interface EventStreamLimits {
  /** Open streams at most; the one too many is refused with 503. */
  maxClients: number;
  /**
   * Bytes queued in the process for one client beyond which it counts as lagging (at least the
   * socket's high-water mark, 16 KiB, so that a 'drain' is due). It holds at most this plus one frame.
   */
  maxBufferedBytes: number;
  /** A lagging client that has not drained for this long is disconnected. */
  stalledDropMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = {
  maxClients: 32,
  maxBufferedBytes: 1024 * 1024,
  stalledDropMs: 30_000,
};

/** Notifications of a gap kept for a lagging client; older ones are dropped (the history keeps them). */
export const MAX_HELD_NOTIFICATIONS = 20;

type Frame = Buffer;

function frameOf<K extends ApiEventName>(event: K, payload: ApiEventPayload<K>): Frame {
  // JSON.stringify never emits a raw newline, so one data: line carries the whole payload.
  return Buffer.from(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`, 'utf8');
}

/** What a lagging client missed, reduced to what it needs on resume. */
interface Missed {
  snapshot: boolean;
  status: boolean;
  settings: Frame | null;
  notifications: Frame[];
}

const nothingMissed = (): Missed => ({ snapshot: false, status: false, settings: null, notifications: [] });

class Client {
  #lagSince: number | null = null;
  #missed = nothingMissed();

  constructor(
    readonly res: ServerResponse,
    private readonly limits: EventStreamLimits,
    private readonly resync: () => { status: Frame; snapshot: Frame },
    private readonly now: () => number,
  ) {}

  get lagging(): boolean {
    return this.#lagSince !== null;
  }

  /**
   * Writes `frame` unless more than the bound written before has not gone out yet: then the client
   * lags, and the frame only marks what it will need on resume.
   */
  send(event: ApiEventName, frame: Frame): void {
    if (this.#lagSince === null && this.res.writableLength <= this.limits.maxBufferedBytes) {
      this.res.write(frame);
      return;
    }
    if (this.#lagSince === null) {
      this.#lagSince = this.now();
      this.res.once('drain', () => this.#resume());
    } else if (this.now() - this.#lagSince >= this.limits.stalledDropMs) {
      return void this.res.destroy();
    }
    const missed = this.#missed;
    if (event === 'snapshot' || event === 'delta') missed.snapshot = true;
    else if (event === 'status') missed.status = true;
    else if (event === 'settings') missed.settings = frame;
    else missed.notifications = [...missed.notifications, frame].slice(-MAX_HELD_NOTIFICATIONS);
  }

  #resume(): void {
    const missed = this.#missed;
    this.#lagSince = null;
    this.#missed = nothingMissed();
    if (missed.settings) this.send('settings', missed.settings);
    for (const frame of missed.notifications) this.send('notification', frame);
    // The status and snapshot are taken now, not from the gap: the latest state, whole.
    if (!missed.snapshot && !missed.status) return;
    const latest = this.resync();
    this.send('status', latest.status);
    if (missed.snapshot) this.send('snapshot', latest.snapshot);
  }
}

export type OpenResult = { ok: true; end: () => void } | { ok: false; status: 503; reason: string };

/**
 * One per server: listens to the app's events once and fans each frame out to the open streams.
 * `now` is a parameter so tests can stall a client without waiting.
 */
export class EventBroadcaster {
  readonly #clients = new Set<Client>();
  readonly #unsubscribe: Array<() => void>;
  #snapshotFrame: { for: SequencedSnapshot; frame: Frame } | null = null;

  constructor(
    private readonly source: AppEvents,
    private readonly limits: EventStreamLimits = DEFAULT_EVENT_STREAM_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.#unsubscribe = (Object.keys(apiEvents) as ApiEventName[]).map((event) =>
      source.on(event, (payload) => this.#broadcast(event, frameOf(event, payload))),
    );
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** How many open streams are lagging right now. */
  get laggingCount(): number {
    return [...this.#clients].filter((client) => client.lagging).length;
  }

  /** Bytes written to the streams that their sockets have not taken yet. */
  get queuedBytes(): number {
    let total = 0;
    for (const client of this.#clients) total += client.res.writableLength;
    return total;
  }

  /** Starts a stream on `res`, or says why not (too many streams). */
  open(req: IncomingMessage, res: ServerResponse): OpenResult {
    if (this.#clients.size >= this.limits.maxClients) {
      return { ok: false, status: 503, reason: `Too many open event streams (at most ${this.limits.maxClients}): close another Telltale tab.` };
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const client = new Client(res, this.limits, () => this.#latest(), this.now);
    this.#clients.add(client);
    res.write(': telltale events\n\n');
    // Added and written in the same tick, so no delta can fall between the snapshot this client
    // starts from and the deltas it gets.
    const { status, snapshot } = this.#latest();
    client.send('status', status);
    client.send('snapshot', snapshot);

    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      this.#clients.delete(client);
      res.end();
    };
    req.on('close', end);
    res.on('close', end);
    return { ok: true, end };
  }

  /** Ends every stream and stops listening. */
  close(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    for (const client of [...this.#clients]) client.res.end();
    this.#clients.clear();
  }

  #broadcast(event: ApiEventName, frame: Frame): void {
    for (const client of this.#clients) client.send(event, frame);
  }

  /** The state a new or resuming client starts from; the snapshot is serialized once per seq. */
  #latest(): { status: Frame; snapshot: Frame } {
    const current = this.source.current;
    if (this.#snapshotFrame?.for !== current) this.#snapshotFrame = { for: current, frame: frameOf('snapshot', current) };
    return { status: frameOf('status', this.source.status), snapshot: this.#snapshotFrame.frame };
  }
}
