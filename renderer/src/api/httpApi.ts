import { apiCalls, apiEvents, type ApiCallName, type ApiEventName } from '../../../contract/api.js';
import { ApiError, type UntrustedApi } from './untrusted.js';

/** The part of EventSource the client uses (a parameter so tests can supply one). */
export type EventStream = {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
};

export type HttpApiOptions = {
  /** Origin of the browser host, e.g. "http://127.0.0.1:7345". */
  baseUrl: string;
  token: string | null;
  fetch: typeof fetch;
  openEvents: (url: string) => EventStream;
  /**
   * Called when the event stream fails (the host went away or refused it). EventSource keeps
   * retrying by itself; the next event that arrives says the host is back.
   */
  onStreamError: () => void;
};

function errorText(body: unknown): string | null {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
    ? body.error
    : null;
}

/**
 * The browser host's API: POST /api/<call> with the request as JSON and a bearer token; events
 * over Server-Sent Events from /api/events (EventSource cannot send headers, hence the query token).
 * Replies are returned unchecked; wrap with validated().
 */
export function createHttpApi({ baseUrl, token, fetch, openEvents, onStreamError }: HttpApiOptions): UntrustedApi {
  async function call(name: ApiCallName, request: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/${name}`, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
        body: JSON.stringify(request),
      });
    } catch (error) {
      throw new ApiError(name, `Cannot reach Telltale: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) throw new ApiError(name, `Telltale sent a reply to ${name} that is not JSON`);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError(name, `Not authorised (${errorText(body) ?? response.status}). Open Telltale with the link that \`telltale serve\` printed: it carries the access token.`);
    }
    if (!response.ok) throw new ApiError(name, errorText(body) ?? `${name} failed with HTTP ${response.status}`);
    return body;
  }

  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  let stream: EventStream | null = null;

  function dispatch(event: ApiEventName, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = undefined; // validated() reports it as malformed.
    }
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }

  function subscribe(event: ApiEventName, listener: (payload: unknown) => void): () => void {
    if (!stream) {
      const url = new URL('/api/events', baseUrl);
      if (token) url.searchParams.set('token', token);
      const opened = openEvents(url.toString());
      for (const name of Object.keys(apiEvents) as ApiEventName[]) {
        opened.addEventListener(name, (message) => dispatch(name, message.data));
      }
      opened.addEventListener('error', () => onStreamError());
      stream = opened;
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
      if ([...listeners.values()].every((entry) => entry.size === 0)) {
        stream?.close();
        stream = null;
      }
    };
  }

  const calls = Object.fromEntries(
    (Object.keys(apiCalls) as ApiCallName[]).map((name) => [name, (request: unknown) => call(name, request)]),
  );
  return { ...calls, on: subscribe } as UntrustedApi;
}
