/** What `telltale probe` can vary, one at a time (the contract's ProbeFactor.factor), in the order it runs them. */
import type { ProbeFactor, ProbeVariantResult, ProbeZoneSource } from '../contract/snapshot.js';

export type ProbeFactorName = ProbeFactor['factor'];

export const PROBE_FACTORS = ['timezone', 'system-timezone', 'locale', 'proxy', 'base-url'] as const satisfies readonly ProbeFactorName[];

/** "4 of 4 requests sent through the proxy": the report's note on how a variant's requests travelled. */
export function describeViaProxy(use: NonNullable<ProbeVariantResult['viaProxy']>): string {
  return `${use.requests} of ${use.of} request${use.of === 1 ? '' : 's'} sent through the proxy (how they travelled, not a change)`;
}

/** Which time zone setting a tool follows, in a sentence (the probe's text report and the Probe view). */
const SENTENCES: Readonly<Record<ProbeZoneSource['follows'], string>> = {
  tz: 'The tool follows TZ: its requests changed with TZ, not with the system zone (with TZ unset it may fall back to the system zone).',
  system: 'The tool follows the system zone (/etc/localtime, /etc/timezone), whatever TZ says: unsetting or changing TZ does not hide your zone from it.',
  both: 'The tool follows both TZ and the system zone: its requests changed with each.',
  neither: 'The tool follows neither TZ nor the system zone: its requests did not change with either.',
};

export function describeZoneSource(source: ProbeZoneSource): string {
  return SENTENCES[source.follows];
}
