/**
 * Notification rules over the monitor's events (contract/settings.ts NotificationRule): pure, so
 * each rule is tested on plain data. Events, what is already known and the user's notification
 * settings in; candidate notifications and the destinations seen out. Rate limiting and start-up
 * grace are the notifier's (main/monitor/notifier.ts). Texts name tools by their names, never ids.
 */
import type { MonitorEvent } from '../../../contract/events.js';
import type { EndpointRecord } from '../../../contract/history.js';
import type { NotificationRule, Settings } from '../../../contract/settings.js';
import type { Connection, ExposureLevel, Inference, RemoteInfo } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS, exposureLabel } from '../../../common/exposure.js';
import { countryName } from '../knowledge/countries.js';

export type NotificationSettings = Settings['notifications'];

export interface Candidate {
  rule: NotificationRule;
  /** The one tool it is about, null when about the machine or several tools. */
  toolId: string | null;
  title: string;
  body: string;
  at: string;
}

/** A country or organisation a tool was seen contacting. */
export interface Destination {
  toolId: string;
  country: string | null;
  org: string | null;
}

/** Per tool id: the countries and organisations it has contacted. */
export type KnownDestinations = ReadonlyMap<string, { countries: ReadonlySet<string>; orgs: ReadonlySet<string> }>;

export interface RuleInput {
  events: readonly MonitorEvent[];
  known: KnownDestinations;
  /** A tool's display name (the catalog's), for any id the events mention. */
  toolName: (toolId: string) => string;
  /** The exposure verdict after these events, when the delta carried one. */
  exposureSummary?: string;
  notifications: NotificationSettings;
}

export interface RuleOutput {
  candidates: Candidate[];
  /** Every destination the events show (new or not), to be learned whether or not anyone was told. */
  seen: Destination[];
}

export function isMuted(rule: NotificationRule, toolId: string | null, settings: NotificationSettings): boolean {
  return !settings.enabled || settings.mutedRules.includes(rule) || (toolId !== null && settings.mutedTools.includes(toolId));
}

function destination(toolId: string | null, remote: RemoteInfo | null): Destination | null {
  if (toolId === null || remote === null || (remote.country === null && remote.org === null)) return null;
  return { toolId, country: remote.country, org: remote.org };
}

/** The destination a connection (or attempt) shows, null when it has no tool or no known place. */
export function destinationOfConnection(connection: Pick<Connection, 'toolId' | 'remote'>): Destination | null {
  return destination(connection.toolId, connection.remote);
}

function destinationOf(event: MonitorEvent): Destination | null {
  if (event.type === 'connection-opened') return destinationOfConnection(event.connection);
  if (event.type === 'connection-attempt') return destination(event.attempt.toolId, event.attempt.remote);
  return null;
}

/** `known` with `seen` added (a new map; `known` is left as it was). */
export function learnDestinations(known: KnownDestinations, seen: Iterable<Destination>): KnownDestinations {
  const next = new Map<string, { countries: Set<string>; orgs: Set<string> }>();
  for (const [toolId, d] of known) next.set(toolId, { countries: new Set(d.countries), orgs: new Set(d.orgs) });
  for (const { toolId, country, org } of seen) {
    let entry = next.get(toolId);
    if (!entry) next.set(toolId, (entry = { countries: new Set(), orgs: new Set() }));
    if (country !== null) entry.countries.add(country);
    if (org !== null) entry.orgs.add(org);
  }
  return next;
}

/** What the history store saw tools contact (records without a tool are not a tool's). */
export function destinationsOfEndpoints(records: readonly EndpointRecord[]): Destination[] {
  return records.flatMap((r) => destination(r.toolId, { country: r.country, org: r.org, asn: null, host: r.host }) ?? []);
}

function countryText(code: string): string {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
}

/** "A", "A and B", "A, B and C", "A, B and 2 more tools". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length > 3) return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more tools`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What an inference lets a tool know, as the end of "… can now infer …". */
export function inferencePhrase(inference: Pick<Inference, 'id' | 'value'>): string {
  const v = String(inference.value);
  switch (inference.id) {
    case 'location.country':
      return `you are in ${v}`;
    case 'network.proxy':
      return 'you send HTTPS through a proxy';
    case 'network.proxy-country':
      return `your proxy is in ${v}`;
    case 'affiliation.organization':
      return `you work at or for ${v}`;
    case 'affiliation.ai-lab':
      return `you work at or with ${v}`;
  }
}

