/** Serves the built UI on app://telltale/ (see app-url.ts for why a custom scheme). */
import { protocol } from 'electron';
import { serveAppResource } from './app-resource.js';
import { APP_SCHEME } from './app-url.js';

/** Must run before the app is ready: a standard, secure scheme gets a real origin and CSP 'self'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppResource(rendererDir, request));
}
