/**
 * The snapshot contract (v2), shared by the main process, the CLI, the browser host and the renderer.
 * The zod schemas are the single source of truth: TypeScript types are inferred from them and the
 * shipped JSON Schema (contract/snapshot.schema.json) is generated from them.
 *
 * What a signal is about lives in its `kind` and structured `key` (contract/signal-key.ts); its id is
 * derived from the key. Connections reference their process by `pid`; name, command line and tool
 * are carried once per process in `processes[]`. Version 1 files are still read (contract/snapshot-v1.ts,
 * migrated by main/core/snapshot/migrate.ts). Every URL-valued signal carries meta.host.
 */
import { z } from 'zod';
import { ReasonMessage } from './reason.js';
import {
  AdviceMessage,
  CaptureUnavailableMessage,
  ChangeMessage,
  CheckMessage,
  CheckNameMessage,
  DisclosureMessage,
  EvidenceMessage,
  ExposureMessage,
  InferenceMessage,
  IsolationProblem,
  ProbeErrorMessage,
  ProbeSummaryMessage,
  ReachGapMessage,
  ReachMessage,
  RunFailure,
} from './message.js';
import { SettingNote, TelemetryOptOut, ToolNote } from './catalog-text.js';
import { SignalKey, ToolSettingKind } from './signal-key.js';
import { ChangeKind, Confidence, ExposureLevel, ProbeFactorName } from './terms.js';

export * from './signal-key.js';
export { ChangeKind, Confidence, ExposureLevel, ProbeFactorName };

export const SCHEMA_VERSION = 2 as const;

export const SignalStatus = z.enum(['ok', 'unavailable', 'error']);
export type SignalStatus = z.infer<typeof SignalStatus>;

export const MetaValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const SignalValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type SignalValue = z.infer<typeof SignalValue>;

const SignalFields = z.object({
  /** Unique in a snapshot, stable across samples: signalId(kind, key). */
  id: z.string().min(1),
  value: SignalValue,
  /** Where it was read: "env:TZ", "file:~/.npmrc", "cmd:gsettings get ...", "intl". */
  source: z.string(),
  status: SignalStatus,
  /** Human reason; required when status is not "ok". The English rendering of reasonMessage where there is one. */
  reason: z.string().optional(),
  /** Why, as a message each language renders (contract/reason.ts); absent in snapshots written before it. */
  reasonMessage: ReasonMessage.optional(),
  /** Structured extras, e.g. { host, port, scheme } for URL-valued signals. */
  meta: z.record(z.string(), MetaValue).optional(),
});

export const Signal = z.intersection(SignalFields, SignalKey);
export type Signal = z.infer<typeof Signal>;

export const RemoteInfo = z.object({
  country: z.string().nullable(),
  asn: z.number().int().nullable(),
  org: z.string().nullable(),
  host: z.string().nullable(),
});
export type RemoteInfo = z.infer<typeof RemoteInfo>;

/** Why a socket has no pid. */
export const OwnerUnknown = z.enum([
  /** Held by no process: TIME_WAIT, a closing socket, a kernel socket. */
  'no-process',
  /** Its owner hides its open files from us (another user's process). */
  'permission-denied',
  /** Its owner exited between reading the socket table and looking it up. */
  'exited',
  /** No process we can see holds it. */
  'not-found',
  /** The platform's connection source does not say. */
  'not-reported',
]);
export type OwnerUnknown = z.infer<typeof OwnerUnknown>;

export const Process = z.object({
  pid: z.number().int(),
  ppid: z.number().int().nullable(),
  /** Executable base name, e.g. "node", "claude". */
  name: z.string(),
  /** The command line, secrets redacted; "" when it could not be read. */
  command: z.string(),
  /** The tool it belongs to (itself or through an ancestor), or null. */
  toolId: z.string().nullable(),
  /** When it started (ISO 8601), or null where the platform does not say. */
  startedAt: z.string().nullable(),
});
export type Process = z.infer<typeof Process>;

export const Protocol = z.enum(['tcp', 'tcp6', 'udp', 'udp6']);
export type Protocol = z.infer<typeof Protocol>;

export const Connection = z.object({
  /** The owning process, described once in Snapshot.processes; null with `ownerUnknown` saying why. */
  pid: z.number().int().nullable(),
  ownerUnknown: OwnerUnknown.optional(),
  protocol: Protocol,
  localAddress: z.string(),
  localPort: z.number().int().nullable(),
  remoteAddress: z.string().nullable(),
  remotePort: z.number().int().nullable(),
  state: z.string(),
  remote: RemoteInfo.nullable(),
  toolId: z.string().nullable(),
});
export type Connection = z.infer<typeof Connection>;

