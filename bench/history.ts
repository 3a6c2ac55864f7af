/**
 * Issue 9: the history store. A simulated 30 days of a busy developer machine are recorded through
 * the store's own write path (SqliteHistory.record, one transaction per 5 s sample), then:
 *   - the database size (target < 200 MB);
 *   - the 24 h Timeline query (target < 50 ms) and the 7 d one, median of 20;
 *   - the history write added to a steady-state sample (target < 2 ms): a real sample of this
 *     machine (main/sample.ts) with the simulated busy load laid over it, recorded into the full
 *     30-day database; baseline: the same sample without recording.
 *
 * What is simulated (seeded, so every run writes the same history): 518,400 samples at 5 s; 25
 * owners (12 AI coding tools and 13 other processes: browser, IDE, chat, docker...) drawing from a
 * pool of 4,000 remote endpoints (most traffic to a few, a long tail to the rest); 08:00-20:00 busy
 * (about 100 open remote connections; each sample 1-2 opened, 1-2 closed, 2 attempts seen by
 * precise capture, 1 in 20 failed), nights quiet (30 connections, a change every ~10 samples);
 * a tool started or stopped ~20 times a day; exposure and inferences changing 4 times a day
 * (each a kept point). About 52,000 events a day, 1.5 million in a month. `--quick` simulates 7 days.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MonitorEvent } from '../contract/events.js';
import type { Connection, ExposureLevel, Inference, Process, Snapshot, Tool } from '../contract/snapshot.js';
import { SqliteHistory } from '../main/adapters/history/sqlite-history.js';
import { DAY_MS } from '../main/core/history/retention.js';
import { createSnapshotSource } from '../main/sample.js';
import { median, spread, type BenchModule, type BenchOptions, type BenchRow } from './types.js';

const AREA = 'history';
const INTERVAL_MS = 5000;
const ENDPOINTS = 4000;
const TOOLS = 12;
const OTHERS = 13;
const QUERY_RUNS = 20;
const WRITE_RUNS = 30;

/** A small seeded PRNG (mulberry32): the same history every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['US', 'US', 'US', 'DE', 'IE', 'NL', 'GB', 'FR', 'JP', 'SG'];
const ORGS = ['Amazon.com, Inc.', 'Google LLC', 'Cloudflare, Inc.', 'Microsoft Corporation', 'GitHub, Inc.', 'Fastly, Inc.', 'Anthropic, PBC', 'Akamai'];

interface Owner {
  process: Process;
  tool: Tool | null;
}

function owners(): Owner[] {
  const list: Owner[] = [];
  for (let i = 0; i < TOOLS + OTHERS; i++) {
    const pid = 10_000 + i;
    const toolId = i < TOOLS ? `tool-${i}` : null;
    const process: Process = { pid, ppid: 1, name: toolId ? 'node' : `app-${i}`, command: `app-${i} --serve`, toolId, startedAt: null };
    const tool: Tool | null = toolId
      ? { id: toolId, name: `Tool ${i}`, running: true, pids: [pid], installed: true, canRead: ['env', 'network'], endpoints: [], inferences: [] }
      : null;
    list.push({ process, tool });
  }
  return list;
}

/** A remote endpoint of the pool, by index: address, port and what geo data would say. */
function endpoint(index: number): Pick<Connection, 'remoteAddress' | 'remotePort' | 'remote'> {
  const a = 3 + (index % 200);
  const b = (index * 7) % 250;
  return {
    remoteAddress: `${a}.${b}.${(index >> 3) % 250}.${index % 250}`,
    remotePort: index % 9 === 0 ? 80 : 443,
    remote: {
      country: COUNTRIES[index % COUNTRIES.length] ?? null,
      asn: 10_000 + (index % 500),
      org: ORGS[index % ORGS.length] ?? null,
      host: index % 3 === 0 ? null : `svc-${index}.example-${index % 40}.com`,
    },
  };
}

const LEVELS: ExposureLevel[] = ['none', 'low', 'elevated', 'high'];

/** Generates the simulated machine's samples one by one, as the monitor would see them. */
export class BusyMachine {
  readonly #random = prng(2026);
  readonly #owners = owners();
  readonly #open = new Map<string, Connection>();
  #nextPort = 30_000;
  #level = 1;
  #inferences: Inference[] = [];

