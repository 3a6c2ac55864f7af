/** The settings store on real files in a temp dir: defaults, bad files kept aside, atomic writes, external edits. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../../contract/settings.js';
import { MAX_SETTINGS_BYTES, readSettingsFile } from '../../../main/adapters/settings-file.js';
import { onSettingChange, openSettingsStore, type SettingsStore } from '../../../main/settings/settings-store.js';
import { settingsProblemText } from '../../../common/i18n/render-settings.js';

const DEFAULTS = Settings.parse({});
let dir: string;
let file: string;
const stores: SettingsStore[] = [];

function open(options: { watch?: boolean } = {}): SettingsStore {
  const store = openSettingsStore({ file, watch: options.watch ?? false, watchDebounceMs: 20 });
  stores.push(store);
  return store;
}

/** Resolves on the store's next change, or rejects after `ms`. */
function nextChange(store: SettingsStore, ms = 5000): Promise<Settings> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no change within ${ms} ms`));
    }, ms);
    const off = store.onChange((settings) => {
      clearTimeout(timer);
      off();
      resolve(settings);
    });
  });
}

const asideFiles = () => readdirSync(dir).filter((name) => name.startsWith('settings.json.bad-'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telltale-settings-'));
  file = join(dir, 'settings.json');
});

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the settings store', () => {
  it('starts with the defaults when there is no file, and writes nothing until something changes', () => {
    const store = open();
    expect(store.get()).toEqual(DEFAULTS);
    expect(store.status()).toEqual({ file, problem: null, keptAside: null });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads a valid file, filling in what it leaves out', () => {
    writeFileSync(file, JSON.stringify({ intervalSeconds: 12, notifications: { mutedRules: ['tool-started'] } }));
    const settings = open().get();
    expect(settings.intervalSeconds).toBe(12);
    expect(settings.notifications).toEqual({ enabled: true, mutedRules: ['tool-started'], mutedTools: [] });
    expect(settings.history).toEqual(DEFAULTS.history);
  });

  it.each([
    ['malformed JSON', '{"intervalSeconds": 12,', /is not valid JSON/, /^设置文件不是有效的 JSON（.+）；已将其移至 /],
    ['invalid values', JSON.stringify({ intervalSeconds: 0, paused: 'yes' }), /has invalid values: .*intervalSeconds/, /^设置文件包含无效的值：.*intervalSeconds/],
    ['an unknown rule', JSON.stringify({ notifications: { mutedRules: ['everything'] } }), /has invalid values/, /^设置文件包含无效的值：/],
  ])('starts with the defaults on %s, keeps the file aside byte for byte and says why, in English and in Chinese', (_name, content, reason, chinese) => {
    writeFileSync(file, content);
    const store = open();
    expect(store.get()).toEqual(DEFAULTS);
    const status = store.status();
    expect(status.problem).toMatch(reason);
    expect(status.keptAside).toMatch(/settings\.json\.bad-\d{8}T\d{6}Z$/);
    expect(readFileSync(status.keptAside ?? '', 'utf8')).toBe(content);
    expect(status.problem).toContain(status.keptAside);
    // The English text is the message's English rendering; the Chinese one names the same file.
    expect(status.problemMessage).toMatchObject({ id: 'settings-problem.moved-aside', aside: status.keptAside });
    expect(settingsProblemText(status, 'en')).toBe(status.problem);
    const zh = settingsProblemText(status, 'zh-CN') ?? '';
    expect(zh).toMatch(chinese);
    expect(zh).toContain(`${status.keptAside}，继续使用当前设置。`);
  });

  it('refuses a file larger than the cap without reading it whole', () => {
    writeFileSync(file, `{"x":"${'a'.repeat(MAX_SETTINGS_BYTES)}"}`);
    const store = open();
    expect(store.status().problem).toMatch(/larger than 262144 bytes/);
    expect(store.get()).toEqual(DEFAULTS);
    expect(asideFiles()).toHaveLength(1);
  });

  it('moves a directory at the path aside', () => {
    mkdirSync(file);
    writeFileSync(join(file, 'inside.txt'), 'kept');
    const store = open();
    expect(store.status().problem).toMatch(/cannot be read \(.*: a directory, not a regular file\)/);
    expect(readFileSync(join(store.status().keptAside ?? '', 'inside.txt'), 'utf8')).toBe('kept');
  });

  it.skipIf(process.platform === 'win32')('does not hang on a FIFO at the path (checked in a child process that is killed if it does)', () => {
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const store = fileURLToPath(new URL('../../../main/settings/settings-store.ts', import.meta.url));
    const script = `import { openSettingsStore } from ${JSON.stringify(store)};
      const s = openSettingsStore({ file: ${JSON.stringify(file)}, watch: false });
      console.log(JSON.stringify({ status: s.status(), interval: s.get().intervalSeconds }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal, 'the child hung on the FIFO and was killed').toBeNull();
    const out = JSON.parse(run.stdout) as { status: { problem: string; keptAside: string }; interval: number };
    expect(out.interval).toBe(DEFAULTS.intervalSeconds);
    expect(out.status.problem).toMatch(/cannot be read \(.*: a FIFO, not a regular file\)/);
    expect(statSync(out.status.keptAside).isFIFO()).toBe(true);
  });

  it('saves an update atomically (private mode, no temp file left) and reads it back', async () => {
    const store = open();
    const changes: Array<[Settings, Settings]> = [];
    store.onChange((now, before) => changes.push([now, before]));
    const saved = await store.update({ intervalSeconds: 30, notifications: { mutedTools: ['claude-code'] } });
    expect(saved.intervalSeconds).toBe(30);
    expect(saved.notifications).toEqual({ enabled: true, mutedRules: [], mutedTools: ['claude-code'] });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readSettingsFile(file)).toEqual({ kind: 'ok', settings: saved });
    expect(changes).toEqual([[saved, DEFAULTS]]);

    // The same patch again changes nothing and announces nothing.
    await store.update({ intervalSeconds: 30 });
    expect(changes).toHaveLength(1);
    // Concurrent updates apply one after the other, none lost.
    await Promise.all([store.update({ paused: true }), store.update({ launchAtLogin: true })]);
    expect(open().get()).toMatchObject({ intervalSeconds: 30, paused: true, launchAtLogin: true });
  });

  it('rejects an update it cannot save and keeps the settings in force', async () => {
    // The config dir's place is taken by a file: the folder cannot be created.
    writeFileSync(join(dir, 'blocker'), '');
    const store = openSettingsStore({ file: join(dir, 'blocker', 'settings.json'), watch: false });
    await expect(store.update({ intervalSeconds: 9 })).rejects.toThrow(/Could not save the settings/);
    expect(store.get()).toEqual(DEFAULTS);
  });

  it('picks up an external edit and announces it; an invalid edit is kept aside and the settings stay', async () => {
    const store = open({ watch: true });
    const intervals: number[] = [];
    onSettingChange(store, (s) => s.intervalSeconds, (seconds) => intervals.push(seconds));

    let changed = nextChange(store);
    writeFileSync(file, JSON.stringify({ intervalSeconds: 42, paused: true }));
    expect(await changed).toMatchObject({ intervalSeconds: 42, paused: true });
    expect(intervals).toEqual([42]);

    changed = nextChange(store);
    writeFileSync(file, '{ not json');
    expect(await changed).toMatchObject({ intervalSeconds: 42, paused: true });
    expect(store.status().problem).toMatch(/not valid JSON/);
    expect(readFileSync(store.status().keptAside ?? '', 'utf8')).toBe('{ not json');
    // The settings in force are written back in its place, and that is not taken for an edit.
    await expect.poll(() => readSettingsFile(file), { timeout: 5000 }).toEqual({ kind: 'ok', settings: store.get() });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.get()).toMatchObject({ intervalSeconds: 42, paused: true });
    expect(intervals).toEqual([42]);

    // Our own writes are not announced twice; deleting the file goes back to the defaults.
    await store.update({ intervalSeconds: 7 });
    changed = nextChange(store);
    rmSync(file);
    expect(await changed).toEqual(DEFAULTS);
    expect(intervals).toEqual([42, 7, 5]);
  });

  it('keeps settings in memory when it has no file', async () => {
    const store = openSettingsStore({ file: null });
    expect((await store.update({ paused: true })).paused).toBe(true);
    expect(store.status()).toEqual({ file: null, problem: null, keptAside: null });
    expect(readdirSync(dir)).toEqual([]);
  });
});