const rank = (level: ExposureLevel | null): number => (level === null ? 0 : EXPOSURE_LEVELS.indexOf(level));

/** The tools (unmuted) that newly can make `after`: all it is visible to when the value is new, else the added ones. */
function newlyInferring(before: Inference | null, after: Inference): string[] {
  if (before === null || before.value !== after.value) return after.visibleTo;
  return after.visibleTo.filter((id) => !before.visibleTo.includes(id));
}

export function evaluateRules(input: RuleInput): RuleOutput {
  const { notifications: settings, toolName } = input;
  const candidates: Candidate[] = [];
  const seen: Destination[] = [];
  // Destinations seen earlier in this same batch are not new a second time (kept apart from
  // `known`, which is not copied: a burst of attempts must cost linear time).
  const batch = new Map<string, Set<string>>();
  const isNew = (toolId: string, kind: 'countries' | 'orgs', value: string | null): boolean => {
    if (value === null || input.known.get(toolId)?.[kind].has(value)) return false;
    const key = JSON.stringify([toolId, kind]);
    const seenInBatch = batch.get(key) ?? new Set<string>();
    batch.set(key, seenInBatch);
    if (seenInBatch.has(value)) return false;
    seenInBatch.add(value);
    return true;
  };
  const add = (candidate: Candidate): void => {
    if (!isMuted(candidate.rule, candidate.toolId, settings)) candidates.push(candidate);
  };

  const inferenceGained = (at: string, before: Inference | null, after: Inference): void => {
    const tools = newlyInferring(before, after).filter((id) => !isMuted('inference-gained', id, settings));
    if (tools.length === 0) return;
    add({
      rule: 'inference-gained',
      toolId: tools.length === 1 ? (tools[0] ?? null) : null,
      title: `${listNames(tools.map(toolName))} can now infer ${inferencePhrase(after)}`,
      body: after.statement,
      at,
    });
  };

  for (const event of input.events) {
    switch (event.type) {
      case 'exposure-changed':
        if (rank(event.after) > rank(event.before)) {
          add({
            rule: 'exposure-rose',
            toolId: null,
            title: `Exposure rose from ${event.before ?? 'none'} to ${event.after}`,
            body: input.exposureSummary ?? `${exposureLabel(event.after, 'en')}: tools here can learn more about you than before.`,
            at: event.at,
          });
        }
        break;
      case 'tool-started':
        add({
          rule: 'tool-started',
          toolId: event.toolId,
          title: `${event.name} started`,
          body: `Telltale shows what ${event.name} can read about you and where it connects.`,
          at: event.at,
        });
        break;
      case 'inference-gained':
        inferenceGained(event.at, null, event.inference);
        break;
      case 'inference-changed':
        inferenceGained(event.at, event.before, event.after);
        break;
      case 'connection-opened':
      case 'connection-attempt': {
        const found = destinationOf(event);
        if (!found) break;
        seen.push(found);
        const newCountry = isNew(found.toolId, 'countries', found.country);
        const newOrg = isNew(found.toolId, 'orgs', found.org);
        if (!newCountry && !newOrg) break;
        const remote = event.type === 'connection-opened' ? event.connection : event.attempt;
        const where = `${remote.remote?.host ?? remote.remoteAddress}:${remote.remotePort}`;
        const place = [found.country && countryText(found.country), found.org].filter(Boolean).join(', ');
        add({
          rule: 'new-destination',
          toolId: found.toolId,
          title: `${toolName(found.toolId)} contacted ${newCountry ? 'a new country' : 'a new organisation'}: ${newCountry ? countryText(found.country ?? '') : found.org}`,
          body: `${where} (${place}), first seen now.`,
          at: event.at,
        });
        break;
      }
      default:
        break;
    }
  }
  return { candidates, seen };
}
