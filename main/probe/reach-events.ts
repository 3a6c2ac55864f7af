/** The probe's sightings of a run's attempts to reach hosts, as ReachEvents for the analysis. */
import { readFile } from 'node:fs/promises';
import type { ProbeAttempt } from '../../contract/snapshot.js';
import type { ReachEvent } from '../core/probe/reach.js';
import type { CapturedRequest } from '../tap/capture.js';
import type { DnsQuestion } from './dns-responder.js';

/** Requests that used the tap as their proxy: CONNECT targets and absolute URLs. */
export function tapReach(records: readonly CapturedRequest[]): ReachEvent[] {
  return records.flatMap((r): ReachEvent[] => {
    if (r.form === 'connect') return [{ host: r.targetHost, port: r.targetPort, via: 'proxy-connect' }];
    if (r.form === 'absolute') return [{ host: r.targetHost, port: r.targetPort ?? 80, via: 'proxy-request' }];
    return [];
  });
}

export const dnsReach = (questions: readonly DnsQuestion[]): ReachEvent[] => questions.map((q) => ({ host: q.name, port: null, via: 'dns' }));

/** TCP connects from precise capture. */
export const attemptReach = (attempts: readonly ProbeAttempt[]): ReachEvent[] =>
  attempts.map((a) => ({ host: a.remoteAddress, port: a.remotePort, via: 'direct-connect' }));

/** The connects the relay caught (JSON lines); a missing file means none, a bad line is skipped. */
export async function caughtReach(file: string): Promise<ReachEvent[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').flatMap((line): ReachEvent[] => {
    try {
      const { address, port } = JSON.parse(line) as { address?: unknown; port?: unknown };
      return typeof address === 'string' && typeof port === 'number' ? [{ host: address, port, via: 'direct-connect' }] : [];
    } catch {
      return [];
    }
  });
}
