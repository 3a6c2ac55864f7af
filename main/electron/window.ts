/**
 * The one app window. It shows only app://telltale/ and reaches the main process only by
 * fetching from that origin (app-protocol.ts): no preload, no IPC; isolated, sandboxed, no Node,
 * no navigation away, no pop-ups, and of the web permissions only what the app's own pages use
 * (permissions.ts).
 */
import { BrowserWindow, session, type Rectangle } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-url.js';
import { permissionAllowed } from './permissions.js';

export const WINDOW_TITLE = 'Telltale';

/** Grants the app's frames what permissions.ts lists and denies everything else (camera, notifications, ...). */
export function restrictPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, `${requestingOrigin}/`),
  );
}

export function createMainWindow(options: { iconPath?: string; bounds?: Rectangle | null }): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1200,
    height: 820,
    ...(options.bounds ?? {}),
    minWidth: 720,
    minHeight: 480,
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A middle click on a link would otherwise ask for a new window (denied below anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The title stays the app's name whatever the page sets (the tray and e2e rely on it).
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_INDEX_URL);
  return window;
}
