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
 *
 * A socket shows no backpressure until the kernel's buffers for it are full, several MB on loopback,
 * so a client that stopped reading takes each frame by a synchronous copy for many events before it
 * lags. Fanning one 0.6 MB delta out to 100 such clients in one go blocked the event loop for 0.6 s
 * (bench/serve-load.ts), and API calls waited behind it; so the fan-out writes at most
 * FANOUT_BYTES_PER_TURN per turn of the event loop and goes on in the next, frames in order.
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

/** Bytes written to sockets in one turn of the event loop before the fan-out yields to other work. */
export const FANOUT_BYTES_PER_TURN = 4 * 1024 * 1024;

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

/** Events that a fresh snapshot and status replace: a client resynced after one was queued skips it. */
const STATE_EVENTS: ReadonlySet<ApiEventName> = new Set(['snapshot', 'delta', 'status']);

class Client {
  #lagSince: number | null = null;
  #missed = nothingMissed();
  /** The last queued broadcast (by number) that the state this client was last given already covers. */
  syncedThrough: number;

  constructor(
    readonly res: ServerResponse,
    private readonly limits: EventStreamLimits,
    private readonly resync: () => { status: Frame; snapshot: Frame; through: number },
    private readonly now: () => number,
    syncedThrough: number,
  ) {
    this.syncedThrough = syncedThrough;
  }

  get lagging(): boolean {
    return this.#lagSince !== null;
  }

  /**
   * Writes `frame` unless more than the bound written before has not gone out yet: then the client
   * lags, and the frame only marks what it will need on resume. Says whether it wrote.
   */
  send(event: ApiEventName, frame: Frame): boolean {
    if (this.#lagSince === null && this.res.writableLength <= this.limits.maxBufferedBytes) {
      this.res.write(frame);
      return true;
    }
    if (this.#lagSince === null) {
      this.#lagSince = this.now();
      this.res.once('drain', () => this.#resume());
    } else if (this.now() - this.#lagSince >= this.limits.stalledDropMs) {
      this.res.destroy();
      return false;
    }
    const missed = this.#missed;
    if (event === 'snapshot' || event === 'delta') missed.snapshot = true;
    else if (event === 'status') missed.status = true;
    else if (event === 'settings') missed.settings = frame;
    else missed.notifications = [...missed.notifications, frame].slice(-MAX_HELD_NOTIFICATIONS);
    return false;
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

export type OpenResult = { ok: true; end: () => void } | { ok: false; status: 503; reason: string };

/**
 * One per server: listens to the app's events once and fans each frame out to the open streams.
 * `now` is a parameter so tests can stall a client without waiting.
 */
export class EventBroadcaster {
  readonly #clients = new Set<Client>();
  readonly #unsubscribe: Array<() => void>;
  #snapshotFrame: { for: SequencedSnapshot; frame: Frame } | null = null;
  /** Broadcasts not yet written to every client, oldest first, numbered; `next` is where the first one goes on. */
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
    // Its snapshot covers every broadcast queued so far, so it takes none of them.
    const client = new Client(res, this.limits, () => this.#latest(), this.now, this.#queued);
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
    if (this.#flushScheduled) clearImmediate(this.#flushScheduled);
    this.#queue.length = 0;
    for (const client of [...this.#clients]) client.res.end();
    this.#clients.clear();
  }

  #broadcast(event: ApiEventName, frame: Frame): void {
    this.#queued += 1;
    this.#queue.push({ number: this.#queued, event, frame, recipients: [...this.#clients] });
    if (!this.#flushScheduled) this.#flush();
  }

  /** Writes queued broadcasts in order until FANOUT_BYTES_PER_TURN is spent, then goes on in the next turn. */
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
        if (client.send(job.event, job.frame)) budget -= job.frame.length;
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
