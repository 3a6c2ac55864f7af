import { apiCalls, apiEvents, type ApiCallName, type ApiEventName } from '../../../contract/api.js';
import { openEventStream, type EventStreamConnection, type ServerSentEvent } from './event-stream.js';
import { ApiError, type UntrustedApi } from './untrusted.js';

export type HttpApiOptions = {
  /** Origin of the host: "http://127.0.0.1:7345" (the browser host) or "app://telltale" (Electron). */
  baseUrl: string;
  /** The browser host's access token; null in Electron, whose app:// origin needs none. */
  token: string | null;
  fetch: typeof fetch;
  /**
   * Called when the event stream fails (the host went away or refused it). The stream reconnects
   * by itself; the next event that arrives says the host is back.
   */
  onStreamError: () => void;
  /** Delay before the event stream reconnects (event-stream.ts; tests shorten it). */
  retryMs?: number;
};

function errorText(body: unknown): string | null {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string'
    ? body.error
    : null;
}

/**
 * The one API client, for both hosts (main/service/api-endpoint.ts serves both): POST
 * /api/<call> with the request as JSON; events as Server-Sent Events from GET /api/events, read
 * with fetch (event-stream.ts). The browser host's token goes in an Authorization header.
 * Replies are returned unchecked; wrap with validated().
 */
export function createHttpApi({ baseUrl, token, fetch, onStreamError, retryMs }: HttpApiOptions): UntrustedApi {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};

  async function call(name: ApiCallName, request: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(new URL(`/api/${name}`, baseUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization },
        body: JSON.stringify(request),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new ApiError(name, `Cannot reach Telltale: ${detail}`, { kind: 'unreachable', error: detail });
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      if (response.ok) throw new ApiError(name, `Telltale sent a reply to ${name} that is not JSON`, { kind: 'not-json' });
    }
    if (response.status === 401 || response.status === 403) {
      throw new ApiError(
        name,
        `Not authorised (${errorText(body) ?? response.status}). Open Telltale with the link that \`telltale serve\` printed: it carries the access token.`,
        { kind: 'unauthorised', status: response.status },
      );
    }
    if (response.status === 421) throw new ApiError(name, errorText(body) ?? `${name} failed with HTTP 421`, { kind: 'misdirected' });
    // Any other error with the host's own words (a failed export, an unavailable history) shows them.
    if (!response.ok) {
      const said = errorText(body);
      throw said ? new ApiError(name, said) : new ApiError(name, `${name} failed with HTTP ${response.status}`, { kind: 'failed', status: response.status });
    }
    return body;
  }

  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  let stream: EventStreamConnection | null = null;

  function dispatch({ event, data }: ServerSentEvent): void {
    if (!Object.hasOwn(apiEvents, event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = undefined; // validated() reports it as malformed.
    }
    for (const listener of listeners.get(event as ApiEventName) ?? []) listener(payload);
  }

  function subscribe(event: ApiEventName, listener: (payload: unknown) => void): () => void {
    stream ??= openEventStream({
      url: new URL('/api/events', baseUrl).toString(),
      headers: authorization,
      fetch,
      onEvent: dispatch,
      onError: () => onStreamError(),
      ...(retryMs === undefined ? {} : { retryMs }),
    });
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
