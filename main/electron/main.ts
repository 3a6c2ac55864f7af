/**
 * Electron entry point, bundled by main/scripts/electron-bundle.ts into dist/electron/main.js
 * (package.json "main"). A thin shell: the Monitor samples, the window shows the UI from
 * app://telltale/, which also answers its API calls and event stream (no preload, no IPC), the
 * tray shows the exposure level, notifications pop up natively. Closing the window keeps
 * monitoring in the tray; Quit in the tray ends the app. Settings live in userData/settings.json.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, screen } from 'electron';
import type { SettingsPatch } from '../../contract/settings.js';
import { createApp, type TelltaleApp } from '../app/create-app.js';
import { createApiEndpoint } from '../service/api-endpoint.js';
import { devRendererFromEnv, type DevRenderer } from './app-dev-server.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { exportSnapshotWithDialog } from './export-dialog.js';
import { applyLaunchAtLogin, startedHidden } from './login-item.js';
import { showNativeNotification } from './native-notifications.js';
import { createTray, type TelltaleTray } from './tray.js';
import { boundsToSave, debounce, restorableBounds } from './window-bounds.js';
import { createMainWindow, restrictPermissions } from './window.js';
import { redactText } from '../core/secrets/policy.js';

const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
// Packaged builds copy assets/ next to app.asar (electron-builder.yml extraResources).
const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(appRoot, 'assets');

let mainWindow: BrowserWindow | null = null;
let telltale: TelltaleApp | null = null;

const SAVE_BOUNDS_AFTER_MS = 500;

function reportError(title: string, error: unknown): void {
  const message = redactText(error instanceof Error ? error.message : String(error));
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
}

/** A new window at the saved place and size when that still fits a display; saves where the user moves it. */
function openWindow(running: TelltaleApp): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = restorableBounds(running.settings.get().windowBounds, workAreas);
  const window = createMainWindow({ iconPath: join(assetsDir, 'icon.png'), bounds });
  // Normal bounds: a maximised or minimised window keeps the size it returns to.
  const save = debounce(() => {
    if (window.isDestroyed()) return;
    const windowBounds = boundsToSave(window.getNormalBounds());
    if (windowBounds) void running.settings.update({ windowBounds }).catch((e: unknown) => console.error(`Window position not saved: ${redactText(String(e))}`));
  }, SAVE_BOUNDS_AFTER_MS);
  window.on('resize', save);
  window.on('move', save);
  window.on('close', () => save.flush());
  return window;
}

function showWindow(): void {
  if (!telltale) return;
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = openWindow(telltale);
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  restrictPermissions();
  // No default menu (it carries developer tools) except on macOS, where it holds Copy/Paste/Quit.
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  // Only a bundle built by `npm run dev` serves the UI from Vite's dev server: this variable is
  // replaced at bundle time ('' in every other build), and a packaged app never does.
  const devRenderer: DevRenderer | null =
    process.env.TELLTALE_DEV_BUILD === '1' && !app.isPackaged ? devRendererFromEnv(process.env) : null;
  if (devRenderer) console.log(`Telltale (dev): the UI comes from ${devRenderer.origin} with hot reload`);

  // The language follows the setting, else LC_ALL, LC_MESSAGES, LANG, else the OS's locale as Electron reads it.
  const running = createApp({ configDir: app.getPath('userData'), language: { appLocale: app.getLocale() } });
  telltale = running;
  const { monitor, handlers, settings, events, close } = running;
  const api = createApiEndpoint({ handlers, events });
  handleAppProtocol(api, rendererDir, devRenderer);
  const settingsProblem = settings.status().problem;
  if (settingsProblem) console.error(`Telltale: ${settingsProblem}`);

  events.on('notification', (n) => showNativeNotification(n, running.language(), showWindow));
  const launchAtLogin = (enabled: boolean): void =>
    void applyLaunchAtLogin(enabled).catch((e: unknown) => reportError('Launch at login could not be changed', e));
  // Applied at start too: the entry follows the setting even if it was removed or the app moved.
  launchAtLogin(settings.get().launchAtLogin);
  running.onSettingChange((s) => s.launchAtLogin, launchAtLogin);

  const notificationsOn = (): boolean => settings.get().notifications.enabled;
  const saveFromTray = (patch: SettingsPatch, what: string): void =>
    void settings.update(patch).catch((e: unknown) => reportError(`${what} could not be saved`, e));
  const tray: TelltaleTray = createTray(
    assetsDir,
    {
      open: showWindow,
      sampleNow: () => void monitor.sampleNow().catch((e: unknown) => reportError('Sampling failed', e)),
      exportSnapshot: () => void exportSnapshotWithDialog(handlers, mainWindow, running.language()).catch((e: unknown) => reportError('Export failed', e)),
      togglePause: () => saveFromTray({ paused: !monitor.status.paused }, 'Pausing'),
      toggleNotifications: () => saveFromTray({ notifications: { enabled: !notificationsOn() } }, 'The notification setting'),
      quit: () => app.quit(),
    },
    monitor.snapshot,
    monitor.status,
    notificationsOn(),
  );
  const refreshTray = (): void => void tray.update(monitor.snapshot, monitor.status, notificationsOn());
  for (const event of ['snapshot', 'delta', 'status', 'settings'] as const) events.on(event, refreshTray);

  // Read-only view for the Electron e2e test (electronApp.evaluate runs in this process).
  if (process.env.TELLTALE_E2E === '1') {
    (globalThis as { telltaleE2E?: unknown }).telltaleE2E = { trayState: () => tray.state, status: () => monitor.status };
  }

  app.on('before-quit', () => {
    api.close();
    void close();
    tray.destroy();
  });
  if (!startedHidden()) showWindow();
  monitor.start();
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  // Stay alive in the tray with no window; a second launch (single-instance) reopens it.
  app.on('window-all-closed', () => undefined);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => reportError('Telltale could not start', error));
}
