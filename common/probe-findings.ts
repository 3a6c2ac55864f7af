/**
 * What saved probe reports say, read the same way by the core (exposure, the 2026 check's proof,
 * reports) and the UI: each report's verdict, its findings, and one row per tool (latest first).
 */
import type { Message } from '../contract/message.js';
import type { ChangeKind, ExposureLevel, ProbeReport } from '../contract/snapshot.js';
import { formatCommand } from './format.js';
import type { ProbeFactorName } from './probe.js';

/** Kinds of change a reader of the request would not notice: the tool hides what it tells. */
export const COVERT_KINDS: ReadonlySet<ChangeKind> = new Set(['confusable', 'invisible', 'format', 'whitespace']);

/** failed: the probe could not compare anything; covert: a hidden change; overt: a visible change or a host tried under some settings only. */
export type ProbeVerdict = 'clean' | 'overt' | 'covert' | 'failed';

/** One thing a probe showed: a variant that changed the requests, or a host tried under some settings only. */
export interface ProbeFinding {
  kind: 'covert' | 'overt' | 'reach';
  factor: ProbeFactorName;
  /** The factor values it happened under. */
  values: string[];
  /** The kinds of the changes (none for a reach finding). */
  changeKinds: ChangeKind[];
  description: string;
  /** What `description` says, as a message, when the report has one. */
  message?: Message;
}

const INTERPRETER = /^(node|nodejs|bun|deno|python\d*(\.\d+)*)(\.exe)?$/i;
const baseName = (arg: string) => arg.split(/[\\/]/).pop() ?? arg;

/** "covert-tool.mjs" for `node /x/covert-tool.mjs`: the program a command line runs. */
export function programOf(command: readonly string[]): string {
  const first = baseName(command[0] ?? '');
  const script = command.slice(1).find((arg) => !arg.startsWith('-'));
  return INTERPRETER.test(first) && script ? baseName(script) : first || 'a tool';
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function probeFindings(report: ProbeReport): ProbeFinding[] {
  if (report.error) return [];
  const changed = report.factors.flatMap((factor) =>
    factor.variants
      .filter((variant) => variant.changes.length > 0)
      .map((variant): ProbeFinding => {
        const changeKinds = unique(variant.changes.map((c) => c.kind));
        return {
          kind: changeKinds.some((k) => COVERT_KINDS.has(k)) ? 'covert' : 'overt',
          factor: factor.factor,
          values: [variant.value],
          changeKinds,
          description: variant.disclosure ?? `The tool's requests changed with ${variant.value}.`,
          ...(variant.message ? { message: variant.message } : {}),
        };
      }),
  );
  const reach = (report.reachFindings ?? []).map(
    (finding): ProbeFinding => ({
      kind: 'reach',
      factor: finding.factor,
      values: finding.with,
      changeKinds: [],
      description: finding.description,
      ...(finding.message ? { message: finding.message } : {}),
    }),
  );
  return [...changed, ...reach];
}

export function probeVerdict(report: ProbeReport): ProbeVerdict {
  if (report.error) return 'failed';
  const findings = probeFindings(report);
  if (findings.some((f) => f.kind === 'covert')) return 'covert';
  return findings.length > 0 ? 'overt' : 'clean';
}

/** The saved probes of one tool (or, for a command no catalog tool matches, of one command line). */
export interface ToolProbes {
  /** The catalog tool, or null for an unrecognised command. */
  toolId: string | null;
  /** Stable key of the row: the tool id, or the command line. */
  key: string;
  latest: ProbeReport;
  /** Older probes of the same tool, newest first. */
  earlier: ProbeReport[];
}

const reportKey = (report: ProbeReport) => `${report.startedAt}\u0000${formatCommand(report.command)}`;

/**
 * One row per tool, the tool probed most recently first; within a tool, newest first. The same
 * report read twice (a copy of the file) is kept once.
 */
export function probesByTool(reports: readonly ProbeReport[]): ToolProbes[] {
  const seen = new Set<string>();
  const distinct = reports.filter((r) => (seen.has(reportKey(r)) ? false : (seen.add(reportKey(r)), true)));
  const newestFirst = [...distinct].sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.startedAt.localeCompare(a.startedAt));
  const rows = new Map<string, ToolProbes>();
  for (const report of newestFirst) {
    const key = report.toolId ?? formatCommand(report.command);
    const row = rows.get(key);
    if (row) row.earlier.push(report);
    else rows.set(key, { toolId: report.toolId ?? null, key, latest: report, earlier: [] });
  }
  return [...rows.values()];
}

/** The latest report of each tool: what the tool does now (an older finding may predate an update). */
export function latestProbes(reports: readonly ProbeReport[]): ProbeReport[] {
  return probesByTool(reports).map((row) => row.latest);
}

/** How far probes raise the exposure: a covert channel is the strongest evidence (high), any other finding elevated. */
export function probeExposure(reports: readonly ProbeReport[]): ExposureLevel {
  const verdicts = latestProbes(reports).map(probeVerdict);
  if (verdicts.includes('covert')) return 'high';
  return verdicts.includes('overt') ? 'elevated' : 'none';
}

/** The latest probe of one tool, when it found something (what the tool's page and the exposure summary name). */
export function probesOfTool(toolId: string, reports: readonly ProbeReport[]): ToolProbes | null {
  return probesByTool(reports).find((row) => row.toolId === toolId) ?? null;
}
