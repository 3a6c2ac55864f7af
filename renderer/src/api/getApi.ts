import { APP_ORIGIN } from '../../../common/app-origin.js';
import type { TelltaleApi } from '../../../contract/api.js';
import { takeToken } from '../lib/token.js';
import { createHttpApi } from './httpApi.js';
import { validated } from './validated.js';

const TOKEN_KEY = 'telltale.token';

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

/** The event stream failed: the host may be gone (it reconnects by itself). */
export function onEventStreamError(listener: () => void): () => void {
  streamErrorListeners.add(listener);
  return () => streamErrorListeners.delete(listener);
}

/** True in the Electron app (the page comes from app://telltale), false in a browser. */
export function inElectron(): boolean {
  // location.origin is not relied on for a custom scheme; protocol and host are.
  return `${window.location.protocol}//${window.location.host}` === APP_ORIGIN;
}

let api: TelltaleApi | null = null;

/** The API of the host the page came from: same calls and events over fetch in Electron and in a browser. */
export function getApi(): TelltaleApi {
  if (!api) {
    const electron = inElectron();
    const raw = createHttpApi({
      baseUrl: electron ? APP_ORIGIN : window.location.origin,
      // Only the browser host needs a token: nothing but the app's own pages can reach app://.
      token: electron ? null : browserToken(),
      fetch: window.fetch.bind(window),
      onStreamError: () => streamErrorListeners.forEach((listener) => listener()),
    });
    api = validated(raw, (message) => problemListeners.forEach((listener) => listener(message)));
  }
  return api;
}
