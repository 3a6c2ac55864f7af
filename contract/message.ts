/**
 * Structured statements: what the core says about a machine as a message id plus typed parameters,
 * so that every language is a rendering of the same message (common/i18n/). The snapshot keeps the
 * English text beside each message for compatibility; that text is the English rendering.
 *
 * Parameters hold facts, never prose: codes (country, confidence), names that stay as they are in
 * every language (an organisation, a tool, a host, an env var), and structured references (a signal
 * by its kind and key). Names of countries, languages and zones are looked up per language.
 */
import { z } from 'zod';
import { SettingNote, TelemetryOptOut, ToolNote } from './catalog-text.js';
import { ReasonCause, ReasonMessage } from './reason.js';
import { SettingsFileFault, SettingsProblem } from './settings.js';
import { RegistryEcosystem, SignalKey } from './signal-key.js';
import { ChangeKind, Confidence, ExposureLevel, ProbeFactorName } from './terms.js';

/** ISO 3166-1 alpha-2, upper case ("CN"); its name is looked up in the chosen language. */
export const CountryCode = z.string().min(1);

/** A signal's kind and key, the key named `subject`: snapshot redaction masks whatever sits under "<name>.key". */
type Subject<K> = K extends { kind: infer Kind; key: infer Key } ? { kind: Kind; subject: Key } : never;
export type SignalSubject = Subject<SignalKey>;

const subjects = SignalKey.options.map((option) => z.object({ kind: option.shape.kind, subject: option.shape.key }));
// The options mapped one to one from SignalKey's, so the union's type is SignalKey's with the key renamed.
const SignalSubject = z.discriminatedUnion('kind', subjects as [(typeof subjects)[number], ...typeof subjects]) as unknown as z.ZodType<SignalSubject>;

/**
 * A signal as a sentence names it: its kind and key (what it is), and the value shown (the one host
 * of a DNS search list, the domain of a git email, a list joined with ", ").
 */
export const SignalRef = z
  .intersection(
    SignalSubject,
    z.object({
      value: z.string(),
      /** The tool's display name, for a setting in a tool's config (kind tool-setting). */
      toolName: z.string().optional(),
    }),
  )
  .meta({ id: 'SignalRef' });
export type SignalRef = SignalSubject & { value: string; toolName?: string };

/** An organisation, and a related but separate company it is named beside ("Ant Group, an affiliate of Alibaba"). */
export const OrgRef = z.object({
  name: z.string(),
  relatedTo: z.object({ name: z.string(), relation: z.enum(['affiliate']) }).optional(),
}).meta({ id: 'OrgRef' });
export type OrgRef = z.infer<typeof OrgRef>;

// --- inference headlines (Inference.message) -----------------------------------------------------

export const InferenceMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('inference.location.country'), country: CountryCode, confidence: Confidence }),
  z.object({ id: z.literal('inference.network.proxy'), confidence: Confidence }),
  z.object({ id: z.literal('inference.network.proxy-country'), country: CountryCode, confidence: Confidence }),
  /** org: an organisation's name, or the registrable domain of a work email. */
  z.object({ id: z.literal('inference.affiliation.organization'), org: z.string(), confidence: Confidence }),
  /** relation user: only that you use the lab's API; member: that you work at or with it. */
  z.object({
    id: z.literal('inference.affiliation.ai-lab'),
    lab: z.string(),
    confidence: Confidence,
    relation: z.enum(['member', 'user']),
  }),
]);
export type InferenceMessage = z.infer<typeof InferenceMessage>;

// --- evidence phrases (Inference.evidenceMessages) -----------------------------------------------

const withSignal = { signal: SignalRef };
/** The lab or model family beside the organisation ("Qwen / DashScope"), when it has one. */
const lab = z.string().optional();

