/**
 * Which request of one run corresponds to which of another. Real tools send several kinds of
 * request per run (a HEAD warm-up, model calls, token counts, CONNECTs for telemetry), in an order
 * that varies with timing; matching them by arrival index would compare unrelated requests.
 * Requests are grouped by kind (method and path without query, or the CONNECT target) and matched
 * by their rank within the kind: ordered by model, then arrival, since concurrent model calls of
 * one kind usually differ in model while their arrival order races.
 */
import { baseUrlOrigins } from './base-urls.js';
import type { ObservedRequest, RunRequests } from './types.js';

export interface Slotted {
  /** "POST /v1/messages" */
  kind: string;
  /** The kind, then " #2", " #3" for later requests of the kind. */
  slot: string;
  request: ObservedRequest;
}

export function requestKind(request: ObservedRequest): string {
  const target = request.path.split('?')[0] ?? '';
  return `${request.method} ${target}`;
}

function modelOf(request: ObservedRequest): string {
  const body = request.body;
  const model = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).model : undefined;
  return typeof model === 'string' ? model : '';
}

export function slotRequests(run: RunRequests): Slotted[] {
  const byKind = new Map<string, ObservedRequest[]>();
  for (const request of run) {
    const kind = requestKind(request);
    byKind.set(kind, [...(byKind.get(kind) ?? []), request]);
  }
  return [...byKind].flatMap(([kind, requests]) =>
    // Array sort is stable, so requests of one model keep their arrival order.
    [...requests]
      .sort((a, b) => modelOf(a).localeCompare(modelOf(b)))
      .map((request, i) => ({ kind, slot: i === 0 ? kind : `${kind} #${i + 1}`, request })),
  );
}

export const BASE_URL_HOST = '(base URL host)';

/**
 * A CONNECT to the base URL the probe set (proxy clients tunnel even http:// URLs) names the
 * base-url factor's own value, not a choice of the tool: it is named alike in every environment.
 * Only the base URL's own port counts: telemetry to the same host over HTTPS is the tool's doing.
 */
export function maskBaseUrlHosts(run: RunRequests, env: Readonly<Record<string, string>>): ObservedRequest[] {
  const authorities = new Set(baseUrlOrigins(env).map((o) => `${o.host}:${o.port}`));
  return run.map((request) => {
    if (request.method !== 'CONNECT' || !authorities.has(request.path.toLowerCase())) return request;
    const port = /:(\d+)$/.exec(request.path)?.[1] ?? '';
    return { ...request, targetHost: BASE_URL_HOST, path: `${BASE_URL_HOST}:${port}` };
  });
}
