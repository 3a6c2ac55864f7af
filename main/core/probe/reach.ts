/**
 * What else a tool tried to reach, per environment: DNS queries, proxy requests and direct
 * connects seen during its runs, less what the probe itself handed it (its base URLs, the tap on
 * loopback). A host every run of some environments of a factor tried, and no run of the others, is
 * a finding: the environment changes what the tool contacts. A host that is an environment's own
 * base URL counts as tried there (the tool talks to it as its model API; whether it would also have
 * tried it besides cannot be seen), so the official host that is the base-url factor's baseline
 * never looks new under the custom hosts.
 */
import type { ReachMessage } from '../../../contract/message.js';
import type { ProbeReachedHost, ProbeReachFinding, ProbeReachSource } from '../../../contract/snapshot.js';
import { classifyAddress } from '../../../common/address-class.js';
import { renderMessage } from '../../../common/i18n/render.js';
import type { EnvGroup, PlannedFactor } from './plan.js';

/** One attempt to reach a host, as the probe saw it. */
export interface ReachEvent {
  host: string;
  /** Null for a DNS query. */
  port: number | null;
  via: ProbeReachSource;
}

/** Per environment (group id), the events of each of its runs. */
export type ReachRuns = ReadonlyMap<string, ReadonlyArray<readonly ReachEvent[]>>;

function normalise(host: string): string {
  const bare = host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mapped?.[1] ?? bare;
}

/** Hosts of every URL the environment hands the tool (base URLs, proxies). */
function givenHosts(group: EnvGroup): Set<string> {
  const hosts = new Set<string>();
  for (const value of Object.values(group.env)) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
    try {
      hosts.add(normalise(new URL(value).hostname));
    } catch {
      // Not a URL after all.
    }
  }
  return hosts;
}

const isLocal = (host: string): boolean => host === 'localhost' || host.endsWith('.localhost') || classifyAddress(host) === 'loopback';

/** The events of a run that are not the probe's own endpoints, hosts normalised. */
function foreign(events: readonly ReachEvent[], given: ReadonlySet<string>): ReachEvent[] {
  return events.map((e) => ({ ...e, host: normalise(e.host) })).filter((e) => e.host !== '' && !isLocal(e.host) && !given.has(e.host));
}

export interface ReachAnalysis {
  reached: ProbeReachedHost[];
  findings: ProbeReachFinding[];
}

export function analyseReach(plan: readonly PlannedFactor[], runs: ReachRuns): ReachAnalysis {
  const groups = new Map<string, EnvGroup>();
  for (const f of plan) for (const g of [f.baseline, ...f.variants.map((v) => v.group)]) groups.set(g.id, g);
  const perGroup = new Map<string, ReachEvent[][]>();
  const given = new Map<string, Set<string>>();
  for (const [id, group] of groups) {
    given.set(id, givenHosts(group));
    perGroup.set(id, (runs.get(id) ?? []).map((events) => foreign(events, given.get(id) ?? new Set())));
  }

  const byHost = new Map<string, { ports: Set<number>; seenBy: Set<ProbeReachSource>; count: number; environments: Set<string> }>();
  for (const [id, groupRuns] of perGroup) {
    for (const event of groupRuns.flat()) {
      const entry = byHost.get(event.host) ?? { ports: new Set(), seenBy: new Set(), count: 0, environments: new Set() };
      if (event.port !== null) entry.ports.add(event.port);
      entry.seenBy.add(event.via);
      entry.count++;
      entry.environments.add(id);
      byHost.set(event.host, entry);
    }
  }
  const reached = [...byHost]
    .map(([host, e]) => ({
      host,
      isAddress: classifyAddress(host) !== 'invalid',
      ports: [...e.ports].sort((a, b) => a - b),
      seenBy: [...e.seenBy].sort(),
      count: e.count,
      environments: [...e.environments],
    }))
    .sort((a, b) => a.host.localeCompare(b.host));

  const findings = plan.flatMap((factor) => {
    const environments = [
      { label: factor.baselineLabel, id: factor.baseline.id },
      ...factor.variants.map((v) => ({ label: v.value, id: v.group.id })),
    ].filter((e) => (perGroup.get(e.id)?.length ?? 0) > 0);
    const hosts = new Set(environments.flatMap((e) => (perGroup.get(e.id) ?? []).flat().map((ev) => ev.host)));
    return [...hosts].sort().flatMap((host): ProbeReachFinding[] => {
      const tried = environments.map((e) => {
        const own = given.get(e.id)?.has(host) === true;
        const hits = (perGroup.get(e.id) ?? []).map((run) => own || run.some((ev) => ev.host === host));
        return { label: e.label, all: hits.every(Boolean), none: !hits.some(Boolean) };
      });
      // A host some runs of one environment tried and others did not is noise, not a finding.
      if (tried.some((t) => !t.all && !t.none)) return [];
      const withIt = tried.filter((t) => t.all).map((t) => t.label);
      const without = tried.filter((t) => t.none).map((t) => t.label);
      if (withIt.length === 0 || without.length === 0) return [];
      const message: ReachMessage = withIt.includes(factor.baselineLabel)
        ? { id: 'reach.not-tried-with', host, factor: factor.factor, with: withIt, without }
        : { id: 'reach.tried-only-with', host, factor: factor.factor, with: withIt };
      return [{ host, factor: factor.factor, with: withIt, without, description: renderMessage(message, 'en'), message }];
    });
  });
  return { reached, findings };
}
