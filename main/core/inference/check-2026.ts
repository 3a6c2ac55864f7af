/**
 * The 2026 check, re-enacted: one coding CLI was found to read the proxy settings and the time
 * zone, compare the proxy host and ANTHROPIC_BASE_URL host with hidden lists of Chinese domains and
 * AI labs, and hide the verdict in its system prompt. Flagged when a proxy applies to HTTPS and
 * the time zone is Asia/Shanghai or Asia/Urumqi, or when the proxy host or ANTHROPIC_BASE_URL host
 * is Chinese or an AI lab's.
 */
import type { CheckResult, Signal, TimezoneSource, Tool } from '../../../contract/snapshot.js';
import { CHECK_2026_ID } from '../../../common/overview.js';
import { canonicalTimeZone } from '../knowledge/countries.js';
import { countryOfTld } from '../knowledge/domains.js';
import { isLabMatch, matchOrganization } from '../knowledge/organizations.js';
import { describeSignal, isKind, isSignal, proxiesInForce } from './signal-kinds.js';
import { hostsOf, textOf } from './signal-values.js';
import { visibleTo, visibleToAll } from './visibility.js';

export { CHECK_2026_ID };
export const CHECK_2026_NAME = '2026 coding-CLI China check';

/**
 * The zones the check named, plus the legacy tzdata aliases of the same zones (PRC, Asia/Chongqing,
 * Asia/Chungking, Asia/Harbin -> Asia/Shanghai; Asia/Kashgar -> Asia/Urumqi). They are included
 * because Node resolves TZ=PRC etc. to the canonical name, so a JS tool reading Intl sees
 * "Asia/Shanghai" either way. Hong Kong, Macau and Taipei were not named and are not included.
 */
export const CHECK_2026_ZONES = ['Asia/Shanghai', 'Asia/Urumqi'] as const;
export const CHECK_2026_ZONE_ALIASES: Readonly<Record<string, (typeof CHECK_2026_ZONES)[number]>> = {
  PRC: 'Asia/Shanghai',
  'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai',
  'Asia/Harbin': 'Asia/Shanghai',
  'Asia/Kashgar': 'Asia/Urumqi',
};

