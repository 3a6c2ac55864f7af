/**
 * One probe of a tool: starts a tap (the tool's base URL and, where a factor sets one, its proxy),
 * runs the tool under each planned environment, every run in a fresh HOME and working directory (so
 * nothing one run writes, such as a cached verdict or a first-run flag, reaches the next) and cut
 * off from the network, and analyses the captured requests.
 */
import { cp, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BaseUrlHint, IsolationProblem, ProbeErrorMessage, ProbeSafetyProblem, ProbeSummaryMessage, ReachGapMessage, RunFailure } from '../../contract/message.js';
import { ProbeReport } from '../../contract/snapshot.js';
import type { Language } from '../../common/i18n/languages.js';
import { renderMessage } from '../../common/i18n/render.js';
import { translator } from '../../common/i18n/translate.js';
import { analyseProbe, type GroupRuns } from '../core/probe/analyse.js';
import type { ProbeFactorName as FactorName } from '../../common/probe.js';
import { commandFor, DEFAULT_SYSTEM_ZONE, planProbe, type EnvGroup } from '../core/probe/plan.js';
import { analyseReach, type ReachEvent } from '../core/probe/reach.js';
import { probeSummaryMessage } from '../core/probe/report.js';
import { zoneSource } from '../core/probe/zone-source.js';
import { maskBaseUrlHosts } from '../core/probe/slots.js';
import { baseUrlOrigins } from '../core/probe/base-urls.js';
import { commandProblems, envProblems } from '../core/probe/safety.js';
import { redactDeep } from '../core/secrets/policy.js';
import type { ObservedRequest } from '../core/probe/types.js';
import { isModelRequest } from '../core/probe/model-request.js';
import { matchProcess, TOOL_CATALOG } from '../core/catalog/index.js';
import type { CapturedRequest } from '../tap/capture.js';
import { startTap } from '../tap/server.js';
import { recordRunAttempts } from './attempts.js';
import { startDnsResponder, type DnsResponder } from './dns-responder.js';
import { DNS_SOCKET, startIsolation, type Isolation } from './isolation.js';
import type { ProbeProgress } from './progress.js';
import { attemptReach, caughtReach, dnsReach, tapReach } from './reach-events.js';
import { runCommand, type RunOutcome } from './run-command.js';

export interface ProbeOptions {
  command: string[];
  runs: number;
  factors: FactorName[];
  timezones: string[];
  locales: string[];
  hosts: string[];
  timeoutMs: number;
  keepCaptures: boolean;
  /** A directory copied into every run's fresh HOME (tool settings the tool needs to start). */
  homeTemplate?: string;
  /** Run the tool in an isolated network (refuse if that is impossible); false runs it unisolated. */
  isolate: boolean;
  /** Called as each run starts. */
  onProgress?: (progress: ProbeProgress) => void;
}

export interface ProbeOutcome {
  report: ProbeReport;
  /** The kept temporary directory (HOME, work dir, captures) with --keep-captures, else null. */
  keptDir: string | null;
}

/** Why a probe refused to run the tool: it could not be set up as it must, or it would send traffic past the tap. */
export type Refusal =
  | { key: 'probe-refused.isolation' | 'probe-refused.no-system-zone'; problem: IsolationProblem }
  | { key: 'probe-refused.unsafe'; problems: ProbeSafetyProblem[] };

/** A refusal as a sentence in a language. */
export function renderRefusal(refusal: Refusal, language: Language): string {
  const t = translator(language);
  return refusal.key === 'probe-refused.unsafe'
    ? t(refusal.key, { problems: refusal.problems.map((p) => renderMessage(p, language)).join(t('list.semicolon')) })
    : t(refusal.key, { reason: renderMessage(refusal.problem, language) });
}

/** A probe that refuses to run; the CLI turns it into exit code 2, said in its language. The message is the English. */
export class ProbeRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(renderRefusal(refusal, 'en'));
  }
}

const refused = (refusal: Refusal) => new ProbeRefused(refusal);

