/**
 * GET /api/events: the app's events (main/service/app-events.ts) as Server-Sent Events, named like
 * contract/api.ts. A new client gets the current status and the numbered snapshot at once (so the
 * UI never waits a whole interval for its first picture), then deltas, status (including the
 * monitor's heartbeat, which also keeps idle connections and any proxy between from timing out),
 * notifications and settings changes. Everything is released when the client goes away.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiEvents, type ApiEventName, type ApiEventPayload } from '../../contract/api.js';
import type { AppEvents } from '../service/app-events.js';

function writeEvent<K extends ApiEventName>(res: ServerResponse, event: K, payload: ApiEventPayload<K>): void {
  // JSON.stringify never emits a raw newline, so one data: line carries the whole payload.
  res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
}

/** Starts the stream; returns a function that ends it (used when the server closes). */
export function openEventStream(req: IncomingMessage, res: ServerResponse, source: AppEvents): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': telltale events\n\n');
  // Subscribed before the first write, and both written in the same tick, so no delta can fall
  // between the snapshot this client starts from and the deltas it gets.
  const unsubscribe = (Object.keys(apiEvents) as ApiEventName[]).map((event) =>
    source.on(event, (payload) => writeEvent(res, event, payload)),
  );
  writeEvent(res, 'status', source.status);
  writeEvent(res, 'snapshot', source.current);

  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    for (const off of unsubscribe) off();
    res.end();
  };
  req.on('close', end);
  res.on('close', end);
  return end;
}