  /** An endpoint for owner `o`: each owner has its own slice of the pool, mostly its first few. */
  #pick(o: number): number {
    const slice = ENDPOINTS / this.#owners.length;
    const r = this.#random();
    return Math.floor(o * slice + (r < 0.8 ? r * 8 : r * slice)) % ENDPOINTS;
  }

  #connection(o: number): Connection {
    const owner = this.#owners[o] as Owner;
    this.#nextPort = this.#nextPort >= 60_000 ? 30_000 : this.#nextPort + 1;
    return {
      pid: owner.process.pid,
      protocol: 'tcp',
      localAddress: '192.168.1.20',
      localPort: this.#nextPort,
      state: 'ESTABLISHED',
      toolId: owner.process.toolId,
      ...endpoint(this.#pick(o)),
    };
  }

  /** How many of something happen this sample, for a mean rate (Poisson-like, cheaply). */
  #count(rate: number): number {
    let n = Math.floor(rate);
    if (this.#random() < rate - n) n += 1;
    return n;
  }

  sample(atMs: number): { snapshot: Snapshot; events: MonitorEvent[] } {
    const at = new Date(atMs).toISOString();
    const hour = new Date(atMs).getUTCHours();
    const busy = hour >= 8 && hour < 20;
    const target = busy ? 100 : 30;
    const events: MonitorEvent[] = [];
    const named = (c: Connection) => ({ ...c, process: this.#owners.find((o) => o.process.pid === c.pid)?.process.name ?? null });
    const opens = this.#count(busy ? 1.5 : 0.1) + Math.max(0, Math.min(5, target - this.#open.size));
    const closes = this.#count(busy ? 1.5 : 0.1) + Math.max(0, Math.min(5, this.#open.size - target));
    for (let i = 0; i < closes && this.#open.size; i++) {
      const key = [...this.#open.keys()][Math.floor(this.#random() * this.#open.size)] as string;
      events.push({ type: 'connection-closed', at, connection: named(this.#open.get(key) as Connection) });
      this.#open.delete(key);
    }
    for (let i = 0; i < opens; i++) {
      const c = this.#connection(Math.floor(this.#random() * this.#owners.length));
      this.#open.set(`${c.localPort}`, c);
      events.push({ type: 'connection-opened', at, connection: named(c) });
    }
    for (let i = this.#count(busy ? 2 : 0.1); i > 0; i--) {
      const o = Math.floor(this.#random() * this.#owners.length);
      const c = this.#connection(o);
      const owner = this.#owners[o] as Owner;
      const failed = this.#random() < 0.05;
      events.push({
        type: 'connection-attempt',
        at,
        attempt: {
          at, pid: owner.process.pid, process: owner.process.name, command: owner.process.command, toolId: owner.process.toolId,
          protocol: 'tcp', localAddress: c.localAddress, localPort: c.localPort ?? 0, remoteAddress: c.remoteAddress ?? '', remotePort: c.remotePort ?? 0,
          remote: c.remote, outcome: failed ? 'failed' : 'established', durationMs: failed ? 3000 : 20, source: 'trace',
        },
      });
    }
    // A tool started or stopped ~20 times a day; exposure and inferences change ~4 times a day.
    if (this.#random() < 20 / 17_280) {
      const tool = (this.#owners[Math.floor(this.#random() * TOOLS)] as Owner).tool as Tool;
      events.push(this.#random() < 0.5 ? { type: 'tool-started', at, toolId: tool.id, name: tool.name, pids: tool.pids } : { type: 'tool-stopped', at, toolId: tool.id, name: tool.name });
    }
    if (this.#random() < 4 / 17_280) {
      const before = LEVELS[this.#level] as ExposureLevel;
      this.#level = (this.#level + 1 + Math.floor(this.#random() * 3)) % LEVELS.length;
      events.push({ type: 'exposure-changed', at, before, after: LEVELS[this.#level] as ExposureLevel });
      const inference: Inference = {
        id: 'location.country', value: COUNTRIES[this.#level] ?? 'US', confidence: 'medium', statement: 'The tools here can infer your country.',
        evidence: ['locale.LANG'], visibleTo: ['tool-0', 'tool-1'],
      };
      events.push({ type: 'inference-gained', at, inference });
      this.#inferences = [inference];
    }
    const snapshot: Snapshot = {
      schemaVersion: 2,
      takenAt: at,
      host: { platform: 'linux', release: '6.8', arch: 'x64' },
      signals: [],
      processes: this.#owners.map((o) => o.process),
      connections: [...this.#open.values()],
      tools: this.#owners.flatMap((o) => (o.tool ? [o.tool] : [])),
      inferences: this.#inferences,
      exposure: { level: LEVELS[this.#level] as ExposureLevel, summary: `exposure ${LEVELS[this.#level]}` },
    };
    return { snapshot, events };
  }
}

function timeQueries(store: SqliteHistory, range: '24h' | '7d'): number[] {
  const times: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const started = performance.now();
    const timeline = store.timeline(range);
    times.push(performance.now() - started);
    if (timeline.activity.length === 0) throw new Error(`the ${range} timeline came back empty`);
  }
  return times;
}

export const historyBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const days = options.quick ? 7 : 30;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-bench-history-'));
    const end = Date.now();
    const start = end - days * DAY_MS;
    // No size cap here: the size measured is what the simulated days take, not what the cap leaves.
    const store = SqliteHistory.open({ dir, redact: (s) => s, now: () => end, retention: { days: days + 1, maxSizeMb: 1_000_000 } });
    try {
      const machine = new BusyMachine();
      let events = 0;
      const fillStarted = performance.now();
      for (let at = start; at < end; at += INTERVAL_MS) {
        const { snapshot, events: sampleEvents } = machine.sample(at);
        events += sampleEvents.length;
        store.record(snapshot, sampleEvents);
        if ((at - start) % DAY_MS < INTERVAL_MS) console.log(`  simulated day ${Math.round((at - start) / DAY_MS) + 1} of ${days} (${((performance.now() - fillStarted) / 1000).toFixed(0)} s)`);
      }
      const fillSeconds = (performance.now() - fillStarted) / 1000;
      store.applyRetention();
      const status = store.status();
      if (status.message) throw new Error(status.message);
      const sizeMb = (status.sizeBytes ?? 0) / 1024 / 1024;
      const endpoints = store.endpoints(undefined).length;
      const day = timeQueries(store, '24h');
      const week = timeQueries(store, '7d');

      // The write added to a real steady-state sample of this machine, the busy load laid over it.
      const source = createSnapshotSource();
      await source.take();
      const plain: number[] = [];
      const recorded: number[] = [];
      const writes: number[] = [];
      const writeCpu: number[] = [];
      for (let i = 0; i < WRITE_RUNS; i++) {
        const t0 = performance.now();
        await source.take();
        plain.push(performance.now() - t0);
        const busy = machine.sample(end + i * INTERVAL_MS);
        const t1 = performance.now();
        const mine = await source.take();
        const took = performance.now() - t1;
        const snapshot = { ...mine, takenAt: busy.snapshot.takenAt, processes: [...mine.processes, ...busy.snapshot.processes], connections: [...mine.connections, ...busy.snapshot.connections] };
        const cpu = process.cpuUsage();
        const t2 = performance.now();
        store.record(snapshot, busy.events);
        const wrote = performance.now() - t2;
        const used = process.cpuUsage(cpu);
        writeCpu.push((used.user + used.system) / 1000);
        writes.push(wrote);
        recorded.push(took + wrote);
      }
      const sample = median(plain);
      const note = `${days} days simulated at 5 s (${(days * DAY_MS / INTERVAL_MS).toLocaleString('en')} samples, ${events.toLocaleString('en')} events, ${endpoints.toLocaleString('en')} tool x endpoint rows) in ${fillSeconds.toFixed(0)} s`;
      return [
        { area: AREA, name: 'database size after the simulated month', value: sizeMb, unit: 'MB', target: { max: 200, of: 'value', strict: true }, note },
        { area: AREA, name: '24 h Timeline query', value: median(day), unit: 'ms', target: { max: 50, of: 'value', strict: true }, note: `${spread(day)} on the full database` },
        { area: AREA, name: '7 d Timeline query', value: median(week), unit: 'ms', note: spread(week) },
        { area: AREA, name: 'steady-state sample, not recorded', value: sample, unit: 'ms', note: `${spread(plain)}; this machine's real sample` },
        {
          area: AREA,
          name: 'history write per sample',
          value: median(writes),
          unit: 'ms',
          baseline: 'steady-state sample, not recorded',
          baselineLabel: 'the sample',
          target: { max: 2, of: 'value', strict: true },
          note: `${spread(writes)}; ~100 remote connections and that sample's events, into the full database`,
        },
        {
          area: AREA,
          name: 'history write per sample (CPU time)',
          value: median(writeCpu),
          unit: 'ms',
          target: { max: 2, of: 'value', strict: true, proxy: true },
          note: `${spread(writeCpu)}; CPU time of this process during the write: less sensitive to a busy machine`,
        },
        {
          area: AREA,
          name: 'steady-state sample + history write',
          value: median(recorded),
          unit: 'ms',
          baseline: 'steady-state sample, not recorded',
          baselineLabel: 'the sample',
          compare: 'difference',
          note: spread(recorded),
        },
      ];
    } finally {
      store.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