function runFailure(outcome: RunOutcome, run: number, timeoutMs: number): RunFailure | null {
  if (outcome.notFound !== undefined) return { id: 'run.command-not-found', run, command: outcome.notFound };
  if (outcome.spawnError) return { id: 'run.not-started', run, error: outcome.spawnError };
  if (outcome.timedOut) return { id: 'run.timed-out', run, seconds: timeoutMs / 1000 };
  if (outcome.exitCode !== 0) {
    const lines = outcome.stderrTail.trim().split('\n');
    // An error line says more than the runtime's closing banner ("Node.js v20...").
    const last = lines.find((l) => /error/i.test(l)) ?? lines.at(-1) ?? '';
    return { id: 'run.exited', run, ...(outcome.exitCode === null ? {} : { code: outcome.exitCode }), ...(last ? { line: last.slice(0, 200) } : {}) };
  }
  return null;
}

/** The base-URL settings the probed tool reads, from the catalog, for a failure hint. */
function baseUrlHint(command: readonly string[]): BaseUrlHint {
  const name = path.basename(command[0] ?? '');
  const toolId = matchProcess({ pid: 0, ppid: null, name, command: command.join(' ') });
  const tool = TOOL_CATALOG.find((t) => t.id === toolId);
  const variables = tool?.envVars.filter((v) => /_BASE_URL$/.test(v)) ?? [];
  if (tool && variables.length > 0) return { id: 'hint.tool-variables', tool: tool.name, variables };
  if (tool) return { id: 'hint.tool-no-variable', tool: tool.name };
  return { id: 'hint.unknown-tool', variables: ['ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL', 'GOOGLE_GEMINI_BASE_URL'] };
}

/** What the tool itself printed in its last baseline run, both streams, a few lines each. */
function toolOutput(outcome: RunOutcome | undefined): { stdout?: string; stderr?: string } {
  if (!outcome) return {};
  const tail = (text: string) => text.trim().split('\n').slice(-5).join(' | ').slice(0, 600);
  return {
    ...(outcome.stdoutTail.trim() ? { stdout: tail(outcome.stdoutTail) } : {}),
    ...(outcome.stderrTail.trim() ? { stderr: tail(outcome.stderrTail) } : {}),
  };
}

const toObserved = (r: CapturedRequest): ObservedRequest => ({
  method: r.method,
  path: r.path,
  targetHost: r.targetHost,
  headers: r.headers,
  body: r.body,
  viaProxy: r.form !== 'origin',
});

/**
 * What the reached hosts cannot include here: DNS without a mount namespace, direct connects without
 * precise capture (why there is none is said with the attempts).
 */
function reachGaps(isolation: Isolation | null, preciseCapture: boolean): ReachGapMessage[] {
  const gaps: ReachGapMessage[] = [];
  if (!isolation) gaps.push({ id: 'reach-gap.not-isolated' });
  else if (isolation.mountUnavailable !== null) gaps.push({ id: 'reach-gap.no-dns', why: isolation.mountUnavailable });
  if (isolation && !preciseCapture) gaps.push({ id: 'reach-gap.ports-only' });
  return gaps;
}

async function freshDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { mode: 0o700 });
}

/** With --keep-captures: moves a run's HOME and work dir to runs/<name>/ for inspection. */
async function keepRunDirs(root: string, name: string, home: string, workDir: string): Promise<void> {
  const dest = path.join(root, 'runs', name.replace(/[^\w.-]+/g, '_'));
  await mkdir(dest, { recursive: true, mode: 0o700 });
  await rename(home, path.join(dest, 'home'));
  await rename(workDir, path.join(dest, 'work'));
}

