/** Serves the UI and the API on app://telltale/ (see app-url.ts for why a custom scheme). */
import { protocol } from 'electron';
import type { ApiEndpoint } from '../service/api-endpoint.js';
import { serveDevResource, type DevRenderer } from './app-dev-server.js';
import { routeAppRequest } from './app-request.js';
import { serveAppResource } from './app-resource.js';
import { APP_SCHEME } from './app-url.js';

/**
 * Must run before the app is ready: a standard, secure scheme gets a real origin and CSP 'self';
 * supportFetchAPI lets the renderer fetch() the API and its event stream. Nothing more: not
 * corsEnabled (no other origin may read it), not bypassCSP, no service workers, and not `stream`,
 * which only tells <video> and <audio> to expect streamed media (a fetch body streams without it).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The API from `api`; the built UI from rendererDir, or under `npm run dev` Vite's dev server (app-dev-server.ts). */
export function handleAppProtocol(api: ApiEndpoint, rendererDir: string, dev: DevRenderer | null = null): void {
  protocol.handle(APP_SCHEME, (request) =>
    routeAppRequest(request, {
      api: (r) => api.handle(r),
      ui: (r) => (dev ? serveDevResource(dev, r) : serveAppResource(rendererDir, r)),
    }),
  );
}
