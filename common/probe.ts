/** What `telltale probe` can vary, one at a time (the contract's ProbeFactor.factor), in the order it runs them. */
import type { ProbeFactor } from '../contract/snapshot.js';

export type ProbeFactorName = ProbeFactor['factor'];

export const PROBE_FACTORS = ['timezone', 'system-timezone', 'locale', 'proxy', 'base-url'] as const satisfies readonly ProbeFactorName[];
