/**
 * GET /api/events: the app's events (main/service/app-events.ts) as Server-Sent Events, named like
 * contract/api.ts, as the body of a web Response (a ReadableStream), so the browser host and
 * Electron's app:// protocol serve the same stream. A new client gets the current status and the
 * numbered snapshot at once (so the UI never waits a whole interval for its first picture), then
 * deltas, status (including the monitor's heartbeat, which also keeps idle connections and any
 * proxy between from timing out), notifications and settings changes. Everything is released when
 * the client cancels its stream.
 *
 * Under load: each event is serialized once into one byte array that every client's stream
 * references (no copy per client). Each stream's queue counts bytes; a client whose queue holds
 * more than `maxBufferedBytes` when the next event comes (its transport stopped taking them: a
 * socket that does not drain, a renderer that does not read) is queued nothing more until it
 * has taken everything; what it missed is coalesced into the latest state: it then gets the latest
 * settings and status, the notifications of the gap (at most MAX_HELD_NOTIFICATIONS) and a fresh
 * snapshot in place of the deltas (the UI starts over from any snapshot event). One that stays
 * stalled for `stalledDropMs` is dropped (its stream errors); the UI's reader reconnects.
 *
 * A transport pulls from the stream as it writes: the browser host into a socket (which shows no
 * backpressure until the kernel's buffers for it are full, several MB on loopback), Electron into
 * its URL loader. Fanning one 0.6 MB delta out to 100 such clients in one go blocked the event loop
 * for 0.6 s (bench/serve-load.ts), and API calls waited behind it; so the fan-out queues at most
 * FANOUT_BYTES_PER_TURN per turn of the event loop and goes on in the next, frames in order.
 */
import { apiEvents, type ApiEventName, type ApiEventPayload, type SequencedSnapshot } from '../../contract/api.js';
import type { AppEvents } from './app-events.js';

export interface EventStreamLimits {
  /** Open streams at most; the one too many is refused with 503. */
  maxClients: number;
  /** Bytes queued for one client beyond which it counts as lagging. It holds at most this plus one frame. */
  maxBufferedBytes: number;
  /** A lagging client that has not caught up for this long is disconnected. */
  stalledDropMs: number;
}

export const DEFAULT_EVENT_STREAM_LIMITS: EventStreamLimits = {
  maxClients: 32,
  maxBufferedBytes: 1024 * 1024,
  stalledDropMs: 30_000,
};

/** Bytes queued to streams in one turn of the event loop before the fan-out yields to other work. */
export const FANOUT_BYTES_PER_TURN = 4 * 1024 * 1024;

/** Notifications of a gap kept for a lagging client; older ones are dropped (the history keeps them). */
export const MAX_HELD_NOTIFICATIONS = 20;

export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream; charset=utf-8';

type Frame = Uint8Array;

const encoder = new TextEncoder();

function frameOf<K extends ApiEventName>(event: K, payload: ApiEventPayload<K>): Frame {
  // JSON.stringify never emits a raw newline, so one data: line carries the whole payload.
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
}

/** What a lagging client missed, reduced to what it needs on resume. */
interface Missed {
  snapshot: boolean;
  status: boolean;
  settings: Frame | null;
  notifications: Frame[];
}

const nothingMissed = (): Missed => ({ snapshot: false, status: false, settings: null, notifications: [] });

/** Events that a fresh snapshot and status replace: a client resynced after one was queued skips it. */
const STATE_EVENTS: ReadonlySet<ApiEventName> = new Set(['snapshot', 'delta', 'status']);

class Client {
  #lagSince: number | null = null;
  #missed = nothingMissed();
  #open = true;
  /** The last queued broadcast (by number) that the state this client was last given already covers. */
  syncedThrough: number;

  constructor(
    private readonly controller: ReadableStreamDefaultController<Frame>,
    private readonly limits: EventStreamLimits,
    private readonly resync: () => { status: Frame; snapshot: Frame; through: number },
    private readonly now: () => number,
    syncedThrough: number,
    /** Called once when the stream ends by cancel or drop, so the broadcaster forgets the client. */
    private readonly gone: (client: Client) => void,
  ) {
    this.syncedThrough = syncedThrough;
  }

  get lagging(): boolean {
    return this.#lagSince !== null;
  }

  /** Bytes queued in the stream that its transport has not taken yet. */
  get queuedBytes(): number {
    return this.#open ? this.limits.maxBufferedBytes - (this.controller.desiredSize ?? this.limits.maxBufferedBytes) : 0;
  }