export const EvidenceMessage = z.discriminatedUnion('id', [
  /** The signal alone: "HTTPS_PROXY=http://proxy:8080". */
  z.object({ id: z.literal('evidence.signal'), ...withSignal }),
  /** A time zone or locale of a country: "time zone Asia/Shanghai (China)". */
  z.object({ id: z.literal('evidence.country-of'), ...withSignal, country: CountryCode }),
  z.object({ id: z.literal('evidence.ip-located'), ...withSignal, country: CountryCode }),
  /** A host under a country's top-level domain. */
  z.object({ id: z.literal('evidence.domain-in'), ...withSignal, country: CountryCode }),
  /** Where the proxy is, which tools often take for where you are. */
  z.object({ id: z.literal('evidence.proxy-located'), ...withSignal, country: CountryCode, by: z.enum(['ip', 'domain']) }),
  z.object({ id: z.literal('evidence.mirror-national'), ...withSignal, operator: z.string(), country: CountryCode }),
  z.object({ id: z.literal('evidence.mirror-worldwide'), ...withSignal, operator: z.string(), country: CountryCode }),
  z.object({ id: z.literal('evidence.endpoint-for-accounts'), ...withSignal, country: CountryCode }),
  z.object({ id: z.literal('evidence.used-mostly-in'), ...withSignal, country: CountryCode }),
  z.object({ id: z.literal('evidence.proxy-http-only'), ...withSignal }),
  z.object({ id: z.literal('evidence.pac-may-proxy'), ...withSignal }),
  z.object({ id: z.literal('evidence.org-network'), ...withSignal, org: z.string(), country: CountryCode }),
  z.object({ id: z.literal('evidence.org'), ...withSignal, org: OrgRef }),
  z.object({ id: z.literal('evidence.not-public-email'), ...withSignal }),
  z.object({ id: z.literal('evidence.lab'), ...withSignal, org: OrgRef, lab }),
  z.object({ id: z.literal('evidence.lab-internal-host'), ...withSignal, org: OrgRef, lab, host: z.string() }),
  z.object({ id: z.literal('evidence.lab-api'), ...withSignal, org: OrgRef, lab }),
  /** A one-valued fact (a country) that more independent evidence puts elsewhere. */
  z.object({ id: z.literal('evidence.contradiction'), country: CountryCode }),
]);
export type EvidenceMessage = z.infer<typeof EvidenceMessage>;

// --- advice (Advice.message) ---------------------------------------------------------------------

/** A tool started by a wrapper; `launchPrefix` when no command to alias is known (set it in its launch environment). */
const wrapper = { tool: z.string(), launchPrefix: z.string().optional() };
/** A config file, home-relative with "~/" where it is under HOME. */
const file = z.string();

export const AdviceMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('advice.neutral-environment'), ...wrapper, neutral: z.enum(['timezone', 'locale', 'timezone-and-locale']) }),
  z.object({ id: z.literal('advice.unset-proxy-variables'), ...wrapper }),
  z.object({ id: z.literal('advice.unset-mirror-variable'), ...wrapper, variable: z.string(), ecosystem: RegistryEcosystem }),
  z.object({ id: z.literal('advice.unset-endpoint-variable'), ...wrapper, variable: z.string() }),
  z.object({ id: z.literal('advice.bypass-proxy'), tool: z.string() }),
  z.object({ id: z.literal('advice.remove-tool-proxy'), signal: SignalRef, file }),
  z.object({ id: z.literal('advice.npmrc-proxy') }),
  z.object({ id: z.literal('advice.gnome-system-proxy') }),
  z.object({ id: z.literal('advice.system-proxy'), signal: SignalRef }),
  z.object({ id: z.literal('advice.move-mirror'), ecosystem: RegistryEcosystem, url: z.string(), file }),
  /** domain: of the current global git email, when known. */
  z.object({ id: z.literal('advice.neutral-git-email'), domain: z.string().optional() }),
  z.object({ id: z.literal('advice.work-email-per-repo') }),
  z.object({ id: z.literal('advice.dns-search'), signal: SignalRef }),
  z.object({ id: z.literal('advice.neutral-hostname') }),
  z.object({ id: z.literal('advice.move-base-url'), signal: SignalRef, file, tool: z.string() }),
  /**
   * steps: the tool's own opt-outs other than env vars (settings, UI switches); a string is the catalog's
   * English text, in snapshots written before opt-outs had messages.
   */
  z.object({ id: z.literal('advice.telemetry-off'), tool: z.string(), steps: z.array(z.union([TelemetryOptOut, z.string()])) }),
]);
export type AdviceMessage = z.infer<typeof AdviceMessage>;

// --- the 2026 check (CheckResult.message) --------------------------------------------------------

/** One tripped condition of the 2026 check. */
export const Check2026Reason = z.discriminatedUnion('id', [
  z.object({ id: z.literal('check-2026.reason.proxy-and-zone'), proxy: SignalRef, zone: z.string() }),
  z.object({ id: z.literal('check-2026.reason.lab-host'), signal: SignalRef, host: z.string(), org: z.string() }),
  z.object({ id: z.literal('check-2026.reason.chinese-company-host'), signal: SignalRef, host: z.string(), org: z.string() }),
  z.object({ id: z.literal('check-2026.reason.cn-domain-host'), signal: SignalRef, host: z.string() }),
]);
export type Check2026Reason = z.infer<typeof Check2026Reason>;

