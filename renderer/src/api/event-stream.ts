/**
 * Server-Sent Events read with fetch(), for both hosts: EventSource cannot send an Authorization
 * header (the browser host) and need not work on a custom scheme (Electron's app://), while a
 * fetch body streams on both. Parses text/event-stream as the HTML standard defines it and, like
 * EventSource, reconnects after the stream ends or fails (each time saying so); the host starts
 * every stream with the latest status and snapshot, so nothing is lost across a reconnect.
 */

export type ServerSentEvent = { event: string; data: string };

/** Splits text/event-stream text, fed in chunks of any size, into events. */
export class EventStreamParser {
  #pending = '';
  #event = '';
  #data: string[] = [];
  /** The reconnection delay the server asked for (a `retry:` field), if any. */
  retryMs: number | null = null;

  /** The events that `text` completes. */
  push(text: string): ServerSentEvent[] {
    this.#pending += text;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.#pending.length; i++) {
      const c = this.#pending[i];
      if (c !== '\n' && c !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
      if (c === '\r' && i === this.#pending.length - 1) break;
      this.#line(this.#pending.slice(start, i), events);
      if (c === '\r' && this.#pending[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.#pending = this.#pending.slice(start);
    return events;
  }

  #line(line: string, events: ServerSentEvent[]): void {
    if (line === '') {
      if (this.#data.length > 0) events.push({ event: this.#event || 'message', data: this.#data.join('\n') });
      this.#event = '';
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }
}

export type EventStreamOptions = {
  url: string;
  /** Sent with every (re)connection, e.g. the browser host's Authorization. */
  headers: Record<string, string>;
  fetch: typeof fetch;
  onEvent: (event: ServerSentEvent) => void;
  /** The stream ended or could not be opened; a reconnection follows after the delay. */
  onError: (reason: string) => void;
  /** Delay before reconnecting unless the server asks for another (EventSource's usual 3 s). */
  retryMs?: number;
};

export type EventStreamConnection = { close(): void };

export function openEventStream(options: EventStreamOptions): EventStreamConnection {
  let closed = false;
  let aborter: AbortController | null = null;
  let wake: (() => void) | null = null;
  let retryMs = options.retryMs ?? 3000;

  async function readOnce(signal: AbortSignal): Promise<string> {
    const response = await options.fetch(options.url, { headers: { ...options.headers, accept: 'text/event-stream' }, signal });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return `the event stream was refused (HTTP ${response.status})`;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'the event stream ended';
      for (const event of parser.push(decoder.decode(value, { stream: true }))) {
        if (closed) return 'closed';
        options.onEvent(event);
      }
      if (parser.retryMs !== null) retryMs = parser.retryMs;
    }
  }

  async function run(): Promise<void> {
    while (!closed) {
      aborter = new AbortController();
      let reason: string;
      try {
        reason = await readOnce(aborter.signal);
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      if (closed) return;
      options.onError(reason);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, retryMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  void run();
  return {
    close() {
      closed = true;
      aborter?.abort();
      wake?.();
    },
  };
}
