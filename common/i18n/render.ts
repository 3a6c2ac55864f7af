/**
 * Messages (contract/message.ts) to sentences in a language. The core renders its English text
 * fields with these same functions, so a message and its English text cannot disagree.
 */
import { SettingNote, TelemetryOptOut, ToolNote } from '../../contract/catalog-text.js';
import {
  AdviceMessage,
  ChangeMessage,
  CheckMessage,
  CheckNameMessage,
  DisclosureMessage,
  EvidenceMessage,
  ExposureMessage,
  InferenceMessage,
  IsolationProblem,
  ProbeSafetyProblem,
  ProbeErrorMessage,
  ProbeSummaryMessage,
  ReachGapMessage,
  RunFailure,
  type Check2026Reason,
  type DisclosureFact,
  type Message,
  type OrgRef,
  type ReachMessage,
  type SignalRef,
} from '../../contract/message.js';
import { ReasonMessage } from '../../contract/reason.js';
import type { ChangeKind, Confidence, ExposureLevel, ProbeFactorName } from '../../contract/terms.js';
import { CHECK_2026_SIGNALLING, CHECK_2026_ZONES } from '../check-2026.js';
import type { Language } from './languages.js';
import { countryName, languageName, orList, zoneName } from './names.js';
import { renderOptOut, renderOptOutSteps, renderSettingNote, renderToolNote } from './render-catalog.js';
import { renderChange, renderIsolationProblem, renderProbeError, renderReachGap, renderRunFailure, renderSafetyProblem } from './render-probe.js';
import { renderReason } from './render-reason.js';
import { describeSignalRef } from './render-signal.js';
import { translator, type MessageKey, type PlainKey, type Translate } from './translate.js';

type ByConfidence = Readonly<Record<Confidence, MessageKey>>;

const HEADLINES = {
  'inference.location.country': {
    low: 'inference.location.country.low',
    medium: 'inference.location.country.medium',
    high: 'inference.location.country.high',
  },
  'inference.network.proxy': { low: 'inference.network.proxy.low', medium: 'inference.network.proxy.sure', high: 'inference.network.proxy.sure' },
  'inference.network.proxy-country': {
    low: 'inference.network.proxy-country.low',
    medium: 'inference.network.proxy-country.medium',
    high: 'inference.network.proxy-country.high',
  },
  'inference.affiliation.organization': {
    low: 'inference.affiliation.organization.low',
    medium: 'inference.affiliation.organization.medium',
    high: 'inference.affiliation.organization.high',
  },
  'inference.affiliation.ai-lab': {
    low: 'inference.affiliation.ai-lab.low',
    medium: 'inference.affiliation.ai-lab.medium',
    high: 'inference.affiliation.ai-lab.high',
  },
} as const satisfies Record<InferenceMessage['id'], ByConfidence>;

const ANY_VALUE: Readonly<Record<ProbeFactorName, PlainKey>> = {
  timezone: 'probe.any.timezone',
  'system-timezone': 'probe.any.system-timezone',
  locale: 'probe.any.locale',
  proxy: 'probe.any.proxy',
  'base-url': 'probe.any.base-url',
};

/** A kind of change in a request as a word (also the Probe view's badges). */
export const CHANGE_KINDS: Readonly<Record<ChangeKind, PlainKey>> = {
  confusable: 'change-kind.confusable',
  invisible: 'change-kind.invisible',
  format: 'change-kind.format',
  whitespace: 'change-kind.whitespace',
  offset: 'change-kind.offset',
  localised: 'change-kind.localised',
  text: 'change-kind.text',
};

const FACTORS: Readonly<Record<ProbeFactorName, PlainKey>> = {
  timezone: 'probe.factor.timezone',
  'system-timezone': 'probe.factor.system-timezone',
  locale: 'probe.factor.locale',
  proxy: 'probe.factor.proxy',
  'base-url': 'probe.factor.base-url',
};

const EXPOSURE_LABELS: Readonly<Record<ExposureLevel, PlainKey>> = {
  none: 'exposure.level.none',
  low: 'exposure.level.low',
  elevated: 'exposure.level.elevated',
  high: 'exposure.level.high',
};

/** A level as a word ("high" / "高"), where the sentence says "exposure" itself. */
export const EXPOSURE_WORDS: Readonly<Record<ExposureLevel, PlainKey>> = {
  none: 'exposure.word.none',
  low: 'exposure.word.low',
  elevated: 'exposure.word.elevated',
  high: 'exposure.word.high',
};

