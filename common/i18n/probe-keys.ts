/** Words of a probe report shared by its text rendering (main/core/probe/report.ts) and the Probe view. */
import type { ProbeAttempt, ProbeReachSource, ProbeZoneSource } from '../../contract/snapshot.js';
import type { PlainKey } from './translate.js';

/** What became of a TCP connection a run attempted. */
export const OUTCOME_KEYS: Readonly<Record<ProbeAttempt['outcome'], PlainKey>> = {
  established: 'probeview.outcome.established',
  failed: 'probeview.outcome.failed',
  unknown: 'probeview.outcome.unknown',
};

/** How the probe saw a host tried. */
export const SEEN_BY_KEYS: Readonly<Record<ProbeReachSource, PlainKey>> = {
  dns: 'probeview.seen-by.dns',
  'proxy-connect': 'probeview.seen-by.proxy-connect',
  'proxy-request': 'probeview.seen-by.proxy-request',
  'direct-connect': 'probeview.seen-by.direct-connect',
};

/** Which time zone setting a tool follows, as a sentence. */
export const ZONE_SOURCE_KEYS: Readonly<Record<ProbeZoneSource['follows'], PlainKey>> = {
  tz: 'probeview.zone-source.tz',
  system: 'probeview.zone-source.system',
  both: 'probeview.zone-source.both',
  neither: 'probeview.zone-source.neither',
};
