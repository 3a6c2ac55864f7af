/**
 * Host and domain helpers built on tldts (the Public Suffix List), so "corp.alibaba-inc.com",
 * "pypi.tuna.tsinghua.edu.cn" and "foo.co.uk" are all read correctly. Nothing here splits on dots.
 */
import { parse } from 'tldts';
import { canonicalIp } from '../../../common/ip-address.js';
import { isCountryCode } from './countries.js';

/** The registrable domain ("alibaba-inc.com" for "corp.alibaba-inc.com"); null for IPs and bare names. */
export function registrableDomain(host: string): string | null {
  const result = parse(host.toLowerCase(), { allowPrivateDomains: false });
  return result.isIp || !result.isIcann ? null : result.domain;
}

export function isIpLiteral(host: string): boolean {
  return canonicalIp(host.replace(/^\[|\]$/g, '')) !== null;
}

/** True when `host` is `entry` or one of its subdomains (entries are hosts or registrable domains). */
export function hostMatches(host: string, entry: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === entry || h.endsWith(`.${entry}`);
}

/**
 * ccTLDs that are marketed worldwide as generic names (.io, .ai, .co ...): a host under one says
 * nothing about where its owner is.
 */
const VANITY_CCTLDS = new Set([
  'ac', 'ai', 'am', 'app', 'as', 'bz', 'cc', 'cd', 'co', 'dj', 'fm', 'gg', 'im', 'io', 'la', 'ly', 'me',
  'ms', 'mu', 'nu', 'sh', 'so', 'st', 'tk', 'to', 'tv', 'vc', 'ws',
]);

/** ccTLDs whose ISO code differs. */
const CCTLD_TO_ISO: Readonly<Record<string, string>> = { uk: 'GB' };

/**
 * The country of a host's country-code TLD ("edu.cn" -> "CN", "co.uk" -> "GB"), or null for
 * generic TLDs, vanity ccTLDs, IP literals and names outside the Public Suffix List.
 */
export function countryOfTld(host: string): string | null {
  const result = parse(host.toLowerCase(), { allowPrivateDomains: false });
  if (result.isIp || !result.isIcann || !result.publicSuffix) return null;
  // The TLD is the public suffix's last label ("com.cn" -> "cn").
  const tld = /[^.]+$/.exec(result.publicSuffix)?.[0] ?? '';
  if (tld.length !== 2 || VANITY_CCTLDS.has(tld)) return null;
  const code = CCTLD_TO_ISO[tld] ?? tld.toUpperCase();
  return isCountryCode(code) ? code : null;
}
