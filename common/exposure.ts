/**
 * The exposure verdict and the ranking of inferences, one definition for the core (which puts the
 * verdict into every snapshot), the tray and the UI.
 */
import type { ExposureMessage } from '../contract/message.js';
import type { CheckResult, Confidence, ExposureLevel, Inference, InferenceId, ProbeReport } from '../contract/snapshot.js';
import { exposureLabel, renderMessage } from './i18n/render.js';
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

export { exposureLabel };

/** The name of a probed tool: its catalog name, else the command's program. */
export type ProbedName = (report: ProbeReport) => string;

/** The headline of an inference's statement; its English text for one written before headlines had messages. */
function headlineOf(inference: Inference): NonNullable<Extract<ExposureMessage, { id: 'exposure.summary' }>['top']> {
  return inference.message ?? { id: 'headline.text', text: inference.statement.split(': ')[0]?.replace(/\.$/, '') ?? inference.statement };
}

/** The verdict a snapshot carries: the level, one sentence naming what drives it (English), and that sentence as a message. */
export function exposureFor(
  inferences: readonly Inference[],
  checks: readonly CheckResult[] = [],
  probes: readonly ProbeReport[] = [],
  nameOf: ProbedName = (report) => programOf(report.command),
): { level: ExposureLevel; summary: string; message: ExposureMessage } {
  const level = exposureLevel(inferences, checks, probes);
  const top = topInference(inferences);
  const flagged = checks.find((c) => c.flagged);
  const latest = latestProbes(probes);
  const namesOf = (verdict: ProbeVerdict) => [...new Set(latest.filter((r) => probeVerdict(r) === verdict).map(nameOf))];
  const [covert, overt] = [namesOf('covert'), namesOf('overt')];
  const message: ExposureMessage =
    !top && !flagged && covert.length === 0 && overt.length === 0
      ? { id: 'exposure.nothing', level }
      : {
          id: 'exposure.summary',
          level,
          ...(flagged ? { flagged: flagged.nameMessage ?? { id: 'check.name', name: flagged.name } } : {}),
          covert,
          overt,
          ...(top ? { top: headlineOf(top) } : {}),
        };
  return { level, summary: renderMessage(message, 'en'), message };
}
