/**
 * The Overview's five questions (where you are, whether and where you use a proxy, who you work
 * for, which AI labs you work with, would the 2026 check flag you), each answered from the
 * snapshot's inferences and checks as the core computed them: grouping for display, no inference.
 */
import type { Advice, CheckResult, Confidence, Inference, InferenceId, ProbeProof, ProbeReport } from '../contract/snapshot.js';
import { exposureLevel, rankInferences } from './exposure.js';
import type { Language } from './i18n/languages.js';
import { countryName } from './i18n/names.js';
import { translator, type Translate } from './i18n/translate.js';
import { probesOfTool } from './probe-findings.js';

/** The 2026 check's id (main/core/inference/check-2026.ts evaluates it). */
export const CHECK_2026_ID = 'cn-proxy-timezone-2026';

export type QuestionId = 'country' | 'proxy' | 'employer' | 'ai-lab' | 'check-2026';

export interface OverviewRow {
  question: QuestionId;
  /** The inferences behind the answer, most telling first (empty: nothing inferred). */
  inferences: Inference[];
  /** The 2026 check, for its row. */
  check: CheckResult | null;
  /** The answer in a few words, in the language asked for: "China (CN)", "Yes, in United States (US)", "Would flag you". */
  verdict: string;
  /** The strongest confidence among the inferences; null for the check or when nothing is inferred. */
  confidence: Confidence | null;
  /** Whether the answer discloses something (an inference, or a flagged check). */
  discloses: boolean;
  /** Tool ids that can see the evidence, each once. */
  visibleTo: string[];
  /** Signal ids of the evidence, each once. */
  evidence: string[];
  /** What to do about it, each action once. */
  advice: Advice[];
  /** For the 2026 check: saved probes that saw a tool act on what it looks at (the strongest evidence). */
  probeProof: ProbeProof[];
}

const QUESTION_INFERENCES: Readonly<Record<Exclude<QuestionId, 'check-2026'>, readonly InferenceId[]>> = {
  country: ['location.country'],
  proxy: ['network.proxy', 'network.proxy-country'],
  employer: ['affiliation.organization'],
  'ai-lab': ['affiliation.ai-lab'],
};

/** "China (CN)" / "中国（CN）"; the code alone when it is not a known region. */
export function countryLabel(code: string, language: Language): string {
  const upper = code.toUpperCase();
  const name = countryName(upper, language);
  return name && name !== upper ? translator(language)('country.label', { name, code: upper }) : code;
}

/** The same action (text, command and tool) has the same key. */
export const adviceKey = (a: Advice) => `${a.toolId ?? ''}\u0000${a.text}\u0000${a.command ?? ''}`;

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Advice without repeats: the same action (text, command and tool) is listed once. */
export function uniqueAdvice(advice: readonly Advice[]): Advice[] {
  const seen = new Set<string>();
  return advice.filter((a) => (seen.has(adviceKey(a)) ? false : (seen.add(adviceKey(a)), true)));
}

function valuesOf(inferences: readonly Inference[], id: InferenceId, format: (value: string) => string): string[] {
  return unique(inferences.filter((i) => i.id === id).map((i) => format(String(i.value))));
}

function verdictFor(question: Exclude<QuestionId, 'check-2026'>, ranked: readonly Inference[], language: Language, t: Translate): string {
  const country = (code: string) => countryLabel(code, language);
  switch (question) {
    case 'country':
      return valuesOf(ranked, 'location.country', country).join(t('list.or'));
    case 'proxy': {
      const where = valuesOf(ranked, 'network.proxy-country', country);
      const uses = ranked.some((i) => i.id === 'network.proxy');
      if (!uses && where.length === 0) return '';
      return where.length ? t('overview.proxy.yes-in', { countries: where.join(t('list.or')) }) : t('overview.proxy.yes');
    }
    case 'employer':
      return valuesOf(ranked, 'affiliation.organization', (v) => v).join(t('list.comma'));
    case 'ai-lab':
      return valuesOf(ranked, 'affiliation.ai-lab', (v) => v).join(t('list.comma'));
  }
}

