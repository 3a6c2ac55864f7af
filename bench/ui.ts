import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import playwrightConfig from '../playwright.config.js';
import { startHost } from '../test/e2e/host-fixture.js';
import { frameStats, rendererDir, scrollFrameTimes, snapshotWithConnections, timeViewRender } from '../test/e2e/live-fixture.js';
import { median, type BenchModule, type BenchRow } from './types.js';

const SIZES = [100, 10_000] as const;
const RENDER_RUNS = 7;
const SCROLL_FRAMES = 240;
// Three rows per frame, like a brisk wheel scroll; the same for every size, so the work compares.
const SCROLL_STEP_PX = 96;
const FIRST_ROW = '.vtable-body [role="row"]';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The same flags the e2e tests use (no network but loopback, no GPU), from playwright.config.ts.
const launchArgs = playwrightConfig.projects?.find((p) => p.name === 'chromium')?.use?.launchOptions?.args ?? [];

interface Measured {
  renderDom: number;
  renderFrame: number;
  stepMedian: number;
  stepP95: number;
  intervalP95: number;
}

async function measure(page: Page, url: string): Promise<Measured> {
  await page.goto(url);
  const nav = page.getByRole('navigation', { name: 'Views' });
  await page.getByRole('heading', { name: 'Overview', level: 2 }).waitFor();
  const dom: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < RENDER_RUNS; i++) {
    const timed = await timeViewRender(page, 'Connections', FIRST_ROW);
    dom.push(timed.domMs);
    frame.push(timed.frameMs);
    await nav.getByRole('button', { name: 'Overview', exact: true }).click();
  }
  await nav.getByRole('button', { name: 'Connections', exact: true }).click();
  await page.locator(FIRST_ROW).first().waitFor();
  const scroll = await scrollFrameTimes(page, '.vtable', SCROLL_FRAMES, SCROLL_STEP_PX);
  const work = frameStats(scroll.work);
  return {
    renderDom: median(dom),
    renderFrame: median(frame),
    stepMedian: work.medianMs,
    stepP95: work.p95Ms,
    intervalP95: frameStats(scroll.intervals).p95Ms,
  };
}

function rows(size: number, measured: Measured, baseline: number | null): BenchRow[] {
  const row = (name: string, value: number, note: string): BenchRow => ({
    area: 'ui',
    name: `${name}, ${size} connections`,
    value,
    unit: 'ms',
    ...(baseline === null ? {} : { baseline: `${name}, ${baseline} connections`, baselineLabel: `${baseline} connections` }),
    note,
  });
  const renders = `median of ${RENDER_RUNS}`;
  const frames = `${SCROLL_FRAMES} frames at ${SCROLL_STEP_PX} px`;
  return [
    row('Connections view: rows in DOM', measured.renderDom, renders),
    row('Connections view: next frame', measured.renderFrame, renders),
    row('scroll step work median', measured.stepMedian, frames),
    row('scroll step work p95', measured.stepP95, frames),
    row('scroll frame interval p95', measured.intervalP95, `${frames}; 16.7 = every frame at 60 Hz`),
  ];
}

/** The built UI in Chromium: Connections view render and scrolling, 100 (baseline) vs 10,000 connections. */
export const uiBench: BenchModule = {
  area: 'ui',
  async run(): Promise<BenchRow[]> {
    if (!existsSync(executablePath)) {
      console.log(`bench ui skipped: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
      return [];
    }
    if (!existsSync(join(rendererDir, 'index.html'))) {
      console.log('bench ui skipped: dist/renderer is not built (npm run build)');
      return [];
    }
    const browser: Browser = await chromium.launch({ executablePath, args: launchArgs });
    try {
      const result: BenchRow[] = [];
      for (const size of SIZES) {
        const host = await startHost(`${rendererDir}/`, await snapshotWithConnections(size));
        try {
          const page = await browser.newPage();
          result.push(...rows(size, await measure(page, host.server.url), size === SIZES[0] ? null : SIZES[0]));
          await page.close();
        } finally {
          await host.close();
        }
      }
      return result;
    } finally {
      await browser.close();
    }
  },
};
