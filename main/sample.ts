/**
 * One sample of this machine, end to end: adapters gather raw observations, the core turns them
 * into signals, tools and inferences, and the result is one contract Snapshot. The CLI, the browser
 * host and the Electron shell all sample through here.
 */
import os from 'node:os';
import type { Connection, ProbeReport, Signal, Snapshot } from '../contract/snapshot.js';
import { SCHEMA_VERSION } from '../contract/snapshot.js';
import type { ExportFormat, ExportResult, RedactionOptions } from '../contract/api.js';
import { createConnectionSampler, type ConnectionSample, type ConnectionSampler } from './adapters/connections-sample.js';
import { createGeoLookup } from './adapters/geo-data.js';
import { processContext } from './adapters/system-io.js';
import {
  attributeConnections,
  buildTools,
  detectInstalled,
  matchProcess,
  readToolSettings,
  recognizeRunning,
  TOOL_CATALOG,
} from './core/catalog/index.js';
import type { SampleContext } from './core/context.js';
import type { GeoLookup } from './core/geo/types.js';
import { enrichConnections } from './core/geo/enrich.js';
import { sampleIdentity } from './core/identity/index.js';
import { infer } from './core/inference/engine.js';
import { sampleLocale } from './core/locale/index.js';
import { sampleProxy } from './core/proxy/index.js';
import { redactText } from './core/secrets.js';
import { errorSignal, okSignal } from './core/signal.js';
import { diffSnapshots } from './core/snapshot/diff.js';
import { exportSnapshot } from './core/snapshot/export.js';
import { redactSnapshot, type RedactOptions } from './core/snapshot/redact.js';
import { parseSnapshotJson } from './core/snapshot/validate.js';
import { defaultStateDir, loadProbeReports } from './probe/state.js';
import { ApiError } from './service/api-handlers.js';

export interface SnapshotSourceOptions {
  ctx?: SampleContext;
  /** Where probe reports are read from (default: the platform's state dir). */
  stateDir?: string;
  now?: () => Date;
}

/** Runs one stage, recording its duration; a stage that throws becomes an error signal. */
async function timed<T>(timings: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings[name] = Math.round((performance.now() - start) * 10) / 10;
  }
}

async function guarded(name: string, run: () => Promise<Signal[]>): Promise<Signal[]> {
  try {
    return await run();
  } catch (error) {
    // Samplers are written not to throw; this keeps one bug from losing the rest of the sample.
    return [errorSignal(`system.sampler.${name}`, 'system', `sampler:${name}`, `sampler failed: ${(error as Error).message}`)];
  }
}

async function connectionsOrEmpty(sampler: ConnectionSampler): Promise<ConnectionSample & { error?: string }> {
  try {
    return await sampler.sample();
  } catch (error) {
    return { connections: [], processes: [], source: 'none', notes: [], error: (error as Error).message };
  }
}

function connectionSignal(sample: ConnectionSample & { error?: string }): Signal {
  if (sample.error) return errorSignal('system.connections', 'system', 'connections', sample.error);
  const meta: Signal['meta'] = { connections: sample.connections.length, processes: sample.processes.length };
  if (sample.notes.length) meta.notes = sample.notes.join('; ');
  return okSignal('system.connections', 'system', sample.source, `connections:${sample.source}`, meta);
}

/** Today's contract still copies the owner's name and (redacted) command onto each connection. */
function toContractConnections(sample: ConnectionSample): Connection[] {
  const byPid = new Map(sample.processes.map((p) => [p.pid, p]));
  return sample.connections.map(({ pid, ownerUnknown: _unknown, ...socket }) => {
    const owner = pid === null ? undefined : byPid.get(pid);
    return { pid, process: owner?.name ?? null, command: owner?.command || null, ...socket, remote: null, toolId: null };
  });
}