export const CONFIDENCE_WORDS: Readonly<Record<Confidence, PlainKey>> = { low: 'confidence.low', medium: 'confidence.medium', high: 'confidence.high' };

const WRAPPER_REASONS = {
  timezone: 'advice.reason.neutral-timezone',
  locale: 'advice.reason.neutral-locale',
  'timezone-and-locale': 'advice.reason.neutral-timezone-and-locale',
} as const satisfies Record<Extract<AdviceMessage, { id: 'advice.neutral-environment' }>['neutral'], PlainKey>;

/** Renders in one language: the translator plus the names ICU gives in that language. */
class Renderer {
  readonly t: Translate;

  constructor(readonly language: Language) {
    this.t = translator(language);
  }

  /** "China" / "中国"; the code itself when ICU has no name. */
  countryName(code: string): string {
    return countryName(code, this.language) ?? code;
  }

  /** "China (CN)" / "中国（CN）". */
  country(code: string): string {
    const name = countryName(code, this.language);
    return name && name !== code ? this.t('country.label', { name, code }) : code;
  }

  org(org: OrgRef): string {
    return org.relatedTo ? this.t('org.affiliate-of', { name: org.name, related: org.relatedTo.name }) : org.name;
  }

  lab(org: OrgRef, lab: string | undefined): string {
    return lab ? this.t('org.with-lab', { org: this.org(org), lab }) : this.org(org);
  }

  headline(m: InferenceMessage): string {
    const { t } = this;
    switch (m.id) {
      case 'inference.location.country':
      case 'inference.network.proxy-country':
        return t(HEADLINES[m.id][m.confidence], { country: this.country(m.country) });
      case 'inference.network.proxy':
        return t(HEADLINES[m.id][m.confidence]);
      case 'inference.affiliation.organization':
        return t(HEADLINES[m.id][m.confidence], { org: m.org });
      case 'inference.affiliation.ai-lab':
        return m.relation === 'user' ? t('inference.affiliation.ai-lab.user', { lab: m.lab }) : t(HEADLINES[m.id][m.confidence], { lab: m.lab });
    }
  }

  evidence(m: EvidenceMessage): string {
    const { t } = this;
    if (m.id === 'evidence.contradiction') return t('evidence.contradiction', { code: m.country, country: this.country(m.country) });
    const signal = describeSignalRef(m.signal, t);
    switch (m.id) {
      case 'evidence.signal':
        return t('evidence.signal', { signal });
      case 'evidence.country-of':
      case 'evidence.ip-located':
      case 'evidence.domain-in':
      case 'evidence.endpoint-for-accounts':
      case 'evidence.used-mostly-in':
        return t(m.id, { signal, country: this.countryName(m.country) });
      case 'evidence.proxy-located':
        return t(m.by === 'ip' ? 'evidence.proxy-located.ip' : 'evidence.proxy-located.domain', { signal, country: this.countryName(m.country) });
      case 'evidence.mirror-national':
      case 'evidence.mirror-worldwide':
        return t(m.id, { signal, operator: m.operator, country: this.countryName(m.country) });
      case 'evidence.proxy-http-only':
      case 'evidence.pac-may-proxy':
      case 'evidence.not-public-email':
        return t(m.id, { signal });
      case 'evidence.org-network':
        return t('evidence.org-network', { signal, org: m.org, country: this.countryName(m.country) });
      case 'evidence.org':
        return t('evidence.org', { signal, org: this.org(m.org) });
      case 'evidence.lab':
        return t('evidence.org', { signal, org: this.lab(m.org, m.lab) });
      case 'evidence.lab-internal-host':
        return t('evidence.lab-internal-host', { signal, org: this.lab(m.org, m.lab), host: m.host });
      case 'evidence.lab-api':
        return t('evidence.lab-api', { signal, org: this.lab(m.org, m.lab) });
    }
  }

  /** Headline, then the evidence phrases: "Tools can tell ...: a; b." */
  statement(headline: InferenceMessage, evidence: readonly EvidenceMessage[]): string {
    const { t } = this;
    const head = this.headline(headline);
    if (evidence.length === 0) return t('statement.alone', { headline: head });
    return t('statement.evidence', { headline: head, evidence: evidence.map((e) => this.evidence(e)).join(t('list.semicolon')) });
  }

  private startWith(tool: string, reason: string, launchPrefix: string | undefined): string {
    return launchPrefix === undefined
      ? this.t('advice.start-with', { tool, reason })
      : this.t('advice.start-with-launch', { tool, reason, prefix: launchPrefix });
  }

