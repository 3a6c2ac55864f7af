/** Where Telltale keeps state (probe reports, tap captures), by each platform's convention. */
import path from 'node:path';

/**
 * XDG_STATE_HOME/telltale or ~/.local/state/telltale; ~/Library/Application Support/Telltale on
 * macOS; %LOCALAPPDATA%\Telltale on Windows.
 */
export function defaultStateDir(
  env: Readonly<Record<string, string | undefined>>,
  home: string,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Telltale');
  if (platform === 'win32') {
    return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'Telltale');
  }
  const xdg = env.XDG_STATE_HOME;
  // The XDG spec ignores relative paths.
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'state'), 'telltale');
}
