/**
 * The exposure verdict and the ranking of inferences, one definition for the core (which puts the
 * verdict into every snapshot), the tray and the UI.
 */
import type { CheckResult, Confidence, ExposureLevel, Inference, InferenceId, ProbeReport } from '../contract/snapshot.js';
import { latestProbes, probeExposure, probeVerdict, programOf, type ProbeVerdict } from './probe-findings.js';

export const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 1, medium: 2, high: 3 };

/** From nothing inferred to the most exposed. */
export const EXPOSURE_LEVELS: readonly ExposureLevel[] = ['none', 'low', 'elevated', 'high'];

const IDENTIFYING: ReadonlySet<InferenceId> = new Set(['location.country', 'affiliation.organization', 'affiliation.ai-lab']);

/** Which inference is the more telling when confidences tie: who you are before where your proxy is. */
const ID_RANK: Readonly<Record<InferenceId, number>> = {
  'affiliation.ai-lab': 5,
  'affiliation.organization': 4,
  'location.country': 3,
  'network.proxy-country': 2,
  'network.proxy': 1,
};

function inferredLevel(inferences: readonly Inference[], checks: readonly CheckResult[]): ExposureLevel {
  if (checks.some((c) => c.flagged) || inferences.some((i) => i.confidence === 'high' && IDENTIFYING.has(i.id))) return 'high';
  if (inferences.some((i) => i.confidence !== 'low' || i.id === 'network.proxy')) return 'elevated';
  return inferences.length ? 'low' : 'none';
}

/**
 * none: no inferences. low: only low-confidence ones. elevated: any medium, a proxy in use, or a
 * tool whose latest probe found an overt change or a host tried under some settings only.
 * high: a high-confidence country or affiliation, a flagged check, or a covert channel found by a probe.
 */
export function exposureLevel(inferences: readonly Inference[], checks: readonly CheckResult[] = [], probes: readonly ProbeReport[] = []): ExposureLevel {
  const inferred = inferredLevel(inferences, checks);
  const probed = probeExposure(probes);
  return EXPOSURE_LEVELS.indexOf(probed) > EXPOSURE_LEVELS.indexOf(inferred) ? probed : inferred;
}

/** Positive when `a` is more telling than `b`: higher confidence, then the more identifying kind. */
function compareTelling(a: Inference, b: Inference): number {
  // An id this build does not know (a newer host's) ranks below every known one.
  return CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] || (ID_RANK[a.id] ?? 0) - (ID_RANK[b.id] ?? 0);
}

/** The inferences, most telling first; equally telling ones keep the snapshot's order. */
export function rankInferences(inferences: readonly Inference[]): Inference[] {
  return [...inferences].sort((a, b) => compareTelling(b, a));
}

/** The most telling inference (the first of rankInferences), or null when there is none. */
export function topInference(inferences: readonly Inference[]): Inference | null {
  let top: Inference | null = null;
  for (const i of inferences) if (!top || compareTelling(i, top) > 0) top = i;
  return top;
}

const LABELS: Readonly<Record<ExposureLevel, string>> = {
  none: 'No exposure',
  low: 'Low exposure',
  elevated: 'Elevated exposure',
  high: 'High exposure',
};

/** "High exposure"; "Exposure not assessed" for a snapshot without a verdict. */
export function exposureLabel(level: ExposureLevel | undefined): string {
  return level ? LABELS[level] : 'Exposure not assessed';
}

/** The name of a probed tool: its catalog name, else the command's program. */
export type ProbedName = (report: ProbeReport) => string;

/** The verdict a snapshot carries: the level and one sentence naming what drives it. */
export function exposureFor(
  inferences: readonly Inference[],
  checks: readonly CheckResult[] = [],
  probes: readonly ProbeReport[] = [],
  nameOf: ProbedName = (report) => programOf(report.command),
): { level: ExposureLevel; summary: string } {
  const level = exposureLevel(inferences, checks, probes);
  const top = topInference(inferences);
  const flagged = checks.find((c) => c.flagged);
  const latest = latestProbes(probes);
  const namesOf = (verdict: ProbeVerdict) => [...new Set(latest.filter((r) => probeVerdict(r) === verdict).map(nameOf))].join(', ');
  const [covert, overt] = [namesOf('covert'), namesOf('overt')];
  const lead = exposureLabel(level);
  if (!top && !flagged && !covert && !overt) return { level, summary: `${lead}: the tools here can infer nothing about your country, proxy or employer.` };
  const parts = [
    ...(flagged ? [`the ${flagged.name} would flag this machine`] : []),
    ...(covert ? [`a probe found a covert channel in ${covert}`] : []),
    ...(overt ? [`a probe saw the requests of ${overt} change with your settings`] : []),
    ...(top ? [`top inference: ${top.statement.split(': ')[0]?.replace(/\.$/, '')}`] : []),
  ];
  return { level, summary: `${lead}: ${parts.join('; ')}.` };
}