/** How the verdict was reportedly smuggled into the system prompt, for the UI to show. */
export const CHECK_2026_SIGNALLING = {
  phrase: "Today's date is",
  apostrophes: [
    { char: '\u0027', codePoint: 'U+0027', name: 'APOSTROPHE' },
    { char: '\u2019', codePoint: 'U+2019', name: 'RIGHT SINGLE QUOTATION MARK' },
    { char: '\u02BC', codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' },
    { char: '\u02B9', codePoint: 'U+02B9', name: 'MODIFIER LETTER PRIME' },
  ],
  dateSeparators: { normal: '-', flagged: '/' },
} as const;

const SIGNALLING_NOTE =
  `The reported tool hid its verdict in the system prompt: the apostrophe in "${CHECK_2026_SIGNALLING.phrase}" ` +
  `was swapped among ${CHECK_2026_SIGNALLING.apostrophes.map((a) => `${a.codePoint} (${a.char})`).join(', ')}, ` +
  `and the date separator switched from "${CHECK_2026_SIGNALLING.dateSeparators.normal}" to "${CHECK_2026_SIGNALLING.dateSeparators.flagged}".`;

/** The time zone a tool process would resolve: the resolved zone first, then the raw sources. */
const ZONE_PRIORITY: readonly TimezoneSource[] = ['resolved', 'intl', 'env', 'localtime', 'etc-timezone'];

function resolvedZone(signals: readonly Signal[]): Signal | null {
  for (const source of ZONE_PRIORITY) {
    const found = signals.find((s) => isSignal(s, 'timezone') && s.key.source === source && textOf(s));
    if (found) return found;
  }
  return null;
}

export function isCheckedZone(zone: string): boolean {
  const name = zone.trim().replace(/^:/, '');
  const canonical = CHECK_2026_ZONE_ALIASES[name] ?? canonicalTimeZone(name);
  return (CHECK_2026_ZONES as readonly string[]).includes(canonical);
}

/** ANTHROPIC_BASE_URL in the env or in any tool's config, or Claude Code's own base-URL setting. */
function isAnthropicBaseUrl(signal: Signal): boolean {
  if (isSignal(signal, 'model-endpoint')) return signal.key.variable === 'ANTHROPIC_BASE_URL';
  if (!isSignal(signal, 'tool-setting')) return false;
  const { setting, variable, toolId } = signal.key;
  return (setting === 'env' && variable === 'ANTHROPIC_BASE_URL') || (toolId === 'claude-code' && setting === 'base-url');
}

/** Why a host is on the check's lists, or null. Anthropic's own API is the tool's default, not a hit. */
export function listedBecause(host: string): string | null {
  const org = matchOrganization(host);
  if (org && isLabMatch(org) && org.org.name !== 'Anthropic') return `belongs to the AI lab ${org.org.name}`;
  if (org?.org.country === 'CN') return `belongs to ${org.org.name}, a Chinese company`;
  if (countryOfTld(host) === 'CN') return 'is a Chinese (.cn) domain';
  return null;
}

interface HostHit {
  signal: Signal;
  host: string;
  why: string;
}

function hostHits(signals: readonly Signal[], proxies: readonly Signal[]): HostHit[] {
  const candidates = [...proxies.filter((s) => isKind(s, 'proxy')), ...signals.filter(isAnthropicBaseUrl)];
  return candidates.flatMap((signal) =>
    hostsOf(signal).flatMap((host) => {
      const why = listedBecause(host);
      return why ? [{ signal, host, why }] : [];
    }),
  );
}

/** Evaluates the check on the ok signals of a machine. */
export function check2026(signals: readonly Signal[], tools: readonly Tool[]): CheckResult {
  const ok = signals.filter((s) => s.status === 'ok');
  const proxies = proxiesInForce(ok);
  const zone = resolvedZone(ok);
  const zoneText = zone ? (textOf(zone) ?? '') : '';
  const zoneHit = zone !== null && isCheckedZone(zoneText);
  const hits = hostHits(ok, proxies);
  const proxyAndZone = proxies.length > 0 && zoneHit && zone !== null;

  const base = { id: CHECK_2026_ID, name: CHECK_2026_NAME };
  if (proxyAndZone || hits.length > 0) {
    const reasons = [
      ...(proxyAndZone ? [`HTTPS proxy set (${describeSignal(proxies[0] as Signal)}) and time zone ${zoneText}`] : []),
      ...hits.map((h) => `${describeSignal(h.signal)}: host ${h.host} ${h.why}`),
    ];
    const evidence = [...(proxyAndZone ? [...proxies, zone] : []), ...hits.map((h) => h.signal)];
    // A tool reaching the verdict must read every part of one tripped condition.
    const conditions: Signal[][][] = [...(proxyAndZone ? [[proxies, [zone]]] : []), ...hits.map((h) => [[h.signal]])];
    return {
      ...base,
      flagged: true,
      statement: `Would be flagged: ${reasons.join('; ')}. ${SIGNALLING_NOTE}`,
      evidence: unique(evidence.map((s) => s.id)),
      visibleTo: unique(conditions.flatMap((parts) => visibleToAll(parts, tools))),
    };
  }

  const zoneName = zoneText || 'unknown';
  const why = proxies.length
    ? `a proxy is set, but the time zone (${zoneName}) is not Asia/Shanghai or Asia/Urumqi`
    : zoneHit
      ? `the time zone is ${zoneText}, but no proxy applies to HTTPS`
      : `no proxy applies to HTTPS and the time zone (${zoneName}) is not Asia/Shanghai or Asia/Urumqi`;
  const examined = [...proxies, ...(zone ? [zone] : [])];
  return {
    ...base,
    flagged: false,
    statement: `Would not be flagged: ${why}, and no proxy or ANTHROPIC_BASE_URL host is on its lists of Chinese domains and AI labs. ${SIGNALLING_NOTE}`,
    evidence: unique(examined.map((s) => s.id)),
    visibleTo: visibleTo(examined, tools),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