/** A connection with its owner's name, for lists that stand alone (diffs, events). */
export const NamedConnection = Connection.extend({ process: z.string().nullable() });
export type NamedConnection = z.infer<typeof NamedConnection>;

export const Capability = z.enum(['env', 'timezone', 'files', 'network']);
export type Capability = z.infer<typeof Capability>;

export const ToolSetting = z.object({
  /** Config file, home-relative with "~/" where it is under HOME. */
  file: z.string(),
  key: z.string(),
  kind: ToolSettingKind,
  value: z.string().nullable(),
  /** One sentence on why this setting matters (the English of noteMessage). */
  note: z.string().optional(),
  noteMessage: SettingNote.optional(),
});
export type ToolSetting = z.infer<typeof ToolSetting>;

export const Tool = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string().optional(),
  running: z.boolean(),
  pids: z.array(z.number().int()),
  installed: z.boolean(),
  /** What showed it is installed: paths, bins on PATH. */
  installEvidence: z.array(z.string()).optional(),
  canRead: z.array(Capability),
  endpoints: z.array(z.string()),
  /** Inference ids this tool can make from what it can read. */
  inferences: z.array(z.string()),
  settings: z.array(ToolSetting).optional(),
  /** How to turn its telemetry off, in English: telemetryOptOutMessages rendered, in their order. */
  telemetryOptOuts: z.array(z.string()).optional(),
  telemetryOptOutMessages: z.array(TelemetryOptOut).optional(),
  /** What to know beside what it reads (that extensions share an editor's access), in English. */
  note: z.string().optional(),
  noteMessage: ToolNote.optional(),
});
export type Tool = z.infer<typeof Tool>;

export const InferenceId = z.enum([
  'location.country',
  'network.proxy',
  'network.proxy-country',
  'affiliation.organization',
  'affiliation.ai-lab',
]);
export type InferenceId = z.infer<typeof InferenceId>;

export const Advice = z.object({
  text: z.string(),
  /** A command or config line the user can apply, when there is one. */
  command: z.string().optional(),
  /** Limits the advice to one tool. */
  toolId: z.string().optional(),
  /** What `text` says, as a message any language renders (contract/message.ts). */
  message: AdviceMessage.optional(),
});
export type Advice = z.infer<typeof Advice>;

export const Inference = z.object({
  id: InferenceId,
  value: z.union([z.string(), z.boolean()]),
  confidence: Confidence,
  statement: z.string(),
  /** Signal ids this rests on. */
  evidence: z.array(z.string()),
  /** Tool ids (installed or running) that can read at least one piece of the evidence. */
  visibleTo: z.array(z.string()),
  /** Rule ids that produced it. */
  rules: z.array(z.string()).optional(),
  advice: z.array(Advice).optional(),
  /** The headline of `statement` as a message (contract/message.ts). */
  message: InferenceMessage.optional(),
  /** The evidence phrases of `statement`, in its order. */
  evidenceMessages: z.array(EvidenceMessage).optional(),
});
export type Inference = z.infer<typeof Inference>;

/** A saved probe that saw a tool signal, covertly, a setting a check looks at: the check is not hypothetical for that tool. */
export const ProbeProof = z.object({
  /** The catalog tool probed, when its command was recognised. */
  toolId: z.string().optional(),
  command: z.array(z.string()),
  /** When that probe started (ISO 8601): it identifies the report. */
  startedAt: z.string(),
  factor: ProbeFactorName,
  /** The factor value under which the tool changed its requests covertly, e.g. "Asia/Shanghai". */
  value: z.string(),
  kinds: z.array(ChangeKind),
  description: z.string(),
  /** What `description` says, as a message (the variant's disclosure). */
  message: DisclosureMessage.optional(),
});
export type ProbeProof = z.infer<typeof ProbeProof>;

