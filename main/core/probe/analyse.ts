/**
 * Turns the captured runs of every environment into per-factor results: noise is learnt from
 * identical runs of every environment, then each variant is compared with its factor's baseline,
 * and what a variant shares with its factor's neutral variant is marked as such.
 */
import type { RunFailure } from '../../../contract/message.js';
import type { ProbeFactor } from '../../../contract/snapshot.js';
import { compareGroups, locationOf, type RunGroup } from './compare.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { disclosureMessage } from './disclosure.js';
import { flattenRun, groupNoise } from './noise.js';
import type { EnvGroup, PlannedFactor } from './plan.js';
import type { RunRequests } from './types.js';
import type { LocalePair } from './localised.js';
import type { ZonePair } from './zone-shift.js';

export interface GroupRuns {
  runs: readonly RunRequests[];
  /** Problems with the runs (timeouts, non-zero exits), reported with the variant. */
  errors: readonly RunFailure[];
}

export interface Analysis {
  factors: ProbeFactor[];
  noise: string[];
}

/**
 * The time zones two environments set: the system zone where one sets it (its TZ stays UTC), else TZ
 * (the probe sets TZ in every one); null when either lacks both.
 */
function zonesOf(baseline: EnvGroup, variant: EnvGroup): ZonePair | null {
  const b = baseline.systemZone ?? baseline.env.TZ;
  const v = variant.systemZone ?? variant.env.TZ;
  return b && v ? { baseline: b, variant: v } : null;
}

/** The locales two environments set (LC_ALL, else LC_TIME, else LANG); null when either sets none. */
function localesOf(baseline: Readonly<Record<string, string>>, variant: Readonly<Record<string, string>>): LocalePair | null {
  const of = (env: Readonly<Record<string, string>>) => env.LC_ALL || env.LC_TIME || env.LANG;
  const b = of(baseline);
  const v = of(variant);
  return b && v ? { baseline: b, variant: v } : null;
}

/** How many of the runs' requests (CONNECT tunnels aside) went through the proxy, of how many. */
function proxyUse(runs: readonly RunRequests[]): { requests: number; of: number } {
  const sent = runs.flat().filter((r) => r.method !== 'CONNECT');
  return { requests: sent.filter((r) => r.viaProxy).length, of: sent.length };
}

export function analyseProbe(plan: readonly PlannedFactor[], results: ReadonlyMap<string, GroupRuns>): Analysis {
  const groups = new Map<string, RunGroup>();
  for (const [id, result] of results) {
    const runs = result.runs.map(flattenRun);
    groups.set(id, { runs, noise: groupNoise(runs) });
  }
  const globalNoise = {
    paths: new Set([...groups.values()].flatMap((g) => [...g.noise.paths])),
    counts: new Set([...groups.values()].flatMap((g) => [...g.noise.counts])),
  };
  const noise = [
    ...[...globalNoise.counts].map((kind) => `requests: ${kind} (how many)`),
    ...[...globalNoise.paths].map((key) => {
      const [slot, path] = key.split('\u0000');
      return locationOf(slot ?? '', path ?? '');
    }),
  ].sort();

  const empty: RunGroup = { runs: [], noise: groupNoise([]) };
  const factors = plan.map((planned): ProbeFactor => {
    const baseline = groups.get(planned.baseline.id) ?? empty;
    const compare = (against: RunGroup, againstGroup: EnvGroup, group: EnvGroup) => {
      const variantRuns = groups.get(group.id) ?? empty;
      return { runs: variantRuns.runs.length, changes: compareGroups(against, variantRuns, globalNoise, zonesOf(againstGroup, group), localesOf(againstGroup.env, group.env)) };
    };
    // A neutral variant that ran (api.example.com: any custom host) is the direct baseline of the
    // factor's other values: what differs from it is what singles a value out.
    const neutral = planned.variants.find((v) => planned.neutralValues.includes(v.value) && (groups.get(v.group.id)?.runs.length ?? 0) > 0);
    const neutralResult = neutral && compare(baseline, planned.baseline, neutral.group);
    const variants = planned.variants.map(({ value, group }) => {
      const direct = neutral !== undefined && neutralResult !== undefined && neutral.value !== value;
      const { runs, changes } = !neutral || !neutralResult
        ? compare(baseline, planned.baseline, group)
        : direct
          ? compare(groups.get(neutral.group.id) ?? empty, neutral.group, group)
          : neutralResult;
      const errors = results.get(group.id)?.errors ?? [];
      const comparedWith = direct ? { value: neutral.value, changed: neutralResult.changes.length > 0 } : null;
      const viaProxy = proxyUse(results.get(group.id)?.runs ?? []);
      const baselineViaProxy = proxyUse(results.get(planned.baseline.id)?.runs ?? []).requests;
      const message = disclosureMessage(planned.factor, value, changes, comparedWith);
      return {
        value,
        runs,
        changed: changes.length > 0,
        changes,
        disclosure: message ? renderMessage(message, 'en') : null,
        ...(message ? { message } : {}),
        ...(comparedWith ? { comparedWith: comparedWith.value } : {}),
        ...(viaProxy.requests > 0 && baselineViaProxy === 0 ? { viaProxy } : {}),
        ...(errors.length > 0 ? { error: errors.map((e) => renderMessage(e, 'en')).join('; '), errorMessages: [...errors] } : {}),
      };
    });
    return { factor: planned.factor, baseline: planned.baselineLabel, changed: variants.some((v) => v.changed), variants };
  });
  return { factors, noise };
}
