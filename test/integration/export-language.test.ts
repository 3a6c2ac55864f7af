/** The UI's export (the exportSnapshot API call) writes the Markdown and HTML reports in the language in force, following the setting. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processContext } from '../../main/adapters/system-io.js';
import { createApp, type TelltaleApp } from '../../main/app/create-app.js';

let app: TelltaleApp | undefined;
let configDir: string | undefined;

afterAll(async () => {
  await app?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

describe('exportSnapshot', () => {
  it('follows the language in force: the locale, then the setting as it changes; JSON stays the same', async () => {
    configDir = await mkdtemp(path.join(os.tmpdir(), 'telltale-export-lang-'));
    const ctx = processContext();
    app = createApp({ ctx: { ...ctx, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: ctx.home, LANG: 'zh_CN.UTF-8' } }, configDir, history: false });
    const redaction = { maskHostname: false, maskUsername: false };
    const includeLoopback = false;
    const md = await app.handlers.exportSnapshot({ format: 'md', redaction, includeLoopback });
    expect(md.content).toMatch(/^# Telltale 报告\n/);
    expect((await app.handlers.exportSnapshot({ format: 'html', redaction, includeLoopback })).content).toContain('<html lang="zh-CN">');
    const jsonBefore = JSON.parse((await app.handlers.exportSnapshot({ format: 'json', redaction, includeLoopback })).content) as { schemaVersion: number };

    await app.handlers.updateSettings({ language: 'en' });
    expect((await app.handlers.exportSnapshot({ format: 'md', redaction, includeLoopback })).content).toMatch(/^# Telltale report\n/);
    expect((await app.handlers.exportSnapshot({ format: 'html', redaction, includeLoopback })).content).toContain('<html lang="en">');
    const jsonAfter = JSON.parse((await app.handlers.exportSnapshot({ format: 'json', redaction, includeLoopback })).content) as { schemaVersion: number };
    expect(jsonAfter).toEqual(jsonBefore);
  }, 60_000);
});