  advice(m: AdviceMessage): string {
    const { t } = this;
    switch (m.id) {
      case 'advice.neutral-environment':
        return this.startWith(m.tool, t(WRAPPER_REASONS[m.neutral]), m.launchPrefix);
      case 'advice.unset-proxy-variables':
        return this.startWith(m.tool, t('advice.reason.unset-proxy-variables'), m.launchPrefix);
      case 'advice.unset-mirror-variable':
        return this.startWith(m.tool, t('advice.reason.unset-mirror-variable', { variable: m.variable, ecosystem: m.ecosystem }), m.launchPrefix);
      case 'advice.unset-endpoint-variable':
        return this.startWith(m.tool, t('advice.reason.unset-endpoint-variable', { variable: m.variable }), m.launchPrefix);
      case 'advice.bypass-proxy':
        return t('advice.bypass-proxy', { tool: m.tool });
      case 'advice.remove-tool-proxy':
        return t('advice.remove-tool-proxy', { signal: describeSignalRef(m.signal, t), file: m.file });
      case 'advice.npmrc-proxy':
      case 'advice.gnome-system-proxy':
      case 'advice.work-email-per-repo':
      case 'advice.neutral-hostname':
        return t(m.id);
      case 'advice.system-proxy':
      case 'advice.dns-search':
        return t(m.id, { signal: describeSignalRef(m.signal, t) });
      case 'advice.move-mirror':
        return t('advice.move-mirror', { ecosystem: m.ecosystem, url: m.url, file: m.file });
      case 'advice.neutral-git-email':
        return m.domain === undefined ? t('advice.neutral-git-email.employer') : t('advice.neutral-git-email', { domain: m.domain });
      case 'advice.move-base-url':
        return t('advice.move-base-url', { signal: describeSignalRef(m.signal, t), file: m.file, tool: m.tool });
      case 'advice.telemetry-off':
        return m.steps.length
          ? t('advice.telemetry-off.steps', { tool: m.tool, steps: renderOptOutSteps(m.steps, t) })
          : t('advice.telemetry-off', { tool: m.tool });
    }
  }

  private signalling(): string {
    const { t } = this;
    const { phrase, apostrophes, dateSeparators } = CHECK_2026_SIGNALLING;
    const list = apostrophes.map((a) => t('check-2026.code-point', { codePoint: a.codePoint, char: a.char })).join(t('list.comma'));
    return t('check-2026.signalling', { phrase, apostrophes: list, normal: dateSeparators.normal, flagged: dateSeparators.flagged });
  }

  private reason(r: Check2026Reason): string {
    const { t } = this;
    switch (r.id) {
      case 'check-2026.reason.proxy-and-zone':
        return t(r.id, { proxy: describeSignalRef(r.proxy, t), zone: r.zone });
      case 'check-2026.reason.lab-host':
      case 'check-2026.reason.chinese-company-host':
        return t(r.id, { signal: describeSignalRef(r.signal, t), host: r.host, org: r.org });
      case 'check-2026.reason.cn-domain-host':
        return t(r.id, { signal: describeSignalRef(r.signal, t), host: r.host });
    }
  }

  check(m: CheckMessage): string {
    const { t } = this;
    const signalling = this.signalling();
    if (m.id === 'check-2026.flagged') {
      return t('check-2026.flagged', { reasons: m.reasons.map((r) => this.reason(r)).join(t('list.semicolon')), signalling });
    }
    const zone = m.zone ?? t('unknown');
    const zones = orList(CHECK_2026_ZONES, this.language);
    const why =
      m.id === 'check-2026.clear.zone-only' ? t(m.id, { zone }) : t(m.id, { zone, zones });
    return t('check-2026.clear', { why, signalling });
  }

  private fact(f: DisclosureFact): string {
    const { t } = this;
    switch (f.id) {
      case 'fact.zone': {
        const system = f.factor === 'system-timezone';
        if (f.country === undefined) return t(system ? 'fact.system-zone' : 'fact.zone', { zone: f.zone });
        const params = { country: this.countryName(f.country), zone: zoneLabel(f.zone, this.language) };
        return t(system ? 'fact.system-zone.country' : 'fact.zone.country', params);
      }
      case 'fact.locale': {
        const name = languageName(f.locale, this.language);
        return name ? t('fact.locale.named', { name, locale: f.locale }) : t('fact.locale', { locale: f.locale });
      }
      case 'fact.proxy':
        return t('fact.proxy');
      case 'fact.custom-host':
        return t('fact.custom-host', { host: f.host });
      case 'fact.org-host': {
        const key = f.orgKind === 'ai-lab'
          ? f.chinese ? 'fact.org-host.chinese-lab' : 'fact.org-host.lab'
          : f.chinese ? 'fact.org-host.chinese-company' : 'fact.org-host.company';
        return t(key, { host: f.host, org: f.org });
      }
    }
  }

