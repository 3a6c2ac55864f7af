/**
 * One sample of this machine, end to end: adapters gather raw observations, the core turns them
 * into signals, tools and inferences, and the result is one contract Snapshot.
 *
 * A source is kept across samples and does on each only what changed: signal samplers rerun when a
 * file they read changed (or once a minute, for commands and the clock), the connection sampler
 * looks up only new sockets and processes, remote addresses are located once, inference reruns
 * only when signals or the tools present change, and each distinct string is redacted once.
 */
import os from 'node:os';
import type { RedactionOptions } from '../contract/api.js';
import type { ReasonCause } from '../contract/reason.js';
import type { ProbeReport, Signal, Snapshot, Tool, ToolSetting } from '../contract/snapshot.js';
import { SCHEMA_VERSION } from '../contract/snapshot.js';
import { createConnectionSampler, type ConnectionSample, type ConnectionSampler } from './adapters/connections-sample.js';
import { createGeoLookup } from './adapters/geo-data.js';
import { rereadOnChange } from './adapters/reread-on-change.js';
import { defaultStateDir } from './adapters/state-dir.js';
import { processContext } from './adapters/system-io.js';
import { buildTools, detectInstalled, matchCommand, matchProcess, readToolSettings, recognizeRunning, TOOL_CATALOG } from './core/catalog/index.js';
import type { SampleContext } from './core/context.js';
import { bounded } from './core/deadline.js';
import { cachedGeoLookup } from './core/geo/cached-lookup.js';
import type { GeoLookup } from './core/geo/types.js';
import { sampleIdentity } from './core/identity/index.js';
import { infer, type InferOutput } from './core/inference/engine.js';
import { withProbeEvidence } from './core/inference/probe-evidence.js';
import { sampleLocale } from './core/locale/index.js';
import { memoLast } from './core/memo.js';
import { sampleProxy } from './core/proxy/index.js';
import { createRedactor, redactDeep } from './core/secrets/policy.js';
import { whatIf } from './core/whatif/what-if.js';
import type { WhatIfResult, WhatIfToggle } from '../contract/whatif.js';
import { errorSignal, okSignal } from './core/signal.js';
import { createConnectionAssembler } from './core/snapshot/assemble-connections.js';
import { redactSnapshot, type RedactOptions } from './core/snapshot/redact.js';
import { loadProbeReports } from './probe/state.js';
import { checkSignals } from './core/snapshot/check-signals.js';

/**
 * How long one sampler may take before its part of the snapshot becomes an error signal. Far above
 * a normal run (milliseconds; commands time out after 5 s, a PAC after 2 s) and short enough that
 * one stuck reader never stalls the monitor.
 */
export const SAMPLER_DEADLINE_MS = 15_000;

export interface SnapshotSourceOptions {
  ctx?: SampleContext;
  /** Per-sampler deadline (default SAMPLER_DEADLINE_MS). */
  deadlineMs?: number;
  /** Where probe reports are read from (default: the platform's state dir). */
  stateDir?: string;
  now?: () => Date;
}

export interface SnapshotSource {
  take(): Promise<Snapshot>;
  /** The connection sampler, whose process cache also attributes connection attempts. */
  readonly sockets: ConnectionSampler;
  /** Offline geo data, cached: locates attempts' remotes as it does sampled connections'. */
  readonly geo: GeoLookup;
  /** Redaction options for a snapshot of this source (what the hostname, user and home are). */
  redaction(snapshot: Snapshot, masks: RedactionOptions): RedactOptions;
  /** The probe reports saved for this user. */
  probes(): Promise<ProbeReport[]>;
  /** `snapshot` (one of this source's) re-inferred with the toggles applied to what it was sampled from; redacted. */
  whatIf(snapshot: Snapshot, toggles: readonly WhatIfToggle[]): WhatIfResult;
}

/** Runs one stage, recording its duration. */
async function timed<T>(timings: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings[name] = Math.round((performance.now() - start) * 10) / 10;
  }
}

/** The error signal that stands for a sampler that failed or missed its deadline. */
function samplerError(name: string, reason: ReasonCause): Signal {
  return errorSignal({ kind: 'system', key: { part: 'sampler', sampler: name } }, `sampler:${name}`, reason);
}

