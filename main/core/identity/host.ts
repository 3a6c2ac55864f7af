import type { Signal } from '../../../contract/snapshot.js';
import { okSignal } from '../signal.js';

export interface ResolvConf {
  search: string[];
  domain: string | null;
}

/** `search` and `domain` of /etc/resolv.conf; the last line of each wins, as in the resolver. */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { search: [], domain: null };
  for (const raw of text.split('\n')) {
    const [keyword, ...rest] = raw.replace(/[#;].*$/, '').trim().split(/\s+/);
    if (keyword === 'search') conf.search = rest.filter(Boolean);
    if (keyword === 'domain' && rest[0]) conf.domain = rest[0];
  }
  return conf;
}

export function resolvConfSignals(conf: ResolvConf, source: string): Signal[] {
  const signals: Signal[] = [];
  if (conf.search.length > 0) signals.push(okSignal({ kind: 'identity', key: { field: 'dns-search' } }, conf.search, source));
  if (conf.domain) signals.push(okSignal({ kind: 'identity', key: { field: 'dns-domain' } }, conf.domain, source, { host: conf.domain.toLowerCase() }));
  return signals;
}

/** The first line of /etc/hostname or of a command's output, or null if blank. */
export function firstLine(text: string): string | null {
  return text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#')) ?? null;
}

export function userSignal(env: Readonly<Record<string, string | undefined>>): Signal | null {
  const name = ['USER', 'USERNAME', 'LOGNAME'].find((v) => env[v]);
  return name ? okSignal({ kind: 'identity', key: { field: 'user' } }, env[name] ?? '', `env:${name}`) : null;
}

/** The domain of an email address, lower case, or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : null;
}
