/**
 * The reports' translation cost: the text, Markdown and HTML report of a realistic Chinese setup
 * (Claude Code on Moonshot, an Alibaba email, an npm mirror, a local proxy, Asia/Shanghai) with
 * 100 connections, in English and in Chinese, with every template through i18next (the baseline) and through the
 * translator's fast path, interleaved in the same run. Median of the rounds per report; and one
 * translator call, over every key with its parameters.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RESOURCES, setFastPath, translator, type MessageKey } from '../common/i18n/translate.js';
import type { Language } from '../common/i18n/languages.js';
import type { Snapshot } from '../contract/snapshot.js';
import { systemIo } from '../main/adapters/system-io.js';
import { renderHtml } from '../main/core/snapshot/render-html.js';
import { renderMarkdown } from '../main/core/snapshot/render-markdown.js';
import { renderText } from '../main/core/snapshot/render-text.js';
import { createSnapshotSource } from '../main/sample.js';
import { snapshotWithConnections, writeToolConfigs } from '../test/e2e/live-fixture.js';
import { median, spread, type BenchModule, type BenchOptions, type BenchRow } from './types.js';

const AREA = 'report-i18n';
const CONNECTIONS = 100;

/** Microseconds per translator call: every key once per lap, each with a value for each placeholder. */
function perCall(language: Language, laps: number): number {
  const t = translator(language) as (key: MessageKey, params: Record<string, string>) => string;
  const calls = (Object.keys(RESOURCES.en) as MessageKey[]).map((key) => {
    const names = [...`${RESOURCES.en[key]}${RESOURCES['zh-CN'][key]}`.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);
    return [key, Object.fromEntries(names.map((name) => [name, `${name} value`]))] as const;
  });
  const started = performance.now();
  for (let lap = 0; lap < laps; lap++) for (const [key, params] of calls) t(key, params);
  return ((performance.now() - started) * 1000) / (laps * calls.length);
}

async function realisticSnapshot(): Promise<Snapshot> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'telltale-bench-report-'));
  try {
    await writeToolConfigs(home);
    const env = { HOME: home, PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', HTTPS_PROXY: 'http://127.0.0.1:7890' };
    const source = createSnapshotSource({ ctx: { env, home, platform: process.platform, io: systemIo }, stateDir: path.join(home, 'state') });
    // The sampled machine's own sockets vary; a fixed set of remote connections stands in for a busy one.
    return { ...(await source.take()), connections: (await snapshotWithConnections(CONNECTIONS)).connections };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

const REPORTS = {
  text: (snapshot: Snapshot, language: Language) => renderText(snapshot, { language, width: 100, signals: 'all', includeLoopback: true }),
  markdown: (snapshot: Snapshot, language: Language) => renderMarkdown(snapshot, { language, includeLoopback: true }),
  html: (snapshot: Snapshot, language: Language) => renderHtml(snapshot, { language, includeLoopback: true }),
};

export const reportI18nBench: BenchModule = {
  area: AREA,
  async run(options: BenchOptions): Promise<BenchRow[]> {
    const snapshot = await realisticSnapshot();
    const rounds = options.quick ? 20 : 60;
    const rows: BenchRow[] = [];
    for (const language of ['en', 'zh-CN'] as const) {
      for (const [name, render] of Object.entries(REPORTS)) {
        const times = { i18next: [] as number[], cached: [] as number[] };
        const outputs = new Set<string>();
        for (let round = 0; round < rounds + 3; round++) {
          for (const mode of ['i18next', 'cached'] as const) {
            setFastPath(mode === 'cached');
            const started = performance.now();
            outputs.add(render(snapshot, language));
            // The first rounds warm the JIT and the caches; not counted.
            if (round >= 3) times[mode].push(performance.now() - started);
          }
        }
        setFastPath(true);
        if (outputs.size !== 1) throw new Error(`${name} ${language}: the fast path changed the report`);
        const base = `${name} ${language}, i18next`;
        rows.push(
          { area: AREA, name: base, value: median(times.i18next), unit: 'ms', note: spread(times.i18next) },
          { area: AREA, name: `${name} ${language}, cached`, value: median(times.cached), unit: 'ms', baseline: base, baselineLabel: 'i18next', note: spread(times.cached) },
        );
      }
    }
    for (const language of ['en', 'zh-CN'] as const) {
      const laps = options.quick ? 5 : 20;
      setFastPath(false);
      perCall(language, 1);
      const slow = perCall(language, laps);
      setFastPath(true);
      perCall(language, 1);
      const fast = perCall(language, laps);
      const base = `one call ${language}, i18next`;
      rows.push(
        { area: AREA, name: base, value: slow, unit: 'µs', note: `every key, ${laps} laps` },
        { area: AREA, name: `one call ${language}, cached`, value: fast, unit: 'µs', baseline: base, baselineLabel: 'i18next' },
      );
    }
    const connections = snapshot.connections.length;
    rows.push({ area: AREA, name: 'snapshot', value: snapshot.signals.length, unit: 'signals', note: `${snapshot.inferences.length} inferences, ${connections} connections` });
    return rows;
  },
};
