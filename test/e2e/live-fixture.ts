/**
 * Helpers for the end-to-end tests against this machine (live.spec.ts) and for the UI at scale
 * (ui-scale.spec.ts, bench/ui.ts): a HOME with tool configs, real child processes (the CLI, a
 * process holding a TCP connection), a snapshot with many connections, and in-page timing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { Snapshot, type Connection } from '../../contract/snapshot.js';
import type { Language } from '../../common/i18n/languages.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const rendererDir = join(repoRoot, 'dist', 'renderer');
const cliPath = join(repoRoot, 'bin', 'telltale.js');

type Env = Record<string, string | undefined>;

/**
 * The realistic machine of the views' specs, under `root`: a HOME with Claude Code on Moonshot, an
 * alibaba-inc.com git email and an npm mirror; `bins` as stub tools on PATH; Asia/Shanghai, zh_CN
 * and a local proxy. Returns the environment to run `telltale` in.
 */
export async function realisticMachine(root: string, bins: readonly string[]) {
  const home = join(root, 'home');
  await writeToolConfigs(home);
  await mkdir(join(root, 'bin'));
  for (const bin of bins) await writeFile(join(root, 'bin', bin), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return {
    PATH: `${join(root, 'bin')}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: home,
    TZ: 'Asia/Shanghai',
    LANG: 'zh_CN.UTF-8',
    HTTPS_PROXY: 'http://127.0.0.1:7890',
    NO_PROXY: 'localhost',
    XDG_STATE_HOME: join(root, 'state'),
    XDG_CONFIG_HOME: join(root, 'config'),
  };
}

/** Writes the configs that make Claude Code "installed with settings" and feed the inferences. */
export async function writeToolConfigs(home: string): Promise<void> {
  await mkdir(join(home, '.claude'), { recursive: true });
  await writeFile(
    join(home, '.claude', 'settings.json'),
    JSON.stringify({ env: { ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic', HTTPS_PROXY: 'http://u:secretpw@10.9.8.7:3128' } }, null, 2),
  );
  await writeFile(join(home, '.gitconfig'), '[user]\n\tname = Test Developer\n\temail = dev@alibaba-inc.com\n');
  await writeFile(join(home, '.npmrc'), 'registry=https://registry.npmmirror.com/\n');
}

/** `telltale <args>` to completion; rejects (with its output) when it exits non-zero. */
export async function runCli(args: string[], env: Env): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [cliPath, ...args], { env, cwd: repoRoot, timeout: 120_000 });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the child exits first or time runs out. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const done = (fn: () => void) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      fn();
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) done(() => resolve(match));
    };
    const onExit = (code: number | null) => done(() => reject(new Error(`child exited (${code}) before printing ${pattern}:\n${out}${err}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}${err}`))), timeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** A Node process holding one open TCP connection to 127.0.0.1:port, until killed. */
export async function holdConnection(port: number): Promise<ChildProcess> {
  const script = `require('net').connect(${port}, '127.0.0.1', () => console.log('connected')).on('error', (e) => { console.error(e.message); process.exit(1); }); setInterval(() => {}, 1e6);`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await waitForLine(child, /connected/, 10_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return child;
}

/** `telltale serve --port 0` with `env`; resolves once it prints its URL. */
/**
 * `telltale serve` on a free port. The UI speaks `language` whatever the sampled locale is (the
 * realistic setup's zh_CN would otherwise make it Chinese); null leaves it to the setting and the locale.
 */
export async function startServe(env: Env, intervalSeconds = 1, language: Language | null = 'en'): Promise<{ child: ChildProcess; url: string }> {
  const lang = language === null ? [] : ['--lang', language];
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--interval', String(intervalSeconds), ...lang], {
    env,
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const match = await waitForLine(child, /Telltale is serving on (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/, 30_000);
    return { child, url: match[1] as string };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** SIGTERM (the CLI shuts down cleanly on it), then SIGKILL if it has not exited within 5 s. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---- The UI at scale ----

/** Remote host of the single connection that a filter must find among all the others. */
export const NEEDLE_HOST = 'needle.scale-test.example';

/**
 * The Linux sample fixture with `count` connections: its connections replicated with distinct
 * pids, local ports and remote addresses (10.x.y.z); exactly one goes to NEEDLE_HOST at 198.51.100.77.
 */
export async function snapshotWithConnections(count: number): Promise<Snapshot> {
  const base = Snapshot.parse(JSON.parse(await readFile(join(repoRoot, 'test/fixtures/snapshot/linux-sample.json'), 'utf8')));
  const templates = base.connections.filter((c) => c.remoteAddress !== null);
  const connections: Connection[] = Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length] as Connection;
    const needle = i === Math.floor(count / 2);
    return {
      ...template,
      pid: 100_000 + i,
      localPort: 1024 + (i % 60_000),
      remoteAddress: needle ? '198.51.100.77' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      remote: needle ? { country: 'NL', asn: 64_500, org: 'Scale Test Org', host: NEEDLE_HOST } : template.remote,
    };
  });
  return { ...base, connections };
}

/** Summary of per-frame milliseconds. */
export interface FrameStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export function frameStats(samples: readonly number[]): FrameStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { frames: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1] ?? NaN };
}

// In-page code is kept as source text: transpilers (tsx, Playwright's) may add helpers to
// functions that do not exist in the page, and this tsconfig has no DOM types anyway.

/**
 * Scrolls the element by `stepPx` per animation frame for `frames` frames, bouncing between top and
 * bottom (without stepPx: from top to bottom in `frames` equal steps). Returns the intervals between
 * frames (capped below by the display's refresh) and, per step, the work the step itself costs:
 * the scroll handler (the virtualizer re-renders synchronously on scroll) plus style and layout,
 * forced right away instead of waiting for the frame.
 */
const SCROLL_FRAMES = `async ({ selector, frames, stepPx }) => {
  const box = document.querySelector(selector);
  if (!box) throw new Error('no element ' + selector);
  box.scrollTop = 0;
  const range = box.scrollHeight - box.clientHeight;
  const step = stepPx ?? range / frames;
  const intervals = [];
  const work = [];
  let last = 0;
  for (let n = 1; n <= frames + 1; n++) {
    const now = await new Promise((resolve) => requestAnimationFrame(resolve));
    if (last) intervals.push(now - last);
    last = now;
    if (n > frames) break;
    const travelled = range > 0 ? (step * n) % (2 * range) : 0;
    const started = performance.now();
    box.scrollTop = Math.round(travelled <= range ? travelled : 2 * range - travelled);
    box.dispatchEvent(new Event('scroll'));
    box.lastElementChild?.lastElementChild?.getBoundingClientRect();
    work.push(performance.now() - started);
  }
  return { intervals, work };
}`;

export interface ScrollTimes {
  /** ms between animation frames while scrolling. */
  intervals: number[];
  /** ms of script, style and layout per scroll step. */
  work: number[];
}

export async function scrollFrameTimes(page: Page, selector: string, frames: number, stepPx?: number): Promise<ScrollTimes> {
  return page.evaluate<ScrollTimes>(`(${SCROLL_FRAMES})(${JSON.stringify({ selector, frames, stepPx })})`);
}

/**
 * Clicks a nav button and times until `selector` matches (DOM ready) and until the frame after
 * that has been produced (rAF then a task: roughly painted).
 */
const TIME_VIEW = `async ({ view, selector }) => {
  const button = [...document.querySelectorAll('nav button')].find((b) => b.textContent === view);
  if (!button) throw new Error('no nav button ' + view);
  const started = performance.now();
  const ready = new Promise((resolve) => {
    const check = () => document.querySelector(selector) && (observer.disconnect(), resolve(performance.now()));
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true });
  });
  button.click();
  const domMs = (await ready) - started;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return { domMs, frameMs: performance.now() - started };
}`;

export async function timeViewRender(page: Page, view: string, selector: string): Promise<{ domMs: number; frameMs: number }> {
  return page.evaluate<{ domMs: number; frameMs: number }>(`(${TIME_VIEW})(${JSON.stringify({ view, selector })})`);
}