/** zone: the time zone a tool would resolve, absent when none was read. */
const zone = z.string().optional();

export const CheckMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('check-2026.flagged'), reasons: z.array(Check2026Reason).min(1) }),
  /** A proxy applies to HTTPS, the zone is another one. */
  z.object({ id: z.literal('check-2026.clear.proxy-only'), zone }),
  /** The zone is a checked one, no proxy applies to HTTPS. */
  z.object({ id: z.literal('check-2026.clear.zone-only'), zone: z.string() }),
  z.object({ id: z.literal('check-2026.clear.neither'), zone }),
]);
export type CheckMessage = z.infer<typeof CheckMessage>;

// --- probe disclosures (ProbeVariantResult.message) ----------------------------------------------

/** What a variant's requests could tell the vendor. */
export const DisclosureFact = z.discriminatedUnion('id', [
  /** country: the zone's, when it has one (not UTC or Etc/*). */
  z.object({ id: z.literal('fact.zone'), factor: z.enum(['timezone', 'system-timezone']), zone: z.string(), country: CountryCode.optional() }),
  z.object({ id: z.literal('fact.locale'), locale: z.string() }),
  z.object({ id: z.literal('fact.proxy') }),
  z.object({ id: z.literal('fact.custom-host'), host: z.string() }),
  z.object({
    id: z.literal('fact.org-host'),
    host: z.string(),
    org: z.string(),
    orgKind: z.enum(['ai-lab', 'company']),
    /** The organisation is Chinese (headquartered in CN). */
    chinese: z.boolean(),
  }),
]);
export type DisclosureFact = z.infer<typeof DisclosureFact>;

export const DisclosureMessage = z.discriminatedUnion('id', [
  /** The variant's requests equal those of the neutral variant it was compared with. */
  z.object({ id: z.literal('disclosure.same-as-neutral'), factor: ProbeFactorName, value: z.string(), neutral: z.string() }),
  /** Only local dates or times changed: the UTC offset of the zone, openly. */
  z.object({ id: z.literal('disclosure.utc-offset'), zone: z.string() }),
  /** covert: the covert kinds of change that carry it; empty when it is told openly. */
  z.object({ id: z.literal('disclosure.could-tell'), fact: DisclosureFact, covert: z.array(ChangeKind) }),
]);
export type DisclosureMessage = z.infer<typeof DisclosureMessage>;

// --- a check's name (CheckResult.nameMessage) ---------------------------------------------------

export const CheckNameMessage = z.discriminatedUnion('id', [z.object({ id: z.literal('check-2026.name') })]);
export type CheckNameMessage = z.infer<typeof CheckNameMessage>;

// --- the exposure verdict's sentence (Snapshot.exposure.message) -----------------------------------

/** An inference's headline, or (a snapshot written before headlines had messages) its English text. */
const Headline = z.union([InferenceMessage, z.object({ id: z.literal('headline.text'), text: z.string() })]);

export const ExposureMessage = z.discriminatedUnion('id', [
  /** No inference, no flagged check, no probe finding. */
  z.object({ id: z.literal('exposure.nothing'), level: ExposureLevel }),
  z.object({
    id: z.literal('exposure.summary'),
    level: ExposureLevel,
    /** The flagged check's name (its English name for a check without a message). */
    flagged: z.union([CheckNameMessage, z.object({ id: z.literal('check.name'), name: z.string() })]).optional(),
    /** Names of the tools whose latest probe found a covert channel, or an overt change. */
    covert: z.array(z.string()),
    overt: z.array(z.string()),
    /** The most telling inference's headline. */
    top: Headline.optional(),
  }),
]);
export type ExposureMessage = z.infer<typeof ExposureMessage>;

// --- probe summaries (ProbeReport.summaryMessage, ProbeReachFinding.message) -----------------------

/** A factor and the kinds of change that singled its variants out. */
const FactorKinds = z.object({ factor: ProbeFactorName, kinds: z.array(ChangeKind) });

export const ProbeSummaryMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('probe-summary.failed') }),
  z.object({ id: z.literal('probe-summary.nothing-compared') }),
  z.object({
    id: z.literal('probe-summary'),
    /** Requests captured, for the sentence that nothing depended on the factors. */
    requests: z.number().int(),
    covert: z.array(FactorKinds),
    overt: z.array(FactorKinds),
    unchanged: z.array(ProbeFactorName),
    reach: z.array(z.object({ host: z.string(), factor: ProbeFactorName })),
  }),
]);
export type ProbeSummaryMessage = z.infer<typeof ProbeSummaryMessage>;

