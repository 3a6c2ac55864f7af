/**
 * GET /api/events: the monitor's events as Server-Sent Events, named like contract/api.ts
 * (`snapshot`, `status`). A new client gets the current status and snapshot at once, so the UI
 * never waits a whole interval for its first picture. Comment lines keep idle connections (and
 * any proxy between) from timing out; everything is released when the client goes away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEventName, ApiEventPayload } from '../../contract/api.js';
import type { Monitor } from '../service/monitor.js';

export const DEFAULT_HEARTBEAT_MS = 15_000;

export type MonitorEvents = Pick<Monitor, 'snapshot' | 'seq' | 'status' | 'on'>;

function writeEvent<K extends ApiEventName>(res: ServerResponse, event: K, payload: ApiEventPayload<K>): void {
  // JSON.stringify never emits a raw newline, so one data: line carries the whole payload.
  res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
}

/** Starts the stream; returns a function that ends it (used when the server closes). */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  source: MonitorEvents,
  heartbeatMs: number = DEFAULT_HEARTBEAT_MS,
): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': telltale events\n\n');
  writeEvent(res, 'status', source.status);
  if (source.snapshot) writeEvent(res, 'snapshot', { seq: source.seq, snapshot: source.snapshot });

  const unsubscribe = [
    source.on('snapshot', (snapshot) => writeEvent(res, 'snapshot', snapshot)),
    source.on('status', (status) => writeEvent(res, 'status', status)),
  ];
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    for (const off of unsubscribe) off();
    res.end();
  };
  req.on('close', end);
  res.on('close', end);
  return end;
}
