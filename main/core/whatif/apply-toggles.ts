/**
 * The signals a sample would have had with some things changed (what-if toggles). Environment
 * toggles change a copy of the environment and rebuild the signals derived from it with the
 * samplers' own functions (proxy variables and the effective proxy, model base URLs, locale and
 * time-zone variables), so the result is what a fresh sample started with that environment reads.
 * File toggles (a mirror, the git email) take the signal out, as if the setting were absent.
 */
import type { KeyOf, Signal, SignalValue } from '../../../contract/snapshot.js';
import type { WhatIfToggle } from '../../../contract/whatif.js';
import { toolSettingVariable } from '../../../common/whatif-options.js';
import { modelBaseUrlSignals } from '../identity/model-urls.js';
import { intlLocaleSignal, localeEnvSignals } from '../locale/locale.js';
import { parseTzEnv, resolvedZoneSignals, zoneSignal, type ZoneCandidate } from '../locale/timezone.js';
import { effectiveProxySignals, proxyEnvSignals } from '../proxy/env.js';
import { unsetSignal } from '../signal.js';
import { urlSignal } from '../url-signal.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface WhatIfSample {
  signals: readonly Signal[];
  /** The environment the sample was taken with. */
  env: Env;
  now: Date;
}

const PROXY_VAR = /^(?:http|https|all|ftp|no)_proxy$/i;
const LOCALE_VAR = /^(?:LANG|LANGUAGE|LC_[A-Z]+)$/;
const ENV_SOURCE = /^env:(.+)$/;

/** The environment with the env toggles applied. */
export function toggledEnv(env: Env, toggles: readonly WhatIfToggle[], signals: readonly Signal[]): Record<string, string | undefined> {
  const next: Record<string, string | undefined> = { ...env };
  for (const toggle of toggles) {
    switch (toggle.kind) {
      case 'unset-env':
        delete next[toggle.variable];
        break;
      case 'timezone':
        next.TZ = toggle.zone;
        break;
      case 'locale':
        for (const name of Object.keys(next)) if (LOCALE_VAR.test(name)) delete next[name];
        next.LANG = toggle.locale;
        break;
      case 'base-url':
        // Set where the tools read it: the env when it is there or no tool's config holds it.
        if (next[toggle.variable] !== undefined || !signals.some((s) => toolSettingVariable(s) === toggle.variable)) next[toggle.variable] = toggle.url;
        break;
      default:
        break;
    }
  }
  return next;
}

/** Names whose value differs between the two environments. */
function changedNames(before: Env, after: Env): Set<string> {
  return new Set([...Object.keys(before), ...Object.keys(after)].filter((name) => before[name] !== after[name]));
}

/** Signals the environment produced, by area; each area is rebuilt as a block where it was. */
const AREAS = {
  proxy: (s: Signal) => s.kind === 'proxy' && ['env', 'effective', 'no-proxy'].includes(s.key.source),
  model: (s: Signal) => s.kind === 'model-endpoint',
  locale: (s: Signal) => s.kind === 'locale' && (LOCALE_VAR.test(s.key.variable) || s.key.variable === 'intl'),
  timezone: (s: Signal) => s.kind === 'timezone',
} as const;

/** `fresh` in place of the signals `area` picks, where the first of them was (else at the end), so evidence keeps the sampler's order. */
function replaceArea(signals: readonly Signal[], area: keyof typeof AREAS, fresh: readonly Signal[]): Signal[] {
  const picks = AREAS[area];
  const at = signals.findIndex(picks);
  const rest = signals.filter((s) => !picks(s));
  const index = at < 0 ? rest.length : signals.slice(0, at).filter((s) => !picks(s)).length;
  return [...rest.slice(0, index), ...fresh, ...rest.slice(index)];
}

/** "en_US.UTF-8" -> "en-US": the locale a process started with LANG=en_US.UTF-8 reports through Intl. */
function bcp47(posix: string): string {
  const [language = '', territory] = posix.replace(/[.@].*$/, '').split('_');
  return territory ? `${language.toLowerCase()}-${territory.toUpperCase()}` : language.toLowerCase();
}

/** A zone source as the resolver takes it; null for the derived ones and those that gave nothing. */
function candidateOf(signal: Signal): ZoneCandidate | null {
  if (signal.kind !== 'timezone' || signal.status === 'unavailable') return null;
  const from = signal.key.source;
  if (from === 'resolved' || from === 'offset' || from === 'windows') return null;
  const outcome = signal.status === 'ok' && typeof signal.value === 'string' ? { ok: true as const, zone: signal.value } : { ok: false as const };
  return { from, source: signal.source, outcome };
}