/** with/without: factor values (the baseline's label for the baseline) under which every run tried the host, or none did. */
export const ReachMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('reach.tried-only-with'), host: z.string(), factor: ProbeFactorName, with: z.array(z.string()) }),
  z.object({ id: z.literal('reach.not-tried-with'), host: z.string(), factor: ProbeFactorName, with: z.array(z.string()), without: z.array(z.string()) }),
]);
export type ReachMessage = z.infer<typeof ReachMessage>;

// --- notifications (AppNotification.message) -----------------------------------------------------

/** Where a tool connected: the host (or address when no host is known) and port, as sampled. */
const Remote = { host: z.string(), port: z.number().int().nullable() };

/**
 * What a notification says (its title and body). tool(s): display names; country: a code; org: a
 * network's organisation as sampled. A rule that sees no message in its input (an inference from a
 * snapshot written before headlines had messages) carries that input's English text instead.
 */
export const NotificationMessage = z.discriminatedUnion('id', [
  /** summary: the verdict after the rise, when the sample carried one. */
  z.object({ id: z.literal('notification.exposure-rose'), before: ExposureLevel.nullable(), after: ExposureLevel, summary: ExposureMessage.optional() }),
  z.object({ id: z.literal('notification.tool-started'), tool: z.string() }),
  /** tools: the tools that newly can make it, in order; the inference's headline and evidence say what. */
  z.object({
    id: z.literal('notification.inference-gained'),
    tools: z.array(z.string()).min(1),
    inference: InferenceMessage,
    evidence: z.array(EvidenceMessage),
  }),
  z.object({ id: z.literal('notification.inference-gained.text'), tools: z.array(z.string()).min(1), statement: z.string() }),
  /** A country the tool had not contacted before; org: the network's, when known. */
  z.object({ id: z.literal('notification.new-country'), tool: z.string(), country: CountryCode, org: z.string().optional(), ...Remote }),
  /** An organisation the tool had not contacted before, in a known country (or none known). */
  z.object({ id: z.literal('notification.new-org'), tool: z.string(), org: z.string(), country: CountryCode.optional(), ...Remote }),
]);
export type NotificationMessage = z.infer<typeof NotificationMessage>;

// --- why precise capture is off (CaptureStatus.reasonMessage) ---------------------------------------

/** Why the precise capture cannot run here (paths, error codes and a command's own error are data). */
export const CaptureUnavailableMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('capture-why.off') }),
  /** It ran, then the kernel's trace failed. */
  z.object({ id: z.literal('capture-why.stopped'), error: z.string() }),
  z.object({ id: z.literal('capture-why.not-linux'), platform: z.string() }),
  /** root: where tracefs should be. */
  z.object({ id: z.literal('capture-why.no-tracefs'), root: z.string() }),
  /** code: the OS error code (EACCES). */
  z.object({ id: z.literal('capture-why.tracefs-unreadable'), root: z.string(), code: z.string() }),
  z.object({ id: z.literal('capture-why.tracefs-not-mounted'), root: z.string() }),
  z.object({ id: z.literal('capture-why.mount-failed'), root: z.string(), error: z.string() }),
  z.object({ id: z.literal('capture-why.no-instances'), root: z.string() }),
  /** path: the tracepoint's directory. */
  z.object({ id: z.literal('capture-why.no-tracepoint'), path: z.string() }),
  z.object({ id: z.literal('capture-why.instance-denied'), dir: z.string(), code: z.string() }),
  z.object({ id: z.literal('capture-why.instance-failed'), dir: z.string(), error: z.string() }),
  /** A source that said why only in its own words. */
  z.object({ id: z.literal('capture-why.unavailable'), detail: z.string() }),
]);
export type CaptureUnavailableMessage = z.infer<typeof CaptureUnavailableMessage>;

export const CaptureReasonMessage = z.discriminatedUnion('id', [
  z.object({
    id: z.literal('capture-reason.polling'),
    why: CaptureUnavailableMessage,
    /** The capture helper would serve this user: `sudo telltale capture --user UID`, on this socket. */
    helper: z.object({ uid: z.number().int(), socket: z.string() }).optional(),
    /** Connections shorter than this may be missed (ms); null: shorter than the sample interval. */
    missedUnderMs: z.number().nullable(),
  }),
]);
export type CaptureReasonMessage = z.infer<typeof CaptureReasonMessage>;
// --- probe changes (ProbeChange.message) ---------------------------------------------------------