export async function takeSnapshot(
  ctx: SampleContext,
  geo: GeoLookup,
  sampler: ConnectionSampler,
  stateDir: string,
  now = new Date(),
): Promise<Snapshot> {
  const timings: Record<string, number> = {};
  const start = performance.now();
  const [proxy, locale, identity, toolConfig, installed, sockets, probes] = await Promise.all([
    timed(timings, 'proxy', () => guarded('proxy', () => sampleProxy(ctx))),
    timed(timings, 'locale', () => guarded('locale', () => sampleLocale(ctx))),
    timed(timings, 'identity', () => guarded('identity', () => sampleIdentity(ctx))),
    timed(timings, 'toolConfigs', () => readToolSettings(ctx)),
    timed(timings, 'installed', () => detectInstalled(ctx)),
    timed(timings, 'connections', () => connectionsOrEmpty(sampler)),
    loadProbeReports(stateDir).catch((): ProbeReport[] => []),
  ]);

  const running = recognizeRunning(sockets.processes);
  const connections = await timed(timings, 'geo', async () =>
    enrichConnections(attributeConnections(toContractConnections(sockets), running), geo),
  );
  const signals = [...locale, ...proxy, ...identity, ...toolConfig.signals, connectionSignal(sockets)];
  const baseTools = buildTools(TOOL_CATALOG, running, installed, toolConfig.settings);
  const { inferences, checks, exposure } = await timed(timings, 'inference', async () =>
    infer({ signals, tools: baseTools, geo }),
  );
  const tools = baseTools.map((tool) => ({
    ...tool,
    inferences: [...new Set(inferences.filter((i) => i.visibleTo.includes(tool.id)).map((i) => i.id))],
  }));
  timings.total = Math.round((performance.now() - start) * 10) / 10;

  const snapshot: Snapshot = {
    schemaVersion: SCHEMA_VERSION,
    takenAt: now.toISOString(),
    host: { platform: os.platform(), release: os.release(), arch: os.arch() },
    signals,
    connections,
    tools,
    inferences,
    checks,
    exposure,
    probes,
    timings,
  };
  // Secrets never leave the core: command lines, config values and probe texts are scrubbed here,
  // before the snapshot reaches the UI, the CLI or a file. Masking hostname/user is the exporter's choice.
  return redactSnapshot(snapshot, redactionFor(snapshot, { maskHostname: false, maskUsername: false }, ctx.home));
}

/** Masking choices plus what to mask, taken from the snapshot itself. */
export function redactionFor(snapshot: Snapshot, masks: RedactionOptions, home: string): RedactOptions {
  const value = (id: string) => {
    const v = snapshot.signals.find((s) => s.id === id && s.status === 'ok')?.value;
    return typeof v === 'string' ? v : null;
  };
  return { ...masks, hostname: value('identity.hostname') ?? os.hostname(), username: value('identity.user'), home };
}

export interface SnapshotSource {
  take(): Promise<Snapshot>;
  /** Redaction options for a snapshot of this source (what the hostname, user and home are). */
  redaction(snapshot: Snapshot, masks: RedactionOptions): RedactOptions;
  /** The collaborators the API handlers need, bound to this source. */
  apiDeps(): {
    exportSnapshot: (snapshot: Snapshot, format: ExportFormat, redaction: RedactionOptions) => ExportResult;
    diffWithCurrent: (previousJson: string, current: Snapshot) => ReturnType<typeof diffSnapshots>;
    getProbes: () => Promise<ProbeReport[]>;
  };
}

/**
 * A sampler bound to one context; the offline geo data is loaded once and the connection sampler
 * (with its process and socket caches) kept across samples.
 */
export function createSnapshotSource(options: SnapshotSourceOptions = {}): SnapshotSource {
  const ctx = options.ctx ?? processContext();
  const stateDir = options.stateDir ?? defaultStateDir(ctx.env, ctx.home, ctx.platform);
  const geo = createGeoLookup();
  const sampler = createConnectionSampler({ redact: redactText, matchTool: (process) => matchProcess(process) });
  return {
    take: () => takeSnapshot(ctx, geo, sampler, stateDir, options.now?.()),
    redaction: (snapshot, masks) => redactionFor(snapshot, masks, ctx.home),
    apiDeps: () => ({
      exportSnapshot: (snapshot, format, masks) => exportSnapshot(snapshot, format, redactionFor(snapshot, masks, ctx.home)),
      diffWithCurrent: (previousJson, current) => {
        const previous = parseSnapshotJson(previousJson);
        if (!previous.ok) throw new ApiError(400, `Not a Telltale snapshot: ${previous.errors.slice(0, 5).join('; ')}`);
        return diffSnapshots(previous.snapshot, current);
      },
      getProbes: () => loadProbeReports(stateDir),
    }),
  };
}
