/** Values as text, the same in the reports, the CLI and the UI. */
import type { SignalValue } from '../contract/snapshot.js';

/**
 * "1.2.3.4:443", "[2001:db8::1]:443" (IPv6 in brackets), the bare address when there is no port,
 * "" for no address.
 */
export function formatEndpoint(address: string | null, port: number | null): string {
  if (!address) return '';
  const host = address.includes(':') ? `[${address}]` : address;
  return port === null ? host : `${host}:${port}`;
}

/** A signal value as one line of text; `none` stands for a missing value ("(none)" in reports, "—" in the UI). */
export function formatValue(value: SignalValue | undefined, none = '(none)'): string {
  if (value === null || value === undefined) return none;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '(empty list)';
  if (value === '') return '(empty)';
  return String(value);
}

/** An argv as a shell line the user could paste: arguments with spaces or quotes are single-quoted. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}