/**
 * One sampler as a stage of the sample: re-read only on change, and never able to lose the sample.
 * Samplers are written not to throw, but one bug (a throw) or one stuck read (past the deadline)
 * costs only its own part, which `standIn` replaces by the error signal saying why.
 */
function stage<T>(name: string, run: (ctx: SampleContext) => Promise<T>, standIn: (error: Signal) => T, deadlineMs: number) {
  const guarded = async (ctx: SampleContext): Promise<T> => {
    try {
      return await run(ctx);
    } catch (error) {
      return standIn(samplerError(name, { id: 'reason.sampler.crashed', sampler: name, detail: (error as Error).message }));
    }
  };
  return bounded(rereadOnChange(guarded), deadlineMs, (ms) => standIn(samplerError(name, { id: 'reason.sampler.missed-deadline', sampler: name, ms })));
}

const signalsOnly = (error: Signal): Signal[] => [error];

type ConnectionOutcome = ConnectionSample & { error?: string };

const noConnections = (error: string): ConnectionOutcome => ({ connections: [], processes: [], source: 'none', notes: [], error });

async function connectionsOrEmpty(sampler: ConnectionSampler): Promise<ConnectionOutcome> {
  try {
    return await sampler.sample();
  } catch (error) {
    return noConnections((error as Error).message);
  }
}

const CONNECTIONS_SIGNAL = { kind: 'system', key: { part: 'connections' } } as const;

function connectionSignal(sample: ConnectionOutcome): Signal {
  if (sample.error) return errorSignal(CONNECTIONS_SIGNAL, 'connections', { id: 'reason.connections.failed', detail: sample.error });
  const meta: Signal['meta'] = { connections: sample.connections.length, processes: sample.processes.length };
  if (sample.notes.length) meta.notes = sample.notes.join('; ');
  return okSignal(CONNECTIONS_SIGNAL, sample.source, `connections:${sample.source}`, meta);
}

/** What inference depends on: the signals and which tools are present and what they can read (not their pids). */
function inferenceKey({ signals, tools }: { signals: readonly Signal[]; tools: readonly Tool[] }): string {
  const present = tools.map((t) => [t.id, t.installed, t.running, t.canRead, t.endpoints, t.telemetryOptOuts, t.installEvidence]);
  return JSON.stringify([signals, present]);
}

/** Masking choices plus what to mask, taken from the snapshot itself. */
export function redactionFor(snapshot: Snapshot, masks: RedactionOptions, home: string): RedactOptions {
  const identity = (field: string) => {
    const found = snapshot.signals.find((s) => s.kind === 'identity' && s.key.field === field && s.status === 'ok');
    return typeof found?.value === 'string' ? found.value : null;
  };
  return { ...masks, hostname: identity('hostname') ?? os.hostname(), username: identity('user'), home };
}

/** A sampler bound to one context, with what it learnt kept between samples. */
/** Each saved report with the catalog tool its command runs, so views and findings name the tool. */
function withToolIds(reports: readonly ProbeReport[]): ProbeReport[] {
  return reports.map((report) => {
    const toolId = report.toolId ?? matchCommand(report.command, TOOL_CATALOG);
    return toolId ? { ...report, toolId } : report;
  });
}

