/**
 * Connection attempts between samples, for the monitor: from the precise capture when it can run
 * (tracefs in this process when privileged, else the `sudo telltale capture` helper's socket),
 * else from polling the TCP tables every POLL_MS. Each attempt is attributed through the
 * sampler's process cache and located like sampled connections, then queued (bounded) until the
 * monitor takes them into its next delta. An established attempt whose socket the capture follows
 * (binary reader) waits for its close, so a short connection is reported once with its end; one
 * still open after a whole sample interval goes out without it (the sampler then sees it, and its
 * connection-closed event tells the end).
 */
import type { CaptureStatus, ConnectionAttempt } from '../../contract/attempts.js';
import type { CaptureReasonMessage, CaptureUnavailableMessage } from '../../contract/message.js';
import { renderCaptureReason } from '../../common/i18n/render-capture.js';
import { captureSocketPath, connectCaptureHelper, type HelperClient } from '../adapters/capture-helper.js';
import { startTraceCapture } from '../adapters/trace-capture.js';
import { AttemptQueue, attemptOwner, polledAttempt, tracedAttempt } from '../core/connections/attempts.js';
import type { CaptureSource, StartCaptureSource } from '../core/connections/capture-source.js';
import type { ConnectionEnd, ConnectionEvent } from '../core/connections/trace-events.js';
import type { ConnectionSampler } from '../core/connections/types.js';
import { remoteInfo } from '../core/geo/enrich.js';
import type { GeoLookup } from '../core/geo/types.js';
import type { ProcessInfo } from '../core/process.js';

export const POLL_MS = 500;
const QUEUE_LIMIT = 10_000;

export interface CaptureOptions {
  sampler: ConnectionSampler;
  geo: GeoLookup;
  matchTool: (process: ProcessInfo) => string | null;
  /** The full sample's interval now (it follows the settings): how often sockets are seen where there is no fast poll. */
  sampleIntervalMs: () => number;
  /** The capture helper's socket (default: where `sudo telltale capture` puts it for this user). */
  socketPath?: string;
  pollMs?: number;
  queueLimit?: number;
  /** The in-process precise source (default: tracefs). */
  startLocal?: StartCaptureSource;
}

export interface CaptureController {
  status(): CaptureStatus;
  /** Precise capture on (the `preciseCapture` setting) or off (fast polling only). */
  setEnabled(on: boolean): Promise<CaptureStatus>;
  /** The attempts queued since the last call, oldest first. */
  takeAttempts(): ConnectionAttempt[];
  close(): Promise<void>;
}

/** A trace time (CLOCK_MONOTONIC seconds, the instance's trace_clock) as wall-clock ms. */
function wallMs(monotonicSeconds: number): number {
  const now = Date.now();
  const ago = Number(process.hrtime.bigint()) / 1e6 - monotonicSeconds * 1000;
  // A kernel without the mono trace clock: times are not comparable; the time read is close enough.
  return ago >= 0 && ago < 3_600_000 ? now - ago : now;
}