  disclosure(m: DisclosureMessage): string {
    const { t } = this;
    switch (m.id) {
      case 'disclosure.same-as-neutral':
        return t(m.id, { value: m.value, any: t(ANY_VALUE[m.factor]), neutral: m.neutral });
      case 'disclosure.utc-offset':
        return t(m.id, { zone: m.zone });
      case 'disclosure.could-tell': {
        const fact = this.fact(m.fact);
        if (m.covert.length === 0) return t('disclosure.could-tell.openly', { fact });
        return t('disclosure.could-tell.covert', { fact, kinds: m.covert.map((k) => t(CHANGE_KINDS[k])).join(t('list.slash')) });
      }
    }
  }

  exposureLabel(level: ExposureLevel | undefined): string {
    return this.t(level ? EXPOSURE_LABELS[level] : 'exposure.not-assessed');
  }

  exposure(m: ExposureMessage): string {
    const { t } = this;
    const level = this.exposureLabel(m.level);
    if (m.id === 'exposure.nothing') return t('exposure.summary.nothing', { level });
    const tools = (names: readonly string[]) => names.join(t('list.comma'));
    const check = m.flagged && (m.flagged.id === 'check.name' ? m.flagged.name : t(m.flagged.id));
    const headline = m.top && (m.top.id === 'headline.text' ? m.top.text : this.headline(m.top));
    const parts = [
      ...(check ? [t('exposure.part.flagged', { check })] : []),
      ...(m.covert.length ? [t('exposure.part.covert', { tools: tools(m.covert) })] : []),
      ...(m.overt.length ? [t('exposure.part.overt', { tools: tools(m.overt) })] : []),
      ...(headline ? [t('exposure.part.top', { headline })] : []),
    ];
    return t('exposure.summary', { level, parts: parts.join(t('list.semicolon')) });
  }

  factor(name: ProbeFactorName): string {
    return this.t(FACTORS[name]);
  }

  probeSummary(m: ProbeSummaryMessage): string {
    const { t } = this;
    if (m.id !== 'probe-summary') return t(m.id);
    const item = (item: string, detail: string) => t('list.paren', { item, detail });
    const factors = (list: typeof m.covert) =>
      list.map((f) => item(this.factor(f.factor), f.kinds.map((k) => t(CHANGE_KINDS[k])).join(t('list.comma')))).join(t('list.semicolon'));
    const parts = [
      ...(m.covert.length ? [t('probe-summary.covert', { factors: factors(m.covert) })] : []),
      ...(m.overt.length ? [t('probe-summary.overt', { factors: factors(m.overt) })] : []),
      ...(m.unchanged.length ? [t('probe-summary.unchanged', { factors: m.unchanged.map((f) => this.factor(f)).join(t('list.comma')) })] : []),
      ...(m.reach.length
        ? [t('probe-summary.reach', { hosts: m.reach.map((r) => item(r.host, this.factor(r.factor))).join(t('list.semicolon')) })]
        : []),
    ];
    if (m.covert.length === 0 && m.overt.length === 0 && m.reach.length === 0) {
      parts.unshift(t('probe-summary.independent', { count: String(m.requests) }));
    }
    return parts.reduce((first, next) => t('list.then', { first, next }));
  }

  reach(m: ReachMessage): string {
    const { t } = this;
    const list = (values: readonly string[]) => values.join(t('list.comma'));
    const factor = this.factor(m.factor);
    return m.id === 'reach.tried-only-with'
      ? t(m.id, { host: m.host, factor, with: list(m.with) })
      : t(m.id, { host: m.host, factor, with: list(m.with), without: list(m.without) });
  }

  message(m: Message): string {
    if (isInference(m)) return this.headline(m);
    if (isEvidence(m)) return this.evidence(m);
    if (isAdvice(m)) return this.advice(m);
    if (isCheck(m)) return this.check(m);
    if (isDisclosure(m)) return this.disclosure(m);
    if (isExposure(m)) return this.exposure(m);
    if (isProbeSummary(m)) return this.probeSummary(m);
    if (isCheckName(m)) return this.t(m.id);
    if (isOptOut(m)) return renderOptOut(m, this.t);
    if (isSettingNote(m)) return renderSettingNote(m, this.t);
    if (isToolNote(m)) return renderToolNote(m, this.t);
    if (isChange(m)) return renderChange(m, this.t);
    if (isIsolation(m)) return renderIsolationProblem(m, this.t);
    if (isSafetyProblem(m)) return renderSafetyProblem(m, this.t, this.language);
    if (isReachGap(m)) return renderReachGap(m, this.t);
    if (isRunFailure(m)) return renderRunFailure(m, this.t);
    if (isProbeError(m)) return renderProbeError(m, this.t);
    if (isReason(m)) return renderReason(m, this.language);
    return this.reach(m);
  }
}

