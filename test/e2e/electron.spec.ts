/**
 * The Electron shell, launched for real from the built app: `electron .` runs package.json "main",
 * the bundle dist/electron/main.js. The window has no preload: the UI reaches the main process
 * only by fetching from its own app://telltale/ origin.
 * Needs Electron's binary, which npm downloads on install; where it is missing (no access to its
 * download host) the test is skipped and says why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { TrayState } from '../../main/electron/tray-state.js';
import { NO_ELECTRON_BINARY, electronBinary } from '../helpers/electron-binary.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const binary = electronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
test.skip(!binary, NO_ELECTRON_BINARY);
test.skip(noDisplay, 'No display for Electron: run under `xvfb-run -a`');

test('opens the window and shows the exposure level in the tray', async () => {
  for (const file of ['dist/electron/main.js', 'dist/renderer/index.html']) {
    expect(existsSync(root + file), `${file} is built (npm run build)`).toBe(true);
  }
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    // Chromium refuses to run as root with its OS sandbox; the renderer sandbox option still applies.
    args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, TELLTALE_E2E: '1' },
  });
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    expect(window.url()).toBe('app://telltale/index.html');
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toBe('Telltale');
    // No bridge and nothing of Node: the API is the app:// origin's, fetched like any resource.
    expect(await window.evaluate(() => typeof (window as unknown as { telltale?: unknown }).telltale)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    const status = await window.evaluate(async () => {
      const response = await fetch('/api/getStatus', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return { code: response.status, body: (await response.json()) as { intervalMs?: unknown } };
    });
    expect(status.code).toBe(200);
    expect(typeof status.body.intervalMs).toBe('number');
    // The event stream streams over app:// (read with fetch, as the UI does): status, then the snapshot.
    const stream = await window.evaluate(async () => {
      const response = await fetch('/api/events');
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('event: snapshot')) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      await reader.cancel();
      return { type: response.headers.get('content-type'), events: [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]) };
    });
    expect(stream.type).toBe('text/event-stream; charset=utf-8');
    expect(stream.events.slice(0, 2)).toEqual(['status', 'snapshot']);

    // main.ts exposes this read-only view when TELLTALE_E2E=1; evaluate runs in the main process.
    type E2eView = { telltaleE2E: { trayState(): TrayState; status(): { lastSampleAt: string | null } } };
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as E2eView).telltaleE2E.status().lastSampleAt), { timeout: 30_000 })
      .not.toBeNull();
    const tray = await app.evaluate(() => (globalThis as unknown as E2eView).telltaleE2E.trayState());
    expect(tray.iconName).toBe(`tray-${tray.level}`);
    expect(tray.tooltip).toMatch(/^Telltale — /);
    expect(tray.menu.pauseResume).toBe('Pause monitoring');
    await window.screenshot({ path: test.info().outputPath('electron-window.png') });
  } finally {
    await app.close();
  }
});
