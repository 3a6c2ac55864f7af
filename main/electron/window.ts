/**
 * The one app window. It shows only app://telltale/ and gets nothing but the preload bridge:
 * isolated, sandboxed, no Node, no navigation away, no pop-ups, no permissions.
 */
import { BrowserWindow, session } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-url.js';

export const WINDOW_TITLE = 'Telltale';

/** Denies every permission (camera, notifications, clipboard, ...) for the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function createMainWindow(options: { preloadPath: string; iconPath?: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
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
