/** Serves the built UI on app://telltale/ (see app-url.ts for why a custom scheme). */
import { protocol } from 'electron';
import { serveDevResource, type DevRenderer } from './app-dev-server.js';
import { serveAppResource } from './app-resource.js';
import { APP_SCHEME } from './app-url.js';

/** Must run before the app is ready: a standard, secure scheme gets a real origin and CSP 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The built UI from rendererDir; under `npm run dev`, Vite's dev server instead (app-dev-server.ts). */
export function handleAppProtocol(rendererDir: string, dev: DevRenderer | null = null): void {
  protocol.handle(APP_SCHEME, (request) => (dev ? serveDevResource(dev, request) : serveAppResource(rendererDir, request)));
}
