/** Probe reports for tests, built through the contract's schema so they are valid reports. */
import { ProbeReport, type ChangeKind, type ProbeChange, type ProbeFactor, type ProbeReachFinding } from '../../contract/snapshot.js';

export function change(kind: ChangeKind, overrides: Partial<ProbeChange> = {}): ProbeChange {
  return {
    kind,
    location: 'body.system[0].text',
    baseline: "'",
    variant: '\u02bc',
    contextBefore: 'Today',
    contextAfter: 's date is 2026-11-24.',
    codePoints: [{ char: '\u02bc', codePoint: 'U+02BC', name: 'MODIFIER LETTER APOSTROPHE' }],
    description: `${kind} change`,
    ...overrides,
  };
}

/** A factor whose variants changed as given: value -> its changes (empty: unchanged). */
export function factor(name: ProbeFactor['factor'], variants: Record<string, ProbeChange[]>, baseline = 'UTC'): ProbeFactor {
  const results = Object.entries(variants).map(([value, changes]) => ({
    value,
    runs: 2,
    changed: changes.length > 0,
    changes,
    disclosure: changes.length > 0 ? `The tool could tell its vendor ${value}.` : null,
  }));
  return { factor: name, baseline, changed: results.some((v) => v.changed), variants: results };
}

export function reachFinding(host: string, overrides: Partial<ProbeReachFinding> = {}): ProbeReachFinding {
  return { host, factor: 'timezone', with: ['Asia/Shanghai'], without: ['UTC'], description: `${host} was tried only with Asia/Shanghai.`, ...overrides };
}

export function probeReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  return ProbeReport.parse({
    command: ['claude', '-p', 'hi'],
    startedAt: '2026-11-24T10:00:00.000Z',
    finishedAt: '2026-11-24T10:01:00.000Z',
    runsPerVariant: 2,
    requestsCaptured: 12,
    noise: [],
    factors: [],
    summary: 'summary',
    ...overrides,
  });
}
