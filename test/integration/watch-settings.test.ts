/** `telltale watch` and the settings file: a real CLI run with a temporary HOME and config dir. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let configDir: string;
const env = () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', HOME: path.join(dir, 'home'), XDG_CONFIG_HOME: path.join(dir, 'config') });

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'telltale-watch-settings-'));
  configDir = path.join(dir, 'config', 'telltale');
  await mkdir(configDir, { recursive: true });
  await mkdir(path.join(dir, 'home'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('telltale watch and the settings file', () => {
  it('samples when asked even though the settings say paused', async () => {
    await writeFile(path.join(configDir, 'settings.json'), JSON.stringify({ paused: true, intervalSeconds: 1 }));
    const run = await runCli(['watch', '--count', '2'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/first sample: \d+ signals/);
  });

  it('says why a malformed settings file was set aside, keeps it, and runs with the defaults', async () => {
    await writeFile(path.join(configDir, 'settings.json'), '{"intervalSeconds": 0.1');
    const run = await runCli(['watch', '--interval', '0.2', '--count', '1'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^telltale: The settings file is not valid JSON .*moved to .*settings\.json\.bad-/);
    const [aside] = (await readdir(configDir)).filter((name) => name.startsWith('settings.json.bad-'));
    expect(await readFile(path.join(configDir, aside ?? ''), 'utf8')).toBe('{"intervalSeconds": 0.1');
  });
});