/** A character by its code point and Unicode name ("U+02BC", "MODIFIER LETTER APOSTROPHE"): data in every language. */
const Char = z.object({ codePoint: z.string(), name: z.string() });

/** One side of a look-alike swap: its text, and the characters that are not ASCII letters or digits (named when any). */
const SwapSide = z.object({ text: z.string(), chars: z.array(Char) });

/** What a changed token is. */
export const TokenKind = z.enum(['date', 'time', 'datetime', 'number']);
export type TokenKind = z.infer<typeof TokenKind>;

/** A token's value on each side, and how it was written ("YYYY-MM-DD" and "YYYY/MM/DD", "HH:mm" and "h:mm A"). */
const TokenChange = { what: TokenKind, baseline: z.string(), variant: z.string() };
const FormatChange = { from: z.string(), to: z.string() };

/** One difference in a captured request. Texts are the request's own (an empty one: nothing). */
export const ChangeMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('probe-change.invisible'), action: z.enum(['inserted', 'removed']), chars: z.array(Char) }),
  z.object({ id: z.literal('probe-change.whitespace'), chars: z.array(Char) }),
  z.object({ id: z.literal('probe-change.confusable'), from: SwapSide, to: SwapSide }),
  z.object({ id: z.literal('probe-change.text'), from: z.string(), to: z.string() }),
  /** request: the kind of request ("POST /v1/messages"); how many the baseline and the variant sent. */
  z.object({ id: z.literal('probe-change.requests'), request: z.string(), baseline: z.number().int(), variant: z.number().int() }),
  /** part: where in the request a whole part (a tool definition, a system block) was added or dropped. */
  z.object({ id: z.literal('probe-change.part-added'), part: z.string() }),
  z.object({ id: z.literal('probe-change.part-dropped'), part: z.string() }),
  /** Written another way; sameValue: the value is the same, else the format changed whatever the value. */
  z.object({ id: z.literal('probe-change.format'), ...TokenChange, ...FormatChange, sameValue: z.boolean() }),
  /** Written the way the variant's locale (a BCP 47 tag) writes it: it shows the locale, openly. */
  z.object({ id: z.literal('probe-change.localised'), ...TokenChange, ...FormatChange, locale: z.string() }),
  /** Local time: the offsets of the two zones ("UTC+08:00", "UTC"), which other zones share. */
  z.object({ id: z.literal('probe-change.local-time'), ...TokenChange, baselineOffset: z.string(), variantOffset: z.string() }),
  z.object({ id: z.literal('probe-change.value'), ...TokenChange }),
]);
export type ChangeMessage = z.infer<typeof ChangeMessage>;

// --- what a probe could not do (ProbeReport notes, refusals) ---------------------------------------

/**
 * Why the runs could not be cut off from the network, or could not have their own /etc (system zone,
 * resolver). output: what the failing command printed, as it was.
 */
export const IsolationProblem = z.discriminatedUnion('id', [
  z.object({ id: z.literal('isolation.not-linux'), platform: z.string() }),
  z.object({ id: z.literal('isolation.no-ip-command') }),
  z.object({ id: z.literal('isolation.no-network-namespace'), output: z.string().optional() }),
  z.object({ id: z.literal('isolation.no-mount-command') }),
  z.object({ id: z.literal('isolation.no-overlay'), output: z.string().optional() }),
  /** The probe ran with --no-isolation. */
  z.object({ id: z.literal('isolation.off') }),
]);
export type IsolationProblem = z.infer<typeof IsolationProblem>;

/**
 * Why the probe refuses to run a tool: a URL it would hand the tool could lead past the tap.
 * variable: the env var, as named; environment: the planned environment (EnvGroup id) that sets it.
 */
export const ProbeSafetyProblem = z.discriminatedUnion('id', [
  /** The tool command itself assigns a non-loopback URL (`env HTTPS_PROXY=http://corp:3128 tool`). */
  z.object({ id: z.literal('probe-unsafe.command-sets-url'), variable: z.string() }),
  /** A proxy variable that is not the tap; value: as it was set. */
  z.object({ id: z.literal('probe-unsafe.proxy-elsewhere'), environment: z.string(), variable: z.string(), value: z.string() }),
  z.object({ id: z.literal('probe-unsafe.bad-url'), environment: z.string(), variable: z.string(), cause: ReasonCause }),
  /** A URL that reaches neither the tap nor a proxy that is the tap; url: redacted. */
  z.object({ id: z.literal('probe-unsafe.misses-tap'), environment: z.string(), variable: z.string(), url: z.string() }),
]);
export type ProbeSafetyProblem = z.infer<typeof ProbeSafetyProblem>;

