/**
 * Routes a request to app://telltale/...: the API (/api/..., main/service/api-endpoint.ts, the
 * handler the browser host uses too) or the UI's files. The renderer has no other way to reach
 * the main process: no preload, no IPC. Kept free of electron imports so it is tested under plain Node.
 */
import { isApiPath } from '../service/api-endpoint.js';
import { SECURITY_HEADERS } from '../service/security-headers.js';
import { APP_HOST } from './app-url.js';

export type WebHandler = (request: Request) => Promise<Response>;

export function routeAppRequest(request: Request, routes: { api: WebHandler; ui: WebHandler }): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) {
    return Promise.resolve(new Response('Not found.', { status: 404, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } }));
  }
  return isApiPath(url.pathname) ? routes.api(request) : routes.ui(request);
}
