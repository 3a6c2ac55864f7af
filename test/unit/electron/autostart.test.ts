import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartEntry, autostartPath, quoteExecArg } from '../../../main/electron/autostart-entry.js';
import { setAutostartEntry } from '../../../main/electron/autostart-file.js';

describe('the Linux autostart entry', () => {
  it('lives in XDG_CONFIG_HOME/autostart (absolute only) or ~/.config/autostart', () => {
    expect(autostartPath({}, '/home/a')).toBe('/home/a/.config/autostart/telltale.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, '/home/a')).toBe('/cfg/autostart/telltale.desktop');
    expect(autostartPath({ XDG_CONFIG_HOME: 'cfg' }, '/home/a')).toBe('/home/a/.config/autostart/telltale.desktop');
  });

  it('quotes Exec arguments as the Desktop Entry spec says', () => {
    expect(quoteExecArg('/opt/Telltale/telltale')).toBe('/opt/Telltale/telltale');
    expect(quoteExecArg('/home/a/My Apps/Telltale.AppImage')).toBe('"/home/a/My Apps/Telltale.AppImage"');
    // $ ` " \ are backslash-escaped inside quotes, then every backslash doubled for the string escape.
    expect(quoteExecArg('/x/$HOME`"\\')).toBe('"/x/\\\\$HOME\\\\`\\\\"\\\\\\\\"');
    expect(quoteExecArg('/x/100%')).toBe('/x/100%%');
    expect(() => quoteExecArg('a\nb')).toThrow(/line break/);
  });

  it('builds an entry that runs the app hidden', () => {
    const text = autostartEntry(['/home/a/Apps/Telltale.AppImage', '--hidden']);
    expect(text.split('\n')).toEqual(
      expect.arrayContaining(['[Desktop Entry]', 'Type=Application', 'Name=Telltale', 'Exec=/home/a/Apps/Telltale.AppImage --hidden']),
    );
    expect(text.endsWith('\n')).toBe(true);
  });

  describe('on disk', () => {
    let home: string;
    beforeEach(async () => {
      home = await mkdtemp(join(tmpdir(), 'telltale-autostart-'));
    });
    afterEach(() => rm(home, { recursive: true, force: true }));

    it('is written when turned on and removed when turned off', async () => {
      const file = autostartPath({}, home);
      await setAutostartEntry(file, ['/opt/Telltale/telltale', '--hidden']);
      expect(await readFile(file, 'utf8')).toContain('Exec=/opt/Telltale/telltale --hidden\n');
      expect((await stat(file)).mode & 0o777).toBe(0o644);
      await setAutostartEntry(file, null);
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      // Turning off what is already off is fine.
      await setAutostartEntry(file, null);
    });
  });
});