export function createCaptureController(options: CaptureOptions): CaptureController {
  const pollMs = options.pollMs ?? POLL_MS;
  const canPoll = options.sampler.pollSockets !== undefined;
  const socketPath = options.socketPath ?? captureSocketPath(process.getuid?.() ?? 0);
  const startLocal = options.startLocal ?? startTraceCapture;
  const queueLimit = options.queueLimit ?? QUEUE_LIMIT;
  const queue = new AttemptQueue(queueLimit);
  // Established attempts waiting for their close, by socket; `takes`: samples they have waited through.
  const open = new Map<string, { attempt: ConnectionAttempt; takes: number }>();
  let started = false;
  let local: CaptureSource | null = null;
  let helper: HelperClient | null = null;
  let why: CaptureUnavailableMessage = { id: 'capture-why.off' };
  // Offered when precise capture is unavailable here: `sudo telltale capture` serves this user's socket.
  let helperOffered = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let change: Promise<unknown> = Promise.resolve();

  const precise = () => local !== null || helper?.connected === true;

  const release = (socket: string, attempt: ConnectionAttempt) => {
    open.delete(socket);
    queue.push(attempt);
  };

  const onEvent = (event: ConnectionEvent) => {
    if (event.type !== 'established' && event.type !== 'failed') return;
    const known = options.sampler.processOf?.(event.pid, event.comm) ?? null;
    const owner = attemptOwner(event.pid, event.comm, known, options.matchTool);
    const start = wallMs(event.timestamp - (event.elapsed ?? 0));
    const attempt = tracedAttempt({ ...event, type: event.type }, owner, start, remoteInfo(event.remoteAddress, options.geo));
    if (event.type !== 'established' || event.socket === undefined) return queue.push(attempt);
    const previous = open.get(event.socket);
    // The kernel reused the socket of a held attempt whose close was lost (its buffer overflowed): report that one as is.
    if (previous) release(event.socket, previous.attempt);
    open.set(event.socket, { attempt, takes: 0 });
    if (open.size > queueLimit) {
      const [socket, oldest] = open.entries().next().value!;
      release(socket, oldest.attempt);
    }
  };

  const onEnd = (end: ConnectionEnd) => {
    const held = open.get(end.socket);
    if (held) release(end.socket, { ...held.attempt, endedAt: new Date(wallMs(end.timestamp)).toISOString() });
  };

  /** Every held attempt goes out now (the source stopped: no end will come). */
  const releaseAll = () => {
    for (const [socket, held] of open) release(socket, held.attempt);
  };

  const poll = async () => {
    const now = Date.now();
    for (const socket of await options.sampler.pollSockets!()) {
      const owner = attemptOwner(socket.process.pid, socket.process.name, socket.process, options.matchTool);
      queue.push(polledAttempt(socket, owner, now, remoteInfo(socket.row.remoteAddress, options.geo)));
    }
  };

  /** Polls fast exactly while started and not precise. */
  const syncPolling = () => {
    const want = started && canPoll && !precise();
    if (want && !pollTimer) {
      const tick = () => {
        pollTimer = setTimeout(() => {
          // A failed poll (e.g. /proc unreadable for a moment) is retried on the next tick.
          void poll()
            .catch(() => undefined)
            .finally(() => pollTimer && tick());
        }, pollMs);
      };
      tick();
    } else if (!want && pollTimer) {
      clearTimeout(pollTimer);
      pollTimer = null;
    }
  };

  const stopSources = async () => {
    helper?.stop();
    helper = null;
    const stopping = local;
    local = null;
    await stopping?.stop();
    releaseAll();
  };

  const apply = async (on: boolean) => {
    started = true;
    await stopSources();
    if (on) {
      helperOffered = false;
      const result = await startLocal({ onEvent, onEnd, onError: (error) => (why = { id: 'capture-why.stopped', error: error.message }) });
      if ('stop' in result) local = result;
      else {
        why = result.why ?? { id: 'capture-why.unavailable', detail: result.unavailable };
        helperOffered = true;
        if (process.platform === 'linux') helper = connectCaptureHelper({ socketPath, onEvent, onEnd, onState: () => syncPolling() });
      }
    } else {
      why = { id: 'capture-why.off' };
      helperOffered = false;
    }
    syncPolling();
  };

  return {
    status() {
      const dropped = queue.dropped;
      if (precise()) return { mode: 'precise', reason: null, pollMs: null, dropped, reader: local ? (local.reader ?? null) : (helper?.reader ?? null) };
      const fast = started && canPoll;
      const reasonMessage: CaptureReasonMessage = {
        id: 'capture-reason.polling',
        why,
        ...(helperOffered ? { helper: { uid: process.getuid?.() ?? 0, socket: socketPath } } : {}),
        missedUnderMs: fast ? pollMs : null,
      };
      return { mode: 'polling', reason: renderCaptureReason(reasonMessage, 'en'), reasonMessage, pollMs: fast ? pollMs : options.sampleIntervalMs(), dropped };
    },
    setEnabled(on) {
      change = change.then(() => apply(on));
      return change.then(() => this.status());
    },
    takeAttempts() {
      for (const [socket, held] of open) if (held.takes++ >= 1) release(socket, held.attempt);
      // In the order they started (an attempt held for its close is queued after later ones).
      return queue.drain().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    },
    async close() {
      await change;
      started = false;
      syncPolling();
      await stopSources();
    },
  };
}
