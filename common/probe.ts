/** What `telltale probe` can vary, one at a time (the contract's ProbeFactor.factor), in the order it runs them. */
import type { ProbeFactor, ProbeVariantResult } from '../contract/snapshot.js';

export type ProbeFactorName = ProbeFactor['factor'];

export const PROBE_FACTORS = ['timezone', 'system-timezone', 'locale', 'proxy', 'base-url'] as const satisfies readonly ProbeFactorName[];

/** "4 of 4 requests sent through the proxy": the report's note on how a variant's requests travelled. */
export function describeViaProxy(use: NonNullable<ProbeVariantResult['viaProxy']>): string {
  return `${use.requests} of ${use.of} request${use.of === 1 ? '' : 's'} sent through the proxy (how they travelled, not a change)`;
}