/** A named check (e.g. the 2026 one) evaluated against this machine: would it have flagged the user? */
export const CheckResult = z.object({
  id: z.string(),
  name: z.string(),
  /** What `name` says, as a message (contract/message.ts). */
  nameMessage: CheckNameMessage.optional(),
  flagged: z.boolean(),
  statement: z.string(),
  evidence: z.array(z.string()),
  visibleTo: z.array(z.string()),
  /** What `statement` says, as a message (contract/message.ts). */
  message: CheckMessage.optional(),
  /** Probes that saw a tool act on what the check looks at (latest probe of each tool only). */
  probeProof: z.array(ProbeProof).optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Redaction = z.object({
  secrets: z.literal(true),
  hostname: z.boolean(),
  username: z.boolean(),
});
export type Redaction = z.infer<typeof Redaction>;

// Probe results (from `telltale probe`), carried by a snapshot as probes[].

export const CodePointInfo = z.object({
  char: z.string(),
  /** "U+02BC" */
  codePoint: z.string(),
  name: z.string(),
});
export type CodePointInfo = z.infer<typeof CodePointInfo>;

export const ProbeChange = z.object({
  kind: ChangeKind,
  /** Where in the request: "body.system[0].text", "header:user-agent", "url". */
  location: z.string(),
  baseline: z.string(),
  variant: z.string(),
  contextBefore: z.string(),
  contextAfter: z.string(),
  codePoints: z.array(CodePointInfo),
  description: z.string(),
  /** What `description` says, as a message (contract/message.ts); absent in reports saved before. */
  message: ChangeMessage.optional(),
  /**
   * Reports before variants were compared with their neutral variant directly: set when the same
   * change also appeared with this neutral variant, so it did not single this one out.
   */
  sharedWith: z.string().optional(),
});
export type ProbeChange = z.infer<typeof ProbeChange>;

export const ProbeVariantResult = z.object({
  /** Factor value, e.g. "Asia/Shanghai" or "api.moonshot.cn". */
  value: z.string(),
  runs: z.number().int(),
  changed: z.boolean(),
  changes: z.array(ProbeChange),
  /** One sentence: what the tool could tell its vendor. */
  disclosure: z.string().nullable(),
  /** What `disclosure` says, as a message (contract/message.ts); absent when it is null. */
  message: DisclosureMessage.optional(),
  /**
   * The neutral variant this one was compared with (e.g. api.example.com for other custom hosts),
   * so its changes are what single it out; absent when compared with the factor's baseline.
   */
  comparedWith: z.string().optional(),
  /**
   * Set when some of the variant's requests went through the proxy it set and none of the
   * baseline's did: how many (over its runs, CONNECTs aside) of how many. How they travelled, not
   * what they said, so never a change.
   */
  viaProxy: z.object({ requests: z.number().int(), of: z.number().int() }).optional(),
  error: z.string().optional(),
  /** What `error` says, one message per failed run. */
  errorMessages: z.array(RunFailure).optional(),
});
export type ProbeVariantResult = z.infer<typeof ProbeVariantResult>;

export const ProbeFactor = z.object({
  factor: ProbeFactorName,
  baseline: z.string(),
  changed: z.boolean(),
  variants: z.array(ProbeVariantResult),
});
export type ProbeFactor = z.infer<typeof ProbeFactor>;

/** A TCP connection a probe run attempted (precise capture), by the run's own processes. */
export const ProbeAttempt = z.object({
  process: z.string(),
  pid: z.number().int(),
  remoteAddress: z.string(),
  remotePort: z.number().int(),
  /** 'unknown': the answer was not seen in the run's processes (reported from another context). */
  outcome: z.enum(['established', 'failed', 'unknown']),
});
export type ProbeAttempt = z.infer<typeof ProbeAttempt>;

/** The attempts of one run of one environment group (e.g. "baseline", run 2). */
export const ProbeRunAttempts = z.object({
  group: z.string(),
  run: z.number().int(),
  attempts: z.array(ProbeAttempt),
});
export type ProbeRunAttempts = z.infer<typeof ProbeRunAttempts>;

/**
 * Which time zone setting the tool's requests follow: TZ, the system zone (/etc/localtime,
 * /etc/timezone), both or neither; per zone tried, whether each changed the requests.
 */
export const ProbeZoneSource = z.object({
  follows: z.enum(['tz', 'system', 'both', 'neither']),
  zones: z.array(z.object({ zone: z.string(), tz: z.boolean(), system: z.boolean() })),
});
export type ProbeZoneSource = z.infer<typeof ProbeZoneSource>;

/**
 * How the probe saw a tool try to reach a host: a DNS query to the run's resolver, a CONNECT or an
 * absolute-URL request to the tap as its proxy, or a TCP connect straight to an address.
 */
export const ProbeReachSource = z.enum(['dns', 'proxy-connect', 'proxy-request', 'direct-connect']);
export type ProbeReachSource = z.infer<typeof ProbeReachSource>;

/** A host or IP a tool tried to reach besides the base URL it was given (telemetry, updates, HTTPDNS). */
export const ProbeReachedHost = z.object({
  /** A host name (lower case, no trailing dot) or an IP address. */
  host: z.string(),
  isAddress: z.boolean(),
  /** Ports seen (a DNS query has none). */
  ports: z.array(z.number().int()),
  seenBy: z.array(ProbeReachSource),
  /** Attempts over all runs. */
  count: z.number().int(),
  /** The environments whose runs tried it ("baseline", "tz:Asia/Shanghai", ...). */
  environments: z.array(z.string()),
});
export type ProbeReachedHost = z.infer<typeof ProbeReachedHost>;

/** A host every run of some of a factor's environments tried and no run of the others did. */
export const ProbeReachFinding = z.object({
  host: z.string(),
  factor: ProbeFactor.shape.factor,
  /** Factor values (the baseline's label for the baseline) under which every run tried the host. */
  with: z.array(z.string()),
  /** ... and under which no run did. */
  without: z.array(z.string()),
  description: z.string(),
  /** What `description` says, as a message (contract/message.ts). */
  message: ReachMessage.optional(),
});
export type ProbeReachFinding = z.infer<typeof ProbeReachFinding>;

export const ProbeReport = z.object({
  command: z.array(z.string()),
  /** The catalog tool the command belongs to, when recognised (set when a saved report is read). */
  toolId: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  runsPerVariant: z.number().int(),
  requestsCaptured: z.number().int(),
  /** Whether each run had a network of its own with loopback only (false: --no-isolation). */
  isolated: z.boolean().optional(),
  /** Paths or fields that differed between identical runs and were ignored as noise. */
  noise: z.array(z.string()),
  factors: z.array(ProbeFactor),
  summary: z.string(),
  /** What `summary` says, as a message (contract/message.ts). */
  summaryMessage: ProbeSummaryMessage.optional(),
  error: z.string().optional(),
  /** What `error` says, as a message. */
  errorMessage: ProbeErrorMessage.optional(),
  /** The TCP connections each run's processes attempted (precise capture, Linux as root). */
  attempts: z.array(ProbeRunAttempts).optional(),
  /** Why attempts were not recorded (no precise capture here). */
  attemptsUnavailable: z.string().optional(),
  /** What `attemptsUnavailable` says, as a message. */
  attemptsUnavailableMessage: CaptureUnavailableMessage.optional(),
  /** Whether the tool follows TZ or the system zone (when both time zone factors ran). */
  zoneSource: ProbeZoneSource.optional(),
  /** Why the system zone could not be set per run (no mount namespace): only TZ was varied. */
  systemZoneUnavailable: z.string().optional(),
  /** What `systemZoneUnavailable` says, as a message. */
  systemZoneUnavailableMessage: IsolationProblem.optional(),
  /** Hosts and IPs the tool tried to reach besides its base URL. */
  reached: z.array(ProbeReachedHost).optional(),
  /** Hosts tried under some environments of a factor only: the environment changes what the tool contacts. */
  reachFindings: z.array(ProbeReachFinding).optional(),
  /** What the list of reached hosts could not include here, and why (e.g. no DNS or direct connects). */
  reachGaps: z.array(z.string()).optional(),
  /** What `reachGaps` say, one message each, in the same order. */
  reachGapMessages: z.array(ReachGapMessage).optional(),
});
export type ProbeReport = z.infer<typeof ProbeReport>;

export const Snapshot = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  takenAt: z.string(),
  host: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  signals: z.array(Signal),
  /** Processes that own a connection or belong to a tool, each once. */
  processes: z.array(Process),
  connections: z.array(Connection),
  tools: z.array(Tool),
  inferences: z.array(Inference),
  checks: z.array(CheckResult).optional(),
  /** summary: one sentence naming what drives the level; message: the same as a message (contract/message.ts). */
  exposure: z.object({ level: ExposureLevel, summary: z.string(), message: ExposureMessage.optional() }).optional(),
  probes: z.array(ProbeReport).optional(),
  redaction: Redaction.optional(),
  /** How long sampling took, per stage, in ms. */
  timings: z.record(z.string(), z.number()).optional(),
});
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotDiff = z.object({
  from: z.string(),
  to: z.string(),
  toolsAdded: z.array(z.string()),
  toolsRemoved: z.array(z.string()),
  toolsStarted: z.array(z.string()),
  toolsStopped: z.array(z.string()),
  endpointsAdded: z.array(z.object({ toolId: z.string().nullable(), endpoint: z.string() })),
  countriesAdded: z.array(z.string()),
  inferencesAdded: z.array(Inference),
  inferencesRemoved: z.array(Inference),
  /** Same id: the same value with another confidence or evidence, or (one value lost, one gained) another value. */
  inferencesChanged: z.array(z.object({ before: Inference, after: Inference })),
  signalsChanged: z.array(z.object({ id: z.string(), before: SignalValue.nullable(), after: SignalValue.nullable() })),
  connectionsOpened: z.array(NamedConnection),
  connectionsClosed: z.array(NamedConnection),
});
export type SnapshotDiff = z.infer<typeof SnapshotDiff>;