export function createSnapshotSource(options: SnapshotSourceOptions = {}): SnapshotSource {
  const ctx = options.ctx ?? processContext();
  const stateDir = options.stateDir ?? defaultStateDir(ctx.env, ctx.home, ctx.platform);
  const geo = cachedGeoLookup(createGeoLookup());
  const redact = createRedactor();
  const sockets = createConnectionSampler({ redact, matchTool: (process) => matchProcess(process) });
  const assemble = createConnectionAssembler(geo);
  const deadlineMs = options.deadlineMs ?? SAMPLER_DEADLINE_MS;
  const read = {
    proxy: stage('proxy', sampleProxy, signalsOnly, deadlineMs),
    locale: stage('locale', sampleLocale, signalsOnly, deadlineMs),
    identity: stage('identity', sampleIdentity, signalsOnly, deadlineMs),
    toolConfigs: stage('toolConfigs', (c) => readToolSettings(c), (error) => ({ settings: new Map<string, ToolSetting[]>(), signals: [error] }), deadlineMs),
    installed: stage(
      'installed',
      async (c) => ({ found: await detectInstalled(c), problems: [] as Signal[] }),
      (error) => ({ found: new Map<string, string[]>(), problems: [error] }),
      deadlineMs,
    ),
    connections: bounded(connectionsOrEmpty, deadlineMs, (ms) => noConnections(`did not finish within ${ms} ms`)),
    // Unreadable or invalid reports are skipped by the loader; a failure or a stuck read shows none.
    probes: stage('probes', async (c) => withToolIds(await loadProbeReports(stateDir, c.io)), (): ProbeReport[] => [], deadlineMs),
  };
  // Saved probes count too (their findings and the 2026 check's proof); a report never changes once saved.
  const inference = memoLast(
    (input: { signals: Signal[]; tools: Tool[]; probes: ProbeReport[] }): InferOutput => {
      const inferred = infer({ signals: input.signals, tools: input.tools, geo });
      return { ...inferred, ...withProbeEvidence(inferred, input.probes, input.tools) };
    },
    (input) => `${inferenceKey(input)}\u0000${input.probes.map((p) => `${p.startedAt} ${p.command.join(' ')}`).join('\u0001')}`,
  );

  async function take(): Promise<Snapshot> {
    const now = options.now?.() ?? new Date();
    const timings: Record<string, number> = {};
    const start = performance.now();
    const [proxy, locale, identity, toolConfig, installed, sampled, probes] = await Promise.all([
      timed(timings, 'proxy', () => read.proxy(ctx)),
      timed(timings, 'locale', () => read.locale(ctx)),
      timed(timings, 'identity', () => read.identity(ctx)),
      timed(timings, 'toolConfigs', () => read.toolConfigs(ctx)),
      timed(timings, 'installed', () => read.installed(ctx)),
      timed(timings, 'connections', () => read.connections(sockets)),
      read.probes(ctx),
    ]);

    // The sampler matched each process against the catalog once in its lifetime.
    const running = recognizeRunning(sampled.processes, TOOL_CATALOG, (process) => process.ownToolId);
    const { connections, processes } = await timed(timings, 'assemble', async () => assemble(sampled, running));
    const signals = checkSignals([...locale, ...proxy, ...identity, ...toolConfig.signals, ...installed.problems, connectionSignal(sampled)]);
    const baseTools = buildTools(TOOL_CATALOG, running, installed.found, toolConfig.settings);
    const { inferences, checks, exposure } = await timed(timings, 'inference', async () => inference({ signals, tools: baseTools, probes }));
    const tools = baseTools.map((tool) => ({
      ...tool,
      inferences: [...new Set(inferences.filter((i) => i.visibleTo.includes(tool.id)).map((i) => i.id))],
    }));

    const body: Snapshot = {
      schemaVersion: SCHEMA_VERSION,
      takenAt: now.toISOString(),
      host: { platform: os.platform(), release: os.release(), arch: os.arch() },
      signals,
      processes,
      connections: [],
      tools,
      inferences,
      checks,
      exposure,
      probes,
    };
    // Secrets never leave the core: command lines were redacted once per process by the sampler,
    // signals at their source; this last pass covers every other string (each distinct one once).
    // Connections hold only addresses, ports, states and offline geo data, so they skip it.
    const redacted = redactSnapshot(body, redactionFor(body, { maskHostname: false, maskUsername: false }, ctx.home), redact);
    timings.total = Math.round((performance.now() - start) * 10) / 10;
    return { ...redacted, connections, timings };
  }

  return {
    take,
    sockets,
    geo,
    redaction: (snapshot, masks) => redactionFor(snapshot, masks, ctx.home),
    probes: async () => withToolIds(await loadProbeReports(stateDir)),
    whatIf: (snapshot, toggles) => {
      const input = { signals: snapshot.signals, tools: snapshot.tools, env: ctx.env, geo, now: options.now?.() ?? new Date() };
      const result = whatIf(input, toggles);
      // The toggles change the environment, not what probes saw the tools do: both sides count them, as a snapshot does.
      const probed = (side: WhatIfResult['before']) => ({ ...side, ...withProbeEvidence(side, snapshot.probes ?? [], snapshot.tools) });
      return redactDeep({ ...result, before: probed(result.before), after: probed(result.after) }, { text: redact }) as WhatIfResult;
    },
  };
}
