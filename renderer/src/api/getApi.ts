import type { TelltaleApi } from '../../../contract/api.js';
import { takeToken } from '../lib/token.js';
import { createHttpApi } from './httpApi.js';
import type { UntrustedApi } from './untrusted.js';
import { validated } from './validated.js';

const TOKEN_KEY = 'telltale.token';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    telltale?: UntrustedApi;
  }
}

/** The token from ?token=..., kept for this tab and removed from the address bar and history. */
function browserToken(): string | null {
  const { token, cleanUrl } = takeToken(window.location.href);
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    // Storage can be disabled; the token from the URL still works for this page load.
  }
  window.history.replaceState(window.history.state, '', cleanUrl);
  return token;
}

const problemListeners = new Set<(message: string) => void>();

/** Problems that are not the reply to a call (a malformed pushed update), for the UI to show. */
export function onApiProblem(listener: (message: string) => void): () => void {
  problemListeners.add(listener);
  return () => problemListeners.delete(listener);
}

const streamErrorListeners = new Set<() => void>();

/** The browser host's event stream failed: the host may be gone. (Electron's IPC has no such failure.) */
export function onEventStreamError(listener: () => void): () => void {
  streamErrorListeners.add(listener);
  return () => streamErrorListeners.delete(listener);
}

/** True in the Electron app (its preload bridge is there), false in a browser. */
export function inElectron(): boolean {
  return window.telltale !== undefined;
}

let api: TelltaleApi | null = null;

/** The API: the preload bridge in Electron, otherwise the browser host over HTTP. */
export function getApi(): TelltaleApi {
  if (!api) {
    const raw =
      window.telltale ??
      createHttpApi({
        baseUrl: window.location.origin,
        token: browserToken(),
        fetch: window.fetch.bind(window),
        openEvents: (url) => new EventSource(url),
        onStreamError: () => streamErrorListeners.forEach((listener) => listener()),
      });
    api = validated(raw, (message) => problemListeners.forEach((listener) => listener(message)));
  }
  return api;
}