/** A type guard for one family of messages, from the ids its schema lists. */
function guardOf<T extends Message>(family: { options: ReadonlyArray<{ shape: { id: { value: unknown } } }> }) {
  const ids = new Set(family.options.map((o) => o.shape.id.value));
  return (m: Message): m is T => ids.has(m.id);
}

const isInference = guardOf<InferenceMessage>(InferenceMessage);
const isEvidence = guardOf<EvidenceMessage>(EvidenceMessage);
const isAdvice = guardOf<AdviceMessage>(AdviceMessage);
const isCheck = guardOf<CheckMessage>(CheckMessage);
const isDisclosure = guardOf<DisclosureMessage>(DisclosureMessage);
const isExposure = guardOf<ExposureMessage>(ExposureMessage);
const isProbeSummary = guardOf<ProbeSummaryMessage>(ProbeSummaryMessage);
const isCheckName = guardOf<CheckNameMessage>(CheckNameMessage);
const isOptOut = guardOf<TelemetryOptOut>(TelemetryOptOut);
const isSettingNote = guardOf<SettingNote>(SettingNote);
const isToolNote = guardOf<ToolNote>(ToolNote);
const isChange = guardOf<ChangeMessage>(ChangeMessage);
const isIsolation = guardOf<IsolationProblem>(IsolationProblem);
const isSafetyProblem = guardOf<ProbeSafetyProblem>(ProbeSafetyProblem);
const isReachGap = guardOf<ReachGapMessage>(ReachGapMessage);
const isRunFailure = guardOf<RunFailure>(RunFailure);
const isProbeError = guardOf<ProbeErrorMessage>(ProbeErrorMessage);
const isReason = guardOf<ReasonMessage>(ReasonMessage);

const renderers = new Map<Language, Renderer>();

function renderer(language: Language): Renderer {
  let r = renderers.get(language);
  if (!r) renderers.set(language, (r = new Renderer(language)));
  return r;
}

/**
 * Renderings remembered by message: a sample mostly repeats the last one's statements, and the
 * engine renders advice it then drops as a duplicate. Dropped whole when full (no unbounded growth).
 */
const remembered = new Map<string, string>();
const REMEMBER_AT_MOST = 2000;

function remember(key: string, render: () => string): string {
  const known = remembered.get(key);
  if (known !== undefined) return known;
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  const text = render();
  remembered.set(key, text);
  return text;
}

/** One message as a sentence (an inference's headline, an evidence phrase, an advice item, a check, a disclosure). */
export function renderMessage(message: Message, language: Language): string {
  return remember(`${language}\u0000${JSON.stringify(message)}`, () => renderer(language).message(message));
}

/** A statement in a language: its message when it has one, else (saved before messages) its English text as it was. */
export function renderMessageOr(message: Message | undefined, text: string, language: Language): string {
  return message ? renderMessage(message, language) : text;
}

/** A signal as a sentence names it ("time zone Asia/Shanghai"). */
export function renderSignal(ref: SignalRef, language: Language): string {
  return describeSignalRef(ref, renderer(language).t);
}

/** An inference's whole statement: its headline, then its evidence phrases. */
export function renderStatement(headline: InferenceMessage, evidence: readonly EvidenceMessage[], language: Language): string {
  return remember(`${language}\u0000${JSON.stringify([headline, evidence])}`, () => renderer(language).statement(headline, evidence));
}

/** A zone as a sentence names it: "Asia/Shanghai" / "Asia/Shanghai，中国标准时间" (the id alone where ICU has no name). */
export function zoneLabel(zone: string, language: Language): string {
  const name = zoneName(zone, language);
  return name ? translator(language)('zone.named', { zone, name }) : zone;
}

/** "China (CN)" / "中国（CN）"; the code alone when ICU has no name for it. */
export function countryLabel(code: string, language: Language): string {
  return renderer(language).country(code);
}

/** "High exposure" / "暴露程度高"; "Exposure not assessed" for a snapshot without a verdict. */
export function exposureLabel(level: ExposureLevel | undefined, language: Language): string {
  return renderer(language).exposureLabel(level);
}
