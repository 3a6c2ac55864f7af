/**
 * The implementation of every call in contract/api.ts, shared by both hosts through
 * api-endpoint.ts. Transport code calls `dispatchCall`, which is the one place a request from the UI
 * is checked against the contract before anything acts on it.
 */
import { z } from 'zod';
import { apiCalls, type ApiCallName, type ApiResponse, type ExportFormat, type ExportResult, type RedactionOptions } from '../../contract/api.js';
import type { ProbeReport, Snapshot, SnapshotDiff } from '../../contract/snapshot.js';
import type { EndpointRecord, HistoryEventPage, HistoryPoint, HistoryRange, HistoryStatus, Timeline } from '../../contract/history.js';
import type { Settings, SettingsPatch, SettingsStatus } from '../../contract/settings.js';
import type { WhatIfResult, WhatIfToggle } from '../../contract/whatif.js';
import type { Monitor } from '../monitor/monitor.js';
import { diffSnapshots } from '../core/snapshot/diff.js';
import { auditOwnSockets } from '../core/self-audit.js';

/** An error the UI caused or should be told about; `status` follows HTTP so the server can pass it on. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415 | 500 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A handler gets the request as the schema parsed it (defaults filled in, unknown keys refused). */
type ParsedRequest<K extends ApiCallName> = z.output<(typeof apiCalls)[K]['request']>;

export type ApiHandlers = {
  [K in ApiCallName]: (request: ParsedRequest<K>) => Promise<ApiResponse<K>>;
};

export interface ApiHandlerDeps {
  monitor: Pick<Monitor, 'current' | 'snapshot' | 'status' | 'sampleNow' | 'setPaused'>;
  exportSnapshot: (
    snapshot: Snapshot,
    format: ExportFormat,
    redaction: RedactionOptions,
    includeLoopback: boolean,
  ) => ExportResult | Promise<ExportResult>;
  /**
   * Compares a previously exported snapshot (JSON text as the user gave it) with `current`.
   * Throw an ApiError(400) for text that is not a snapshot, so the UI can say so.
   */
  diffWithCurrent: (previousJson: string, current: Snapshot) => SnapshotDiff | Promise<SnapshotDiff>;
  getProbes: () => ProbeReport[] | Promise<ProbeReport[]>;
  /** `current` re-inferred with the toggles applied (the sampler's what-if); absent: the host cannot (a 503). */
  whatIf?: (current: Snapshot, toggles: readonly WhatIfToggle[]) => WhatIfResult | Promise<WhatIfResult>;
  history: HistoryQueries;
  settings: SettingsAccess;
  /** The process whose sockets (with its children's) the self-audit checks; default: this one. */
  ownPid?: number;
}

/** What the UI may ask of the history store (request already validated). */
export interface HistoryQueries {
  status(): HistoryStatus;
  events(query: ParsedRequest<'getHistoryEvents'>): HistoryEventPage;
  timeline(range: HistoryRange): Timeline;
  endpoints(toolId: string | undefined): EndpointRecord[];
  points(limit: number): HistoryPoint[];
  /** The kept snapshot with this id, or null when there is none (any longer). */
  snapshot(id: number): Snapshot | null;
}

/** The settings store as the API uses it (main/settings/settings-store.ts). */
export interface SettingsAccess {
  get(): Settings;
  update(patch: SettingsPatch): Settings | Promise<Settings>;
  status(): SettingsStatus;
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const { monitor } = deps;
  // Export and diff need a snapshot; before the first sample finished they wait for one.
  const current = async (): Promise<Snapshot> => monitor.snapshot ?? (await monitor.sampleNow());

  return {
    getSnapshot: async () => monitor.current,
    getStatus: async () => monitor.status,
    sampleNow: () => monitor.sampleNow(),
    // Saved too, so a pause survives a restart. When saving fails the pause still holds for this
    // run, and the caller hears why it was not saved.
    setPaused: async ({ paused }) => {
      monitor.setPaused(paused);
      await deps.settings.update({ paused });
      return monitor.status;
    },
    exportSnapshot: async ({ format, redaction, includeLoopback }) => deps.exportSnapshot(await current(), format, redaction, includeLoopback),
    diffWithCurrent: async ({ previous }) => deps.diffWithCurrent(previous, await current()),
    getProbes: async () => deps.getProbes(),
    getHistoryStatus: async () => deps.history.status(),
    getHistoryEvents: async (query) => deps.history.events(query),
    getTimeline: async ({ range }) => deps.history.timeline(range),
    getEndpoints: async ({ toolId }) => deps.history.endpoints(toolId),
    getHistoryPoints: async ({ limit }) => deps.history.points(limit),
    diffWithHistory: async ({ id }) => {
      const kept = deps.history.snapshot(id);
      if (!kept) throw new ApiError(404, `No kept snapshot ${id} in the history (it may have expired).`);
      return diffSnapshots(kept, await current());
    },
    getSettings: async () => deps.settings.get(),
    updateSettings: async (patch) => deps.settings.update(patch),
    getSettingsStatus: async () => deps.settings.status(),
    getSelfAudit: async () => auditOwnSockets(monitor.snapshot, deps.ownPid ?? process.pid),
    whatIf: async ({ toggles }) => {
      if (!deps.whatIf) throw new ApiError(503, 'What-if is not available on this host.');
      return deps.whatIf(await current(), toggles);
    },
  };
}

export function isApiCallName(name: string): name is ApiCallName {
  return Object.hasOwn(apiCalls, name);
}

/**
 * Runs call `name` with a request from outside (an API request's JSON body). Unknown names are a 404 and a request
 * that does not match the call's schema a 400, both with a message that says what was wrong.
 * A missing request counts as `{}` so argument-less calls may omit it.
 */
export async function dispatchCall(handlers: ApiHandlers, name: string, rawRequest: unknown): Promise<unknown> {
  if (!isApiCallName(name)) throw new ApiError(404, `Unknown API call "${name}".`);
  const parsed = apiCalls[name].request.safeParse(rawRequest === undefined ? {} : rawRequest);
  if (!parsed.success) {
    throw new ApiError(400, `Invalid request for ${name}: ${z.prettifyError(parsed.error)}`);
  }
  // The schema and the handler are looked up by the same name, so the parsed data fits the handler.
  const handler = handlers[name] as (request: unknown) => Promise<unknown>;
  return handler(parsed.data);
}