/** What the list of hosts a tool tried cannot include here (ProbeReport.reachGapMessages). */
export const ReachGapMessage = z.discriminatedUnion('id', [
  z.object({ id: z.literal('reach-gap.not-isolated') }),
  z.object({ id: z.literal('reach-gap.no-dns'), why: IsolationProblem }),
  /** Without precise capture only connects to ports 80 and 443 are seen (why: under the attempts). */
  z.object({ id: z.literal('reach-gap.ports-only') }),
]);
export type ReachGapMessage = z.infer<typeof ReachGapMessage>;

/** One run that went wrong (ProbeVariantResult.errorMessages); run: its number, from 1. The tool's own words stay as they were. */
export const RunFailure = z.discriminatedUnion('id', [
  z.object({ id: z.literal('run.command-not-found'), run: z.number().int(), command: z.string() }),
  /** error: the operating system's message. */
  z.object({ id: z.literal('run.not-started'), run: z.number().int(), error: z.string() }),
  z.object({ id: z.literal('run.timed-out'), run: z.number().int(), seconds: z.number() }),
  /** code: absent when a signal ended it; line: the tool's stderr line that says most. */
  z.object({ id: z.literal('run.exited'), run: z.number().int(), code: z.number().int().optional(), line: z.string().optional() }),
]);
export type RunFailure = z.infer<typeof RunFailure>;

/** What the probed tool reads to be pointed at the tap, for a probe that captured no model request. */
export const BaseUrlHint = z.discriminatedUnion('id', [
  z.object({ id: z.literal('hint.tool-variables'), tool: z.string(), variables: z.array(z.string()).min(1) }),
  z.object({ id: z.literal('hint.tool-no-variable'), tool: z.string() }),
  z.object({ id: z.literal('hint.unknown-tool'), variables: z.array(z.string()).min(1) }),
]);
export type BaseUrlHint = z.infer<typeof BaseUrlHint>;

/** Why a probe compared nothing (ProbeReport.errorMessage). */
export const ProbeErrorMessage = z.discriminatedUnion('id', [
  z.object({
    id: z.literal('probe-error.no-model-request'),
    /** Requests captured in the baseline runs, none of them to a model API. */
    otherRequests: z.number().int(),
    failures: z.array(RunFailure),
    /** The last lines the tool printed in its last baseline run, as they were. */
    stdout: z.string().optional(),
    stderr: z.string().optional(),
    hint: BaseUrlHint,
  }),
]);
export type ProbeErrorMessage = z.infer<typeof ProbeErrorMessage>;

/** Every statement the core makes that a view renders on its own. */
export const Message = z.union([
  InferenceMessage,
  EvidenceMessage,
  AdviceMessage,
  CheckMessage,
  DisclosureMessage,
  CheckNameMessage,
  ExposureMessage,
  ProbeSummaryMessage,
  ReachMessage,
  TelemetryOptOut,
  SettingNote,
  ToolNote,
  ChangeMessage,
  IsolationProblem,
  ProbeSafetyProblem,
  ReachGapMessage,
  RunFailure,
  ProbeErrorMessage,
  ReasonMessage,
]);
export type Message = z.infer<typeof Message>;
export type MessageId = Message['id'];

/** The families above with their parts, for a test that every id has a rendering. */
export const MESSAGE_FAMILIES = {
  InferenceMessage,
  EvidenceMessage,
  AdviceMessage,
  Check2026Reason,
  CheckMessage,
  DisclosureFact,
  DisclosureMessage,
  CheckNameMessage,
  ExposureMessage,
  ProbeSummaryMessage,
  ReachMessage,
  TelemetryOptOut,
  SettingNote,
  ToolNote,
  NotificationMessage,
  CaptureUnavailableMessage,
  CaptureReasonMessage,
  ChangeMessage,
  IsolationProblem,
  ProbeSafetyProblem,
  ReachGapMessage,
  RunFailure,
  BaseUrlHint,
  ProbeErrorMessage,
  ReasonMessage,
  SettingsFileFault,
  SettingsProblem,
} as const;
