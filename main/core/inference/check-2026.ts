/**
 * The 2026 check, re-enacted: one coding CLI was found to read the proxy settings and the time
 * zone, compare the proxy host and ANTHROPIC_BASE_URL host with hidden lists of Chinese domains and
 * AI labs, and hide the verdict in its system prompt. Flagged when a proxy applies to HTTPS and
 * the time zone is Asia/Shanghai or Asia/Urumqi, or when the proxy host or ANTHROPIC_BASE_URL host
 * is Chinese or an AI lab's.
 */
import type { Check2026Reason, CheckMessage, CheckNameMessage } from '../../../contract/message.js';
import type { CheckResult, Signal, TimezoneSource, Tool } from '../../../contract/snapshot.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { CHECK_2026_SIGNALLING, CHECK_2026_ZONES } from '../../../common/check-2026.js';
import { CHECK_2026_ID } from '../../../common/overview.js';
import { canonicalTimeZone } from '../knowledge/countries.js';
import { countryOfTld } from '../knowledge/domains.js';
import { isLabMatch, matchOrganization } from '../knowledge/organizations.js';
import { isKind, isSignal, proxiesInForce, signalRef } from './signal-kinds.js';
import { hostsOf, textOf } from './signal-values.js';
import { visibleTo, visibleToAll } from './visibility.js';

export { CHECK_2026_ID, CHECK_2026_SIGNALLING, CHECK_2026_ZONES };
const NAME: CheckNameMessage = { id: 'check-2026.name' };

/**
 * The legacy tzdata aliases of the zones the check named (PRC, Asia/Chongqing, Asia/Chungking,
 * Asia/Harbin -> Asia/Shanghai; Asia/Kashgar -> Asia/Urumqi). They are included because Node
 * resolves TZ=PRC etc. to the canonical name, so a JS tool reading Intl sees "Asia/Shanghai" either
 * way. Hong Kong, Macau and Taipei were not named and are not included.
 */
export const CHECK_2026_ZONE_ALIASES: Readonly<Record<string, (typeof CHECK_2026_ZONES)[number]>> = {
  PRC: 'Asia/Shanghai',
  'Asia/Chongqing': 'Asia/Shanghai',
  'Asia/Chungking': 'Asia/Shanghai',
  'Asia/Harbin': 'Asia/Shanghai',
  'Asia/Kashgar': 'Asia/Urumqi',
};

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
function listing(host: string): { id: 'check-2026.reason.lab-host' | 'check-2026.reason.chinese-company-host'; org: string } | { id: 'check-2026.reason.cn-domain-host' } | null {
  const org = matchOrganization(host);
  if (org && isLabMatch(org) && org.org.name !== 'Anthropic') return { id: 'check-2026.reason.lab-host', org: org.org.name };
  if (org?.org.country === 'CN') return { id: 'check-2026.reason.chinese-company-host', org: org.org.name };
  if (countryOfTld(host) === 'CN') return { id: 'check-2026.reason.cn-domain-host' };
  return null;
}

/** Whether the check's lists hold this host (a probe's base-URL variant, say). */
export const isListedHost = (host: string): boolean => listing(host) !== null;

function listedBecause(signal: Signal, host: string): Check2026Reason | null {
  const found = listing(host);
  return found && { ...found, signal: signalRef(signal), host };
}

interface HostHit {
  signal: Signal;
  reason: Check2026Reason;
}

function hostHits(signals: readonly Signal[], proxies: readonly Signal[]): HostHit[] {
  const candidates = [...proxies.filter((s) => isKind(s, 'proxy')), ...signals.filter(isAnthropicBaseUrl)];
  return candidates.flatMap((signal) =>
    hostsOf(signal).flatMap((host) => {
      const reason = listedBecause(signal, host);
      return reason ? [{ signal, reason }] : [];
    }),
  );
}

/** The result's statement is the English rendering of its message. */
const said = (message: CheckMessage) => ({ statement: renderMessage(message, 'en'), message });

/** Evaluates the check on the ok signals of a machine. */
export function check2026(signals: readonly Signal[], tools: readonly Tool[]): CheckResult {
  const ok = signals.filter((s) => s.status === 'ok');
  const proxies = proxiesInForce(ok);
  const zone = resolvedZone(ok);
  const zoneText = zone ? (textOf(zone) ?? '') : '';
  const zoneHit = zone !== null && isCheckedZone(zoneText);
  const hits = hostHits(ok, proxies);
  const proxyAndZone = proxies.length > 0 && zoneHit && zone !== null;

  const base = { id: CHECK_2026_ID, name: renderMessage(NAME, 'en'), nameMessage: NAME };
  if (proxyAndZone || hits.length > 0) {
    const reasons: Check2026Reason[] = [
      ...(proxyAndZone ? [{ id: 'check-2026.reason.proxy-and-zone' as const, proxy: signalRef(proxies[0] as Signal), zone: zoneText }] : []),
      ...hits.map((h) => h.reason),
    ];
    const evidence = [...(proxyAndZone ? [...proxies, zone] : []), ...hits.map((h) => h.signal)];
    // A tool reaching the verdict must read every part of one tripped condition.
    const conditions: Signal[][][] = [...(proxyAndZone ? [[proxies, [zone]]] : []), ...hits.map((h) => [[h.signal]])];
    return {
      ...base,
      flagged: true,
      ...said({ id: 'check-2026.flagged', reasons }),
      evidence: unique(evidence.map((s) => s.id)),
      visibleTo: unique(conditions.flatMap((parts) => visibleToAll(parts, tools))),
    };
  }

  const known = zoneText ? { zone: zoneText } : {};
  const clear: CheckMessage = proxies.length
    ? { id: 'check-2026.clear.proxy-only', ...known }
    : zoneHit
      ? { id: 'check-2026.clear.zone-only', zone: zoneText }
      : { id: 'check-2026.clear.neither', ...known };
  const examined = [...proxies, ...(zone ? [zone] : [])];
  return {
    ...base,
    flagged: false,
    ...said(clear),
    evidence: unique(examined.map((s) => s.id)),
    visibleTo: visibleTo(examined, tools),
  };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
