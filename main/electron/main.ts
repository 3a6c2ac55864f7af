/**
 * Electron entry point, bundled by main/scripts/electron-bundle.ts into dist/electron/main.js
 * (package.json "main"), next to the preload dist/electron/preload.cjs. A thin shell: the
 * Monitor samples, the window shows the UI over the preload bridge, the tray shows the exposure
 * level. Closing the window keeps monitoring in the tray; Quit in the tray ends the app.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog } from 'electron';
import { createApp } from '../app/create-app.js';
import { devRendererFromEnv, type DevRenderer } from './app-dev-server.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { exportSnapshotWithDialog } from './export-dialog.js';
import { forwardMonitorEvents, registerIpc } from './ipc.js';
import { createTray, type TelltaleTray } from './tray.js';
import { createMainWindow, denyAllPermissions } from './window.js';
import { redactText } from '../core/secrets/policy.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const appRoot = app.getAppPath();
const rendererDir = join(appRoot, 'dist', 'renderer');
// Packaged builds copy assets/ next to app.asar (electron-builder.yml extraResources).
const assetsDir = app.isPackaged ? join(process.resourcesPath, 'assets') : join(appRoot, 'assets');

let mainWindow: BrowserWindow | null = null;

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow({ preloadPath: join(here, 'preload.cjs'), iconPath: join(assetsDir, 'icon.png') });
    mainWindow.on('closed', () => (mainWindow = null));
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function reportError(title: string, error: unknown): void {
  const message = redactText(error instanceof Error ? error.message : String(error));
  console.error(`${title}: ${message}`);
  dialog.showErrorBox(title, message);
}

async function start(): Promise<void> {
  denyAllPermissions();
  // No default menu (it carries developer tools) except on macOS, where it holds Copy/Paste/Quit.
  if (process.platform !== 'darwin') Menu.setApplicationMenu(null);
  // Only a bundle built by `npm run dev` serves the UI from Vite's dev server: this variable is
  // replaced at bundle time ('' in every other build), and a packaged app never does.
  const devRenderer: DevRenderer | null =
    process.env.TELLTALE_DEV_BUILD === '1' && !app.isPackaged ? devRendererFromEnv(process.env) : null;
  if (devRenderer) console.log(`Telltale (dev): the UI comes from ${devRenderer.origin} with hot reload`);
  handleAppProtocol(rendererDir, devRenderer);

  const { monitor, handlers, close } = createApp();
  registerIpc(handlers);
  forwardMonitorEvents(monitor);

  const tray: TelltaleTray = createTray(
    assetsDir,
    {
      open: showWindow,
      sampleNow: () => void monitor.sampleNow().catch((e: unknown) => reportError('Sampling failed', e)),
      exportSnapshot: () => void exportSnapshotWithDialog(handlers, mainWindow).catch((e: unknown) => reportError('Export failed', e)),
      togglePause: () => void monitor.setPaused(!monitor.status.paused),
      quit: () => app.quit(),
    },
    monitor.snapshot,
    monitor.status,
  );
  const refreshTray = (): void => void tray.update(monitor.snapshot, monitor.status);
  monitor.on('snapshot', refreshTray);
  monitor.on('delta', refreshTray);
  monitor.on('status', refreshTray);

  // Read-only view for the Electron e2e test (electronApp.evaluate runs in this process).
  if (process.env.TELLTALE_E2E === '1') {
    (globalThis as { telltaleE2E?: unknown }).telltaleE2E = { trayState: () => tray.state, status: () => monitor.status };
  }

  app.on('before-quit', () => {
    void close();
    tray.destroy();
  });
  showWindow();
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
