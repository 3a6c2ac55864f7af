/**
 * The one API between the UI and the main process, the same in both hosts: POST /api/<call> with
 * the request as a JSON body, and the events as Server-Sent Events from GET /api/events, served on
 * app://telltale/ inside Electron and on the loopback browser host (main/service/api-endpoint.ts).
 * Requests are validated with these schemas before anything acts on them.
 */
import { z } from 'zod';
import { LANGUAGES } from '../common/i18n/languages.js';
import { CaptureStatus } from './attempts.js';
import { SnapshotDelta } from './events.js';
import { EndpointRecord, HistoryEventPage, HistoryEventQuery, HistoryPoint, HistoryRange, HistoryStatus, Timeline } from './history.js';
import { AppNotification } from './notification.js';
import { Settings, SettingsPatch, SettingsStatus } from './settings.js';
import { ProbeReport, Snapshot, SnapshotDiff } from './snapshot.js';
import { SelfAudit } from './self-audit.js';
import { WhatIfResult, WhatIfToggle } from './whatif.js';

export const ExportFormat = z.enum(['json', 'md', 'html']);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const RedactionOptions = z.object({
  maskHostname: z.boolean().default(false),
  maskUsername: z.boolean().default(false),
});
export type RedactionOptions = z.infer<typeof RedactionOptions>;

export const SamplerStatus = z.object({
  paused: z.boolean(),
  sampling: z.boolean(),
  lastSampleAt: z.string().nullable(),
  intervalMs: z.number().int(),
  lastError: z.string().nullable(),
  /** How connection attempts between samples are seen: precise (every one) or polling (short ones may be missed). */
  capture: CaptureStatus,
  /** The language in force: --lang, else the language setting, else the system's locale (common/i18n/choose-language.ts). */
  language: z.enum(LANGUAGES),
  /** The language the system's locale gives (what the setting 'system' means here), so a language picker can name it. */
  systemLanguage: z.enum(LANGUAGES).optional(),
  /**
   * The host's clock when this status was sent. Status is re-sent as a heartbeat at least every
   * HEARTBEAT_MS, so a UI that hears nothing for longer knows the host is gone, and one whose
   * lastSampleAt falls far behind `now` while not paused knows sampling has stalled.
   */
  now: z.string(),
});

export const HEARTBEAT_MS = 5000;
export type SamplerStatus = z.infer<typeof SamplerStatus>;

export const ExportResult = z.object({
  filename: z.string(),
  mime: z.string(),
  content: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

const Empty = z.object({}).strict();

/** A snapshot numbered like the deltas: a delta with baseSeq N applies to the snapshot with seq N. */
export const SequencedSnapshot = z.object({ seq: z.number().int().nonnegative(), snapshot: Snapshot.nullable() });
export type SequencedSnapshot = z.infer<typeof SequencedSnapshot>;

/** Every call: name -> request and response schema. */
export const apiCalls = {
  /** The current snapshot and its seq: the base that later deltas apply to. */
  getSnapshot: { request: Empty, response: SequencedSnapshot },
  getStatus: { request: Empty, response: SamplerStatus },
  sampleNow: { request: Empty, response: Snapshot },
  setPaused: { request: z.object({ paused: z.boolean() }).strict(), response: SamplerStatus },
  exportSnapshot: {
    request: z
      .object({
        format: ExportFormat,
        redaction: RedactionOptions,
        /** List sockets on loopback in the Markdown and HTML reports too (`--include-loopback`); JSON holds every socket. */
        includeLoopback: z.boolean().default(false),
      })
      .strict(),
    response: ExportResult,
  },
  /** Compares a previously exported snapshot (JSON text) with the current one. */
  diffWithCurrent: {
    request: z.object({ previous: z.string().max(64 * 1024 * 1024) }).strict(),
    response: SnapshotDiff,
  },
  getProbes: { request: Empty, response: z.array(ProbeReport) },
  getHistoryStatus: { request: Empty, response: HistoryStatus },
  /** Past change events (newest first), filtered. */
  getHistoryEvents: { request: HistoryEventQuery, response: HistoryEventPage },
  /** Exposure and per-tool activity over the last hour, day or week. */
  getTimeline: { request: z.object({ range: HistoryRange }).strict(), response: Timeline },
  /** What each tool was seen talking to (all tools, or one). */
  getEndpoints: { request: z.object({ toolId: z.string().max(200).optional() }).strict(), response: z.array(EndpointRecord) },
  /** The kept snapshots "now" can be compared with, newest first. */
  getHistoryPoints: {
    request: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    response: z.array(HistoryPoint),
  },
  /** Compares a kept snapshot (by HistoryPoint id) with the current one. */
  diffWithHistory: { request: z.object({ id: z.number().int() }).strict(), response: SnapshotDiff },
  getSettings: { request: Empty, response: Settings },
  /** Applies a partial change; returns the settings now in force. */
  updateSettings: { request: SettingsPatch, response: Settings },
  /** Where the settings live and whether the file had a problem (set aside, unwritable). */
  getSettingsStatus: { request: Empty, response: SettingsStatus },
  /** Telltale's own sockets in the last sample, and whether all are loopback. */
  getSelfAudit: { request: Empty, response: SelfAudit },
  /** The current sample's inferences and checks with these changes applied (no toggles: as it is). */
  whatIf: { request: z.object({ toggles: z.array(WhatIfToggle).max(20) }).strict(), response: WhatIfResult },
} as const;

export type ApiCallName = keyof typeof apiCalls;
export type ApiRequest<K extends ApiCallName> = z.input<(typeof apiCalls)[K]['request']>;
export type ApiResponse<K extends ApiCallName> = z.infer<(typeof apiCalls)[K]['response']>;

/** Every event pushed from main to UI: name -> payload schema. */
export const apiEvents = {
  /** Sent once to a new client (and after a reset); deltas follow. */
  snapshot: SequencedSnapshot,
  delta: SnapshotDelta,
  status: SamplerStatus,
  /** A notification rule fired (the browser host shows it as a toast; Electron natively). */
  notification: AppNotification,
  /** The settings changed (from another window, the tray or a file edit), or their file's status did. */
  settings: Settings,
} as const;

export type ApiEventName = keyof typeof apiEvents;
export type ApiEventPayload<K extends ApiEventName> = z.infer<(typeof apiEvents)[K]>;

/** The API object the renderer sees (renderer/src/api/httpApi.ts, validated). */
export type TelltaleApi = {
  [K in ApiCallName]: (request: ApiRequest<K>) => Promise<ApiResponse<K>>;
} & {
  on<K extends ApiEventName>(event: K, listener: (payload: ApiEventPayload<K>) => void): () => void;
};
