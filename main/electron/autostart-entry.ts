/**
 * Launch at login on Linux: an XDG autostart entry (~/.config/autostart/telltale.desktop), as
 * desktop environments read it. Pure: builds the text and the path; login-item.ts writes it.
 */
import path from 'node:path';

export const AUTOSTART_FILE = 'telltale.desktop';
/** Started at login the app goes to the tray without opening its window. */
export const HIDDEN_ARG = '--hidden';

/** XDG_CONFIG_HOME/autostart (absolute only, as the spec says) or ~/.config/autostart. */
export function autostartPath(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config'), 'autostart', AUTOSTART_FILE);
}

/**
 * One argument of Exec= quoted as the Desktop Entry spec says: in double quotes, with ", `, $ and \
 * escaped by a backslash; then every backslash doubled again for the string escaping of the file
 * format, and % doubled (field codes).
 */
export function quoteExecArg(arg: string): string {
  if (/[\n\r]/.test(arg)) throw new Error('An autostart command cannot contain a line break.');
  const quoted = /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The .desktop file that runs `command` (the executable, then its arguments) at login. */
export function autostartEntry(command: readonly string[]): string {
  if (command.length === 0) throw new Error('An autostart entry needs a command.');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Telltale',
    'Comment=Shows what AI coding tools can learn about you',
    `Exec=${command.map(quoteExecArg).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