export async function probeTool(options: ProbeOptions): Promise<ProbeOutcome> {
  const commandIssues = commandProblems(options.command);
  if (commandIssues.length > 0) throw refused({ key: 'probe-refused.unsafe', problems: commandIssues });
  const startedAt = new Date().toISOString();
  const root = await mkdtemp(path.join(os.tmpdir(), 'telltale-probe-'));
  const home = path.join(root, 'home');
  const workDir = path.join(root, 'work');
  const socketDir = path.join(root, 'sockets');
  await mkdir(socketDir, { mode: 0o700 });
  const tap = await startTap({ captureDir: path.join(root, 'captures') });
  let isolation: Isolation | null = null;
  let dns: DnsResponder | null = null;
  // Started before any run, so it follows every process a run starts from its birth.
  const recorder = await recordRunAttempts();
  try {
    if (options.isolate) {
      const started = await startIsolation(socketDir, [tap.port], process.env.PATH ?? '');
      if (!started.ok) throw refused({ key: 'probe-refused.isolation', problem: started.problem });
      isolation = started.isolation;
      if (isolation.mountUnavailable === null) dns = await startDnsResponder(path.join(socketDir, DNS_SOCKET));
    }
    const noMount: IsolationProblem | null = isolation ? isolation.mountUnavailable : { id: 'isolation.off' };
    const systemZoneUnavailable = noMount !== null && options.factors.includes('system-timezone') ? noMount : undefined;
    const factors = noMount === null ? options.factors : options.factors.filter((f) => f !== 'system-timezone');
    if (factors.length === 0 && noMount !== null) throw refused({ key: 'probe-refused.no-system-zone', problem: noMount });
    const plan = planProbe({
      factors,
      timezones: options.timezones,
      locales: options.locales,
      hosts: options.hosts,
      tapPort: tap.port,
      home,
      path: process.env.PATH ?? '/usr/bin:/bin',
      term: 'dumb',
    });
    const groups = new Map<string, EnvGroup>();
    for (const factor of plan) {
      for (const group of [factor.baseline, ...factor.variants.map((v) => v.group)]) groups.set(group.id, group);
    }
    const unsafe = [...groups.values()].flatMap((g) => envProblems(g, tap.port));
    if (unsafe.length > 0) throw refused({ key: 'probe-refused.unsafe', problems: unsafe });

    const results = new Map<string, GroupRuns>();
    const reach = new Map<string, ReachEvent[][]>();
    const baselineIds = new Set(plan.map((f) => f.baseline.id));
    // Baselines first: without a model-API request in them nothing can be compared, so the
    // variants are not run at all (a tool that is not signed in fails in seconds, not minutes).
    const ordered = [...groups.values()].sort((a, b) => Number(baselineIds.has(b.id)) - Number(baselineIds.has(a.id)));
    const total = ordered.length * options.runs;
    const started = Date.now();
    let lastBaselineOutcome: RunOutcome | undefined;
    let stoppedEarly = false;
    let done = 0;
    for (const group of ordered) {
      if (!baselineIds.has(group.id) && !stoppedEarly) {
        const modelCalls = [...baselineIds].flatMap((id) => results.get(id)?.runs.flat() ?? []).filter(isModelRequest).length;
        if (modelCalls === 0) stoppedEarly = true;
      }
      if (stoppedEarly) break;
      const runs: ObservedRequest[][] = [];
      const reached: ReachEvent[][] = [];
      const errors: RunFailure[] = [];
      for (let run = 1; run <= options.runs; run++) {
        options.onProgress?.({ done, total, elapsedMs: Date.now() - started, environment: group.id, run, runsPerEnvironment: options.runs });
        const before = { requests: tap.requests().length, questions: dns?.questions().length ?? 0 };
        // Same paths every run (they show up in prompts), fresh contents.
        await freshDir(home);
        if (options.homeTemplate) await cp(options.homeTemplate, home, { recursive: true });
        await freshDir(workDir);
        const command = commandFor(options.command, group.env);
        const connectsFile = path.join(socketDir, `connects-${done}.jsonl`);
        const wrapped = isolation ? await isolation.wrap(command, { systemZone: group.systemZone ?? DEFAULT_SYSTEM_ZONE, connectsFile }) : command;
        // As the run's proxy the tap answers only what is addressed to the base URLs of the run.
        tap.standFor(baseUrlOrigins(group.env));
        if ('begin' in recorder) recorder.begin(group.id, run);
        const outcome = await runCommand(wrapped, group.env, workDir, options.timeoutMs);
        if ('end' in recorder) await recorder.end();
        done++;
        if (baselineIds.has(group.id)) lastBaselineOutcome = outcome;
        if (options.keepCaptures) await keepRunDirs(root, `${group.id}-run${run}`, home, workDir);
        const failure = runFailure(outcome, run, options.timeoutMs);
        if (failure) errors.push(failure);
        const requests = tap.requests().slice(before.requests);
        // A refused proxy request is where the tool tried to go (reached), not a request it sent.
        runs.push(maskBaseUrlHosts(requests.filter((r) => !r.refused).map(toObserved), group.env));
        reached.push([
          ...tapReach(requests),
          ...dnsReach(dns?.questions().slice(before.questions) ?? []),
          // Precise capture sees connects to every port; the relay only those to 80 and 443.
          ...('runs' in recorder ? attemptReach(recorder.runs.at(-1)?.attempts ?? []) : await caughtReach(connectsFile)),
        ]);
        if (outcome.spawnError !== undefined || outcome.notFound !== undefined) break;
      }
      results.set(group.id, { runs, errors });
      reach.set(group.id, reached);
    }

    const baselineRuns = [...baselineIds].flatMap((id) => results.get(id)?.runs.flat() ?? []);
    const baselineModelCalls = baselineRuns.filter(isModelRequest).length;
    // The same failure in two baselines (run 1 not found in each) is said once.
    const baselineErrors = [...new Map([...baselineIds].flatMap((id) => results.get(id)?.errors ?? []).map((e) => [JSON.stringify(e), e])).values()];
    const analysis = analyseProbe(plan, results);
    const reachAnalysis = analyseReach(plan, reach);
    const requestsCaptured = tap.requests().length;
    const errorMessage: ProbeErrorMessage | undefined =
      baselineModelCalls === 0
        ? {
            id: 'probe-error.no-model-request',
            otherRequests: baselineRuns.length,
            failures: baselineErrors,
            ...toolOutput(lastBaselineOutcome),
            hint: baseUrlHint(options.command),
          }
        : undefined;
    const error = errorMessage && renderMessage(errorMessage, 'en');
    const source = error ? null : zoneSource(analysis.factors);
    const gaps = reachGaps(isolation, !('unavailable' in recorder));
    const summaryMessage: ProbeSummaryMessage = error
      ? { id: 'probe-summary.failed' }
      : probeSummaryMessage(analysis.factors, requestsCaptured, reachAnalysis.findings);
    const report: ProbeReport = {
      command: options.command,
      startedAt,
      finishedAt: new Date().toISOString(),
      runsPerVariant: options.runs,
      requestsCaptured,
      isolated: isolation !== null,
      noise: analysis.noise,
      factors: error ? [] : analysis.factors,
      summary: renderMessage(summaryMessage, 'en'),
      summaryMessage,
      ...(error ? { error, errorMessage } : {}),
      ...('runs' in recorder
        ? { attempts: recorder.runs }
        : { attemptsUnavailable: recorder.unavailable, ...(recorder.why ? { attemptsUnavailableMessage: recorder.why } : {}) }),
      ...(source ? { zoneSource: source } : {}),
      ...(systemZoneUnavailable
        ? { systemZoneUnavailable: renderMessage(systemZoneUnavailable, 'en'), systemZoneUnavailableMessage: systemZoneUnavailable }
        : {}),
      reached: reachAnalysis.reached,
      reachFindings: error ? [] : reachAnalysis.findings,
      ...(gaps.length > 0 ? { reachGaps: gaps.map((gap) => renderMessage(gap, 'en')), reachGapMessages: gaps } : {}),
    };
    // Born redacted (its command line, error lines quoting the tool's stderr, captured values), so
    // neither the saved JSON nor the printed report can carry a secret.
    return { report: ProbeReport.parse(redactDeep(report)), keptDir: options.keepCaptures ? root : null };
  } finally {
    if ('stop' in recorder) await recorder.stop();
    await dns?.close();
    await isolation?.close();
    await rm(socketDir, { recursive: true, force: true });
    await tap.close();
    if (!options.keepCaptures) await rm(root, { recursive: true, force: true });
  }
}
