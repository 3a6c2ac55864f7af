/** A client of a browser host's /api/events: reads SSE blocks, each checked against the contract. */
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { apiEvents, type ApiEventName } from '../../contract/api.js';
import { EventStreamParser } from '../../renderer/src/api/event-stream.js';

export interface HostAddress {
  port: number;
  token: string;
}

export type ReceivedEvent = { event: ApiEventName; data: unknown };

/** Reads events until `done` says so (then closes the stream), or rejects after `timeoutMs`. */
export function readEvents(target: HostAddress, done: (events: ReceivedEvent[]) => boolean, timeoutMs = 60_000): Promise<ReceivedEvent[]> {
  const events: ReceivedEvent[] = [];
  return new Promise<ReceivedEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`the expected events did not arrive within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`));
    }, timeoutMs);
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, path: `/api/events?token=${target.token}`, headers: { Host: `127.0.0.1:${target.port}` } },
      (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        const reader = new SseReader();
        res.on('data', (chunk: string) => {
          for (const event of reader.push(chunk)) {
            events.push(event);
            if (done(events)) {
              clearTimeout(timer);
              req.destroy();
              return resolve(events);
            }
          }
        });
      },
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** Splits a stream's text into SSE events (with the UI's own parser), each checked against the contract. */
export class SseReader {
  readonly #parser = new EventStreamParser();

  /** The events that `chunk` completes. */
  push(chunk: string): ReceivedEvent[] {
    return this.#parser.push(chunk).map(({ event, data }) => {
      if (!Object.hasOwn(apiEvents, event)) throw new Error(`Unknown event "${event}" on the stream.`);
      return { event: event as ApiEventName, data: apiEvents[event as ApiEventName].parse(JSON.parse(data)) };
    });
  }
}
