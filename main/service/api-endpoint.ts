/**
 * The API of contract/api.ts as one transport-neutral handler, web Request in, web Response out,
 * for both hosts: Electron's app:// protocol hands it the renderer's requests as they are, the
 * browser host (main/server/) converts each node:http request after checking Host and its token.
 *
 *   POST /api/<call>   the request as a JSON body; the reply as JSON (200), or {"error": "..."}
 *                      with the status of what went wrong (400 invalid, 404 unknown call, 413 too
 *                      large, 415 not JSON, 503 busy or unavailable, 500 failed)
 *   GET  /api/events   the app's events as Server-Sent Events (event-stream.ts)
 *
 * Only the host's own origin may call (request-origin.ts); bodies are bounded (request-body.ts);
 * error messages pass the secrets policy like every other text that leaves the process.
 */
import { redactText } from '../core/secrets/policy.js';
import { ApiError, dispatchCall, type ApiHandlers } from './api-handlers.js';
import type { AppEvents } from './app-events.js';
import { DEFAULT_EVENT_STREAM_LIMITS, EVENT_STREAM_CONTENT_TYPE, EventBroadcaster, type EventStreamLimits } from './event-stream.js';
import { BodyBudget, DEFAULT_BODY_LIMITS, type BodyLimits } from './request-body.js';
import { checkRequestOrigin } from './request-origin.js';
import { SECURITY_HEADERS } from './security-headers.js';

export const API_PATH_PREFIX = '/api/';
export const EVENTS_CALL = 'events';

export interface ApiEndpointOptions {
  handlers: ApiHandlers;
  /** Every event the UI gets (the composition root's hub; a bare Monitor gives its own events only). */
  events: AppEvents;
  /** Bounds on event-stream clients (defaults in event-stream.ts). */
  eventStream?: Partial<EventStreamLimits>;
  /** Bounds on request bodies (defaults in request-body.ts). */
  bodies?: Partial<BodyLimits>;
}

/** What the endpoint holds for its clients right now (tests and bench/serve-load.ts watch it). */
export interface EndpointLoad {
  eventClients: number;
  laggingClients: number;
  /** Event bytes queued in this process for streams whose transport has not taken them. */
  queuedEventBytes: number;
  /** Request-body bytes being read or handled. */
  bodyBytesHeld: number;
}

export interface ApiEndpoint {
  /** Answers a request whose URL path starts with API_PATH_PREFIX; its URL names the host's own origin. */
  handle(request: Request): Promise<Response>;
  load(): EndpointLoad;
  /** Ends every event stream and stops listening to the app's events. */
  close(): void;
}

const encoder = new TextEncoder();

function jsonResponse(status: number, value: unknown, extra: Record<string, string> = {}): Response {
  const body = encoder.encode(JSON.stringify(value));
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.byteLength), ...extra },
  });
}

/** The error shape of every host: {"error": message}, the message redacted. */
export function errorResponse(status: number, message: string, extra: Record<string, string> = {}): Response {
  return jsonResponse(status, { error: redactText(message) }, extra);
}

/** `scheme://host[:port]` of a URL. (URL.origin is "null" for a custom scheme such as app:, so it is built here.) */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

export function isApiPath(pathname: string): boolean {
  return pathname.startsWith(API_PATH_PREFIX);
}

export function createApiEndpoint(options: ApiEndpointOptions): ApiEndpoint {
  const streams = new EventBroadcaster(options.events, { ...DEFAULT_EVENT_STREAM_LIMITS, ...options.eventStream });
  const bodies = new BodyBudget({ ...DEFAULT_BODY_LIMITS, ...options.bodies });

  function openEvents(request: Request): Response {
    if (request.method !== 'GET') return errorResponse(405, 'Use GET.', { Allow: 'GET' });
    const opened = streams.open();
    if (!opened.ok) return errorResponse(opened.status, opened.reason, { 'Retry-After': '5' });
    return new Response(opened.body, {
      status: 200,
      // No proxy between may buffer the stream.
      headers: { ...SECURITY_HEADERS, 'Content-Type': EVENT_STREAM_CONTENT_TYPE, 'X-Accel-Buffering': 'no' },
    });
  }

  async function call(request: Request, name: string): Promise<Response> {
    if (request.method !== 'POST') return errorResponse(405, 'Use POST.', { Allow: 'POST' });
    const body = await bodies.readJson(request);
    try {
      return jsonResponse(200, await dispatchCall(options.handlers, name, body.value));
    } finally {
      body.release();
    }
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const source = checkRequestOrigin({ origin: request.headers.get('origin'), fetchSite: request.headers.get('sec-fetch-site') }, originOf(url));
    if (!source.ok) return errorResponse(source.status, source.reason);
    if (!isApiPath(url.pathname)) return errorResponse(404, 'Not an API path.');
    const name = url.pathname.slice(API_PATH_PREFIX.length);
    try {
      return name === EVENTS_CALL ? openEvents(request) : await call(request, name);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 500;
      return errorResponse(status, error instanceof Error ? error.message : String(error));
    }
  }

  return {
    handle,
    load: () => ({
      eventClients: streams.clientCount,
      laggingClients: streams.laggingCount,
      queuedEventBytes: streams.queuedBytes,
      bodyBytesHeld: bodies.inUse,
    }),
    close: () => streams.close(),
  };
}
