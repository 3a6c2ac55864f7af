/**
 * Launch at login (the launchAtLogin setting): the system's login items on macOS and Windows, an
 * XDG autostart entry on Linux. The app then starts in the tray (HIDDEN_ARG).
 */
import { homedir } from 'node:os';
import { app } from 'electron';
import { HIDDEN_ARG, autostartPath } from './autostart-entry.js';
import { setAutostartEntry } from './autostart-file.js';

/** What starts this app: the AppImage when run as one (its mounted path changes each run), else the executable (and the app folder in development). */
function launchCommand(): string[] {
  const executable = process.env.APPIMAGE || process.execPath;
  return app.isPackaged ? [executable, HIDDEN_ARG] : [executable, app.getAppPath(), HIDDEN_ARG];
}

export async function applyLaunchAtLogin(enabled: boolean): Promise<void> {
  if (process.platform === 'linux') {
    await setAutostartEntry(autostartPath(process.env, homedir()), enabled ? launchCommand() : null);
    return;
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] });
}

/** Started by the login item: stay in the tray. */
export function startedHidden(argv: readonly string[] = process.argv): boolean {
  return argv.includes(HIDDEN_ARG) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);
}
