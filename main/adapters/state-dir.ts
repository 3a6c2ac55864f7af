/** Where Telltale keeps state (probe reports, tap captures) and settings, by each platform's convention. */
import path from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The platform's folder of one kind: `xdg` (or `fallback` under home) on Linux and other Unixes,
 * ~/Library/Application Support/Telltale on macOS (both kinds), `winVar` (or its usual path) on Windows.
 */
function appDir(env: Env, home: string, platform: NodeJS.Platform, xdg: string, fallback: string[], winVar: string, winFallback: string[]): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Telltale');
  if (platform === 'win32') return path.win32.join(env[winVar] || path.win32.join(home, ...winFallback), 'Telltale');
  const base = env[xdg];
  // The XDG spec ignores relative paths.
  return path.posix.join(base && path.posix.isAbsolute(base) ? base : path.posix.join(home, ...fallback), 'telltale');
}

/**
 * XDG_STATE_HOME/telltale or ~/.local/state/telltale; ~/Library/Application Support/Telltale on
 * macOS; %LOCALAPPDATA%\Telltale on Windows.
 */
export function defaultStateDir(env: Env, home: string, platform: NodeJS.Platform = process.platform): string {
  return appDir(env, home, platform, 'XDG_STATE_HOME', ['.local', 'state'], 'LOCALAPPDATA', ['AppData', 'Local']);
}

/**
 * Settings: XDG_CONFIG_HOME/telltale or ~/.config/telltale; ~/Library/Application Support/Telltale
 * on macOS; %APPDATA%\Telltale on Windows. (The Electron app uses app.getPath('userData') instead.)
 */
export function defaultConfigDir(env: Env, home: string, platform: NodeJS.Platform = process.platform): string {
  return appDir(env, home, platform, 'XDG_CONFIG_HOME', ['.config'], 'APPDATA', ['AppData', 'Roaming']);
}
