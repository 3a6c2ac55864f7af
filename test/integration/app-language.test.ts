/**
 * The language in force travels in the status: --lang first, then the setting, then the sampled
 * environment's locale; a setting change re-sends the status so every UI follows at once. The
 * status also names what the locale alone gives (systemLanguage), for the language picker.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SamplerStatus } from '../../contract/api.js';
import { createApp, type TelltaleApp } from '../../main/app/create-app.js';
import { processContext } from '../../main/adapters/system-io.js';

const opened: TelltaleApp[] = [];
const dirs: string[] = [];

async function appWith(env: Record<string, string>, language?: { flag?: string; appLocale?: string }): Promise<TelltaleApp> {
  const configDir = await mkdtemp(path.join(os.tmpdir(), 'telltale-lang-'));
  dirs.push(configDir);
  const app = createApp({ ctx: { ...processContext(), env }, configDir, history: false, language });
  opened.push(app);
  return app;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((app) => app.close()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the language in force', () => {
  it('follows the locale, then the setting as it changes, and says so in a status event', async () => {
    const app = await appWith({ LANG: 'zh_CN.UTF-8' });
    expect(app.monitor.status.language).toBe('zh-CN');
    const sent: SamplerStatus[] = [];
    app.events.on('status', (status) => sent.push(status));
    await app.handlers.updateSettings({ language: 'en' });
    expect(app.monitor.status.language).toBe('en');
    expect(sent.at(-1)?.language).toBe('en');
    // What 'system' would give stays named, for the language picker.
    expect(sent.at(-1)?.systemLanguage).toBe('zh-CN');
    await app.handlers.updateSettings({ language: 'system' });
    expect(app.language()).toBe('zh-CN');
  });

  it('takes --lang over the setting, and the app locale after LC_ALL, LC_MESSAGES and LANG', async () => {
    const flagged = await appWith({ LANG: 'en_US.UTF-8' }, { flag: 'zh-CN' });
    await flagged.handlers.updateSettings({ language: 'en' });
    expect(flagged.language()).toBe('zh-CN');
    // --lang and the setting aside, the locale gives English.
    expect(flagged.monitor.status.systemLanguage).toBe('en');
    expect((await appWith({}, { appLocale: 'zh-CN' })).language()).toBe('zh-CN');
    expect((await appWith({ LC_ALL: 'C' }, { appLocale: 'zh-CN' })).language()).toBe('en');
  });

  it('refuses a language it does not speak in the settings', async () => {
    const app = await appWith({});
    await expect(app.handlers.updateSettings({ language: 'fr' } as never)).rejects.toThrow();
    expect(app.settings.get().language).toBe('system');
  });
});
