/**
 * Notification rules over the monitor's events (contract/settings.ts NotificationRule): pure, so
 * each rule is tested on plain data. Events, what is already known and the user's notification
 * settings in; candidate notifications and the destinations seen out. Rate limiting and start-up
 * grace are the notifier's (main/monitor/notifier.ts). Each candidate says what it says as a message
 * (tools by their names, never ids); its title and body are that message in English.
 */
import type { MonitorEvent } from '../../../contract/events.js';
import type { EndpointRecord } from '../../../contract/history.js';
import type { NotificationRule, Settings } from '../../../contract/settings.js';
import type { ExposureMessage, NotificationMessage } from '../../../contract/message.js';
import type { Connection, ExposureLevel, Inference, RemoteInfo } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS } from '../../../common/exposure.js';
import { renderNotification } from '../../../common/i18n/render-notify.js';

export type NotificationSettings = Settings['notifications'];

export interface Candidate {
  rule: NotificationRule;
  /** The one tool it is about, null when about the machine or several tools. */
  toolId: string | null;
  message: NotificationMessage;
  /** The message in English. */
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
  exposure?: ExposureMessage;
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

/** The statement of what the inference lets the tools know: its messages, or its English text for an inference without them. */
function inferenceMessage(tools: string[], inference: Inference): NotificationMessage {
  return inference.message
    ? { id: 'notification.inference-gained', tools, inference: inference.message, evidence: inference.evidenceMessages ?? [] }
    : { id: 'notification.inference-gained.text', tools, statement: inference.statement };
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
  const add = (rule: NotificationRule, toolId: string | null, message: NotificationMessage, at: string): void => {
    if (!isMuted(rule, toolId, settings)) candidates.push({ rule, toolId, message, ...renderNotification(message, 'en'), at });
  };

  const inferenceGained = (at: string, before: Inference | null, after: Inference): void => {
    const tools = newlyInferring(before, after).filter((id) => !isMuted('inference-gained', id, settings));
    if (tools.length === 0) return;
    add('inference-gained', tools.length === 1 ? (tools[0] ?? null) : null, inferenceMessage(tools.map(toolName), after), at);
  };

  for (const event of input.events) {
    switch (event.type) {
      case 'exposure-changed':
        if (rank(event.after) > rank(event.before)) {
          const summary = input.exposure && { summary: input.exposure };
          add('exposure-rose', null, { id: 'notification.exposure-rose', before: event.before, after: event.after, ...summary }, event.at);
        }
        break;
      case 'tool-started':
        add('tool-started', event.toolId, { id: 'notification.tool-started', tool: event.name }, event.at);
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
        const tool = toolName(found.toolId);
        const where = { host: remote.remote?.host ?? remote.remoteAddress ?? '', port: remote.remotePort };
        const org = found.org === null ? {} : { org: found.org };
        const country = found.country === null ? {} : { country: found.country };
        const message: NotificationMessage =
          newCountry && found.country !== null
            ? { id: 'notification.new-country', tool, country: found.country, ...org, ...where }
            : { id: 'notification.new-org', tool, org: found.org ?? '', ...country, ...where };
        add('new-destination', found.toolId, message, event.at);
        break;
      }
      default:
        break;
    }
  }
  return { candidates, seen };
}
