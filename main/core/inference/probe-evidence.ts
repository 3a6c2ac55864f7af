/**
 * Saved probe reports as evidence: which of them prove the 2026 check (a tool seen changing its
 * requests covertly under a setting the check looks at), and the exposure verdict with them.
 */
import type { CheckResult, Inference, ProbeProof, ProbeReport, ProbeVariantResult, Tool } from '../../../contract/snapshot.js';
import { exposureFor } from '../../../common/exposure.js';
import { CHECK_2026_ID } from '../../../common/overview.js';
import { COVERT_KINDS, latestProbes, programOf } from '../../../common/probe-findings.js';
import type { ProbeFactorName } from '../../../common/probe.js';
import { isCheckedZone, isListedHost } from './check-2026.js';

/** Whether the 2026 check looks at this factor value: its zones, any proxy, a listed base-URL host. */
function checkLooksAt(factor: ProbeFactorName, value: string): boolean {
  switch (factor) {
    case 'timezone':
    case 'system-timezone':
      return isCheckedZone(value);
    case 'proxy':
      return true;
    case 'base-url':
      return isListedHost(value);
    case 'locale':
      return false;
  }
}

function covertKinds(variant: ProbeVariantResult): ProbeProof['kinds'] {
  return [...new Set(variant.changes.map((c) => c.kind).filter((k) => COVERT_KINDS.has(k)))];
}

/** Each tool's latest probe, where it changed its requests covertly under a setting the 2026 check looks at. */
export function check2026Proof(reports: readonly ProbeReport[]): ProbeProof[] {
  return latestProbes(reports).flatMap((report) =>
    report.error
      ? []
      : report.factors.flatMap((factor) =>
          factor.variants.flatMap((variant): ProbeProof[] => {
            const kinds = covertKinds(variant);
            if (kinds.length === 0 || !checkLooksAt(factor.factor, variant.value)) return [];
            return [
              {
                ...(report.toolId ? { toolId: report.toolId } : {}),
                command: report.command,
                startedAt: report.startedAt,
                factor: factor.factor,
                value: variant.value,
                kinds,
                description: variant.disclosure ?? `The tool's requests changed covertly with ${variant.value}.`,
                ...(variant.message ? { message: variant.message } : {}),
              },
            ];
          }),
        ),
  );
}

/** The checks with their probe proof, and the exposure verdict counting the probes' findings. */
export function withProbeEvidence(
  inferred: { inferences: readonly Inference[]; checks: readonly CheckResult[] },
  probes: readonly ProbeReport[],
  tools: readonly Tool[],
): { checks: CheckResult[]; exposure: ReturnType<typeof exposureFor> } {
  const proof = check2026Proof(probes);
  const checks = inferred.checks.map((c) => (c.id === CHECK_2026_ID && proof.length > 0 ? { ...c, probeProof: proof } : c));
  const names = new Map(tools.map((t) => [t.id, t.name]));
  const nameOf = (report: ProbeReport) => (report.toolId && names.get(report.toolId)) || programOf(report.command);
  return { checks, exposure: exposureFor(inferred.inferences, checks, probes, nameOf) };
}
