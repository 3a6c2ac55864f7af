/** Values as text, the same in the reports, the CLI and the UI. */
import type { Connection, NamedConnection, SignalValue } from '../contract/snapshot.js';
import type { Language } from './i18n/languages.js';
import { translator } from './i18n/translate.js';

/**
 * "1.2.3.4:443", "[2001:db8::1]:443" (IPv6 in brackets), the bare address when there is no port,
 * "" for no address.
 */
export function formatEndpoint(address: string | null, port: number | null): string {
  if (!address) return '';
  const host = address.includes(':') ? `[${address}]` : address;
  return port === null ? host : `${host}:${port}`;
}

/** Where a connection goes: the resolved host name when known, else address:port; "-" for no peer. */
export function formatRemote(connection: Connection): string {
  if (connection.remoteAddress === null) return '-';
  const endpoint = formatEndpoint(connection.remoteAddress, connection.remotePort);
  const host = connection.remote?.host;
  return host ? `${host} (${endpoint})` : endpoint;
}

/** A connection on one line, as a diff lists it: "codex (pid 7100) tcp 10.0.0.5:51700 -> host (1.2.3.4:443) [US, Org] ESTABLISHED (codex)". */
export function formatConnection(c: NamedConnection, language: Language): string {
  const t = translator(language);
  const who =
    c.pid !== null
      ? t('format.process', { process: c.process ?? '?', pid: String(c.pid) })
      : c.ownerUnknown
        ? t('format.no-process.because', { reason: c.ownerUnknown })
        : t('format.no-process');
  const where = [c.remote?.country, c.remote?.org].filter(Boolean).join(', ');
  return [
    `${who} ${c.protocol} ${formatEndpoint(c.localAddress, c.localPort)} -> ${formatRemote(c)}`,
    where ? ` [${where}]` : '',
    ` ${c.state}`,
    c.toolId ? ` (${c.toolId})` : '',
  ].join('');
}

/** A signal value as one line of text; `none` stands for a missing value ("(none)" in reports, "—" in the UI). */
export function formatValue(value: SignalValue | undefined, none: string | undefined, language: Language): string {
  const t = translator(language);
  if (value === null || value === undefined) return none ?? t('format.none');
  // A list's items are values, joined as the values they are (", " in any language).
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : t('format.empty-list');
  if (value === '') return t('format.empty');
  return String(value);
}

/** An argv as a shell line the user could paste: arguments with spaces or quotes are single-quoted. */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}