/** The time-zone block as the locale sampler builds it: TZ, the system's files, Intl, then the resolved zone and offset. */
function timezoneBlock(signals: readonly Signal[], env: Env, now: Date): Signal[] {
  const zones = signals.filter(AREAS.timezone);
  const system = zones.filter((s) => s.kind === 'timezone' && ['localtime', 'etc-timezone', 'windows'].includes(s.key.source));
  const fileZone = system.find((s) => s.kind === 'timezone' && s.key.source === 'localtime' && s.status === 'ok');
  const keptIntl = zones.filter((s) => s.kind === 'timezone' && s.key.source === 'intl');
  const tz = env.TZ;
  // A process started with TZ set reports that zone through Intl; without TZ, the system's.
  const intlZone = tz ? parseTzEnv(tz) : typeof fileZone?.value === 'string' ? { ok: true as const, zone: fileZone.value } : null;
  const intl = intlZone?.ok ? [zoneSignal('intl', 'intl (this process)', intlZone, intlZone.zone)] : keptIntl;
  const block = [...(tz ? [zoneSignal('env', 'env:TZ', parseTzEnv(tz), tz)] : []), ...system, ...intl];
  const candidates = block.map(candidateOf).filter((c): c is ZoneCandidate => c !== null);
  return [...block, ...resolvedZoneSignals(candidates, now)];
}

function withBaseUrl(signal: Signal, variable: string, url: string): Signal {
  if (signal.kind !== 'tool-setting' || toolSettingVariable(signal) !== variable) return signal;
  return urlSignal({ kind: 'tool-setting', key: signal.key as KeyOf<'tool-setting'> }, url, signal.source, { defaultScheme: 'https' });
}

/** The sample's signals as they would be with the toggles applied. */
export function applyToggles(sample: WhatIfSample, toggles: readonly WhatIfToggle[]): Signal[] {
  const env = toggledEnv(sample.env, toggles, sample.signals);
  const changed = changedNames(sample.env, env);
  const touched = (test: (name: string) => boolean) => [...changed].some(test);
  let signals = [...sample.signals];

  if (touched((n) => PROXY_VAR.test(n))) signals = replaceArea(signals, 'proxy', [...proxyEnvSignals(env), ...effectiveProxySignals(env)]);
  if (changed.size > 0) signals = replaceArea(signals, 'model', modelBaseUrlSignals(env));
  const locale = toggles.findLast((t) => t.kind === 'locale');
  if (touched((n) => LOCALE_VAR.test(n))) {
    // Intl follows LANG in a process started with it.
    const intl = locale ? [intlLocaleSignal(bcp47(locale.locale))] : signals.filter((s) => s.kind === 'locale' && s.key.variable === 'intl');
    signals = replaceArea(signals, 'locale', [...localeEnvSignals(env), ...intl]);
  }
  if (changed.has('TZ')) signals = replaceArea(signals, 'timezone', timezoneBlock(signals, env, sample.now));
  // Anything else read from a variable now unset (GOPROXY, PIP_INDEX_URL ...) is gone with it.
  const rebuilt = (s: Signal) => Object.values(AREAS).some((picks) => picks(s));
  signals = signals.filter((s) => {
    const name = ENV_SOURCE.exec(s.source)?.[1];
    return rebuilt(s) || !(name !== undefined && changed.has(name) && env[name] === undefined);
  });

  for (const toggle of toggles) {
    if (toggle.kind === 'drop-mirror') {
      signals = signals.filter((s) => !(s.kind === 'registry' && s.key.ecosystem === toggle.ecosystem && !['proxy', 'https-proxy'].includes(s.key.setting)));
    } else if (toggle.kind === 'hide-git-email') {
      signals = signals.map((s) =>
        s.kind === 'identity' && s.key.field === 'git-email' ? unsetSignal({ kind: 'identity', key: { field: 'git-email' } }, 'cmd:git config --global --get user.email') : s,
      );
    } else if (toggle.kind === 'base-url') {
      signals = signals.map((s) => withBaseUrl(s, toggle.variable, toggle.url));
    }
  }
  return signals;
}

/** Per signal id, its value before and after (null when absent or not ok), for the ids that differ. */
export function changedSignals(before: readonly Signal[], after: readonly Signal[]): Array<{ id: string; before: SignalValue | null; after: SignalValue | null }> {
  const value = (list: readonly Signal[]) => new Map(list.map((s) => [s.id, s.status === 'ok' ? s.value : null]));
  const a = value(before);
  const b = value(after);
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((id) => JSON.stringify(a.get(id) ?? null) !== JSON.stringify(b.get(id) ?? null))
    .sort()
    .map((id) => ({ id, before: a.get(id) ?? null, after: b.get(id) ?? null }));
}