function inferenceRow(question: Exclude<QuestionId, 'check-2026'>, all: readonly Inference[], language: Language): OverviewRow {
  const t = translator(language);
  const ranked = rankInferences(all.filter((i) => QUESTION_INFERENCES[question].includes(i.id)));
  const verdict = verdictFor(question, ranked, language, t);
  return {
    question,
    inferences: ranked,
    check: null,
    verdict: verdict || t('overview.not-inferred'),
    confidence: ranked[0]?.confidence ?? null,
    discloses: ranked.length > 0,
    visibleTo: unique(ranked.flatMap((i) => i.visibleTo)),
    evidence: unique(ranked.flatMap((i) => i.evidence)),
    advice: uniqueAdvice(ranked.flatMap((i) => i.advice ?? [])),
    probeProof: [],
  };
}

function checkRow(check: CheckResult | null, inferences: readonly Inference[], t: Translate): OverviewRow {
  // The check rests on the same signals as some inferences: their advice is how to stop it too.
  const related = check ? inferences.filter((i) => i.evidence.some((e) => check.evidence.includes(e))) : [];
  return {
    question: 'check-2026',
    inferences: [],
    check,
    verdict: t(check === null ? 'overview.check.not-evaluated' : check.flagged ? 'overview.check.would-flag' : 'overview.check.would-not-flag'),
    confidence: null,
    // A probe that saw a tool signal the check's settings discloses even where the check would not flag you now.
    discloses: (check?.flagged ?? false) || (check?.probeProof?.length ?? 0) > 0,
    visibleTo: check?.visibleTo ?? [],
    evidence: check?.evidence ?? [],
    advice: check?.flagged ? uniqueAdvice(related.flatMap((i) => i.advice ?? [])) : [],
    probeProof: check?.probeProof ?? [],
  };
}

/**
 * One row per question, in a fixed order; a flagged 2026 check comes first, since it is the one
 * verdict a tool has been seen acting on.
 */
export function overviewRows(inferences: readonly Inference[], checks: readonly CheckResult[], language: Language): OverviewRow[] {
  const check = checkRow(checks.find((c) => c.id === CHECK_2026_ID) ?? null, inferences, translator(language));
  const rows = (['country', 'proxy', 'employer', 'ai-lab'] as const).map((q) => inferenceRow(q, inferences, language));
  const ordered = check.discloses ? [check, ...rows] : [...rows, check];
  // Each action once on the page: under the first row that needs it.
  const shown = new Set<string>();
  return ordered.map((row) => ({ ...row, advice: row.advice.filter((a) => (shown.has(adviceKey(a)) ? false : (shown.add(adviceKey(a)), true))) }));
}

/**
 * The inferences and checks one tool can reach, its saved probes, and its exposure level from them
 * (its own probe findings count; another tool's proof of a check is not this tool's).
 */
export function toolView(
  toolId: string,
  inferences: readonly Inference[],
  checks: readonly CheckResult[],
  probes: readonly ProbeReport[],
  language: Language,
) {
  const visible = inferences.filter((i) => i.visibleTo.includes(toolId));
  const reachable = checks
    .filter((c) => c.visibleTo.includes(toolId) || c.probeProof?.some((p) => p.toolId === toolId))
    .map((c) => ({ ...c, probeProof: c.probeProof?.filter((p) => p.toolId === toolId) }));
  const scoped = (advice: readonly Advice[] | undefined) => (advice ?? []).filter((a) => a.toolId === undefined || a.toolId === toolId);
  const probed = probesOfTool(toolId, probes);
  return {
    level: exposureLevel(visible, reachable, probed ? [probed.latest] : []),
    probes: probed,
    rows: overviewRows(
      visible.map((i) => ({ ...i, advice: scoped(i.advice) })),
      reachable,
      language,
    ),
  };
}