  /**
   * Queues `frame` unless more than the bound queued before has not been taken yet: then the
   * client lags, and the frame only marks what it will need on resume. Says whether it queued.
   */
  send(event: ApiEventName, frame: Frame): boolean {
    if (!this.#open) return false;
    if (this.#lagSince === null && this.queuedBytes <= this.limits.maxBufferedBytes) {
      this.controller.enqueue(frame);
      return true;
    }
    if (this.#lagSince === null) {
      this.#lagSince = this.now();
    } else if (this.now() - this.#lagSince >= this.limits.stalledDropMs) {
      this.drop();
      return false;
    }
    const missed = this.#missed;
    if (event === 'snapshot' || event === 'delta') missed.snapshot = true;
    else if (event === 'status') missed.status = true;
    else if (event === 'settings') missed.settings = frame;
    else missed.notifications = [...missed.notifications, frame].slice(-MAX_HELD_NOTIFICATIONS);
    return false;
  }

  /** The transport pulled: a lagging client that has taken everything resumes. */
  pulled(): void {
    if (this.#lagSince !== null && this.queuedBytes === 0) this.#resume();
  }

  /** Ends the stream normally (the host closes). */
  close(): void {
    if (!this.#open) return;
    this.#open = false;
    this.controller.close();
  }

  /** Ends the stream with an error, so the transport cuts the connection. */
  drop(): void {
    if (!this.#open) return;
    this.cancelled();
    this.controller.error(new Error('The event stream was dropped: its client did not keep up.'));
  }

  /** The client went away (or was dropped): nothing more may be queued. */
  cancelled(): void {
    if (!this.#open) return;
    this.#open = false;
    this.gone(this);
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
    this.syncedThrough = latest.through;
    this.send('status', latest.status);
    if (missed.snapshot) this.send('snapshot', latest.snapshot);
  }
}

export type OpenResult = { ok: true; body: ReadableStream<Frame> } | { ok: false; status: 503; reason: string };

/**
 * One per host: listens to the app's events once and fans each frame out to the open streams.
 * `now` is a parameter so tests can stall a client without waiting.
 */
export class EventBroadcaster {
  readonly #clients = new Set<Client>();
  readonly #unsubscribe: Array<() => void>;
  #snapshotFrame: { for: SequencedSnapshot; frame: Frame } | null = null;
  /** Broadcasts not yet queued to every client, oldest first, numbered; `next` is where the first one goes on. */
  readonly #queue: Array<{ number: number; event: ApiEventName; frame: Frame; recipients: Client[] }> = [];
  #next = 0;
  #queued = 0;
  #flushScheduled: NodeJS.Immediate | null = null;

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

  /** Bytes queued in the streams that their transports have not taken yet. */
  get queuedBytes(): number {
    let total = 0;
    for (const client of this.#clients) total += client.queuedBytes;
    return total;
  }

  /** A new stream (the body of the response), or why not (too many streams). */
  open(): OpenResult {
    if (this.#clients.size >= this.limits.maxClients) {
      return { ok: false, status: 503, reason: `Too many open event streams (at most ${this.limits.maxClients}): close another Telltale tab.` };
    }
    let client: Client | null = null;
    const body = new ReadableStream<Frame>(
      {
        start: (controller) => {
          controller.enqueue(encoder.encode(': telltale events\n\n'));
          const forget = (gone: Client): void => void this.#clients.delete(gone);
          // Its snapshot covers every broadcast queued so far, so it takes none of them.
          client = new Client(controller, this.limits, () => this.#latest(), this.now, this.#queued, forget);
        },
        pull: () => client?.pulled(),
        cancel: () => client?.cancelled(),
      },
      { highWaterMark: this.limits.maxBufferedBytes, size: (frame) => frame.byteLength },
    );
    // start() runs inside the constructor, so the client exists here (the cast tells the compiler).
    const opened = client as Client | null;
    if (!opened) throw new Error('ReadableStream did not start synchronously.');
    this.#clients.add(opened);
    // Added and queued in the same tick, so no delta can fall between the snapshot this client
    // starts from and the deltas it gets.
    const { status, snapshot } = this.#latest();
    opened.send('status', status);
    opened.send('snapshot', snapshot);
    return { ok: true, body };
  }

  /** Ends every stream and stops listening. */
  close(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    if (this.#flushScheduled) clearImmediate(this.#flushScheduled);
    this.#queue.length = 0;
    for (const client of this.#clients) client.close();
    this.#clients.clear();
  }

  #broadcast(event: ApiEventName, frame: Frame): void {
    this.#queued += 1;
    this.#queue.push({ number: this.#queued, event, frame, recipients: [...this.#clients] });
    if (!this.#flushScheduled) this.#flush();
  }

  /** Queues broadcasts in order until FANOUT_BYTES_PER_TURN is spent, then goes on in the next turn. */
  #flush(): void {
    this.#flushScheduled = null;
    let budget = FANOUT_BYTES_PER_TURN;
    for (let job = this.#queue[0]; job; job = this.#queue[0]) {
      while (this.#next < job.recipients.length) {
        if (budget <= 0) {
          this.#flushScheduled = setImmediate(() => this.#flush());
          return;
        }
        const client = job.recipients[this.#next++] as Client;
        if (!this.#clients.has(client) || (STATE_EVENTS.has(job.event) && job.number <= client.syncedThrough)) continue;
        if (client.send(job.event, job.frame)) budget -= job.frame.byteLength;
      }
      this.#queue.shift();
      this.#next = 0;
    }
  }

  /** The state a new or resuming client starts from; the snapshot is serialized once per seq. */
  #latest(): { status: Frame; snapshot: Frame; through: number } {
    const current = this.source.current;
    if (this.#snapshotFrame?.for !== current) this.#snapshotFrame = { for: current, frame: frameOf('snapshot', current) };
    return { status: frameOf('status', this.source.status), snapshot: this.#snapshotFrame.frame, through: this.#queued };
  }
}
