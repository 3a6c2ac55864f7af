import { describe, expect, it } from 'vitest';
import { defaultConfigDir, defaultStateDir } from '../../../main/adapters/state-dir.js';

describe('state dir', () => {
  it('follows each platform convention', () => {
    expect(defaultStateDir({}, '/home/a', 'linux')).toBe('/home/a/.local/state/telltale');
    expect(defaultStateDir({ XDG_STATE_HOME: '/s' }, '/home/a', 'linux')).toBe('/s/telltale');
    expect(defaultStateDir({ XDG_STATE_HOME: 'rel' }, '/home/a', 'linux')).toBe('/home/a/.local/state/telltale');
    expect(defaultStateDir({}, '/Users/a', 'darwin')).toBe('/Users/a/Library/Application Support/Telltale');
    expect(defaultStateDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'C:\\Users\\a', 'win32')).toBe(
      'C:\\Users\\a\\AppData\\Local\\Telltale',
    );
  });
});

describe('config dir', () => {
  it('follows each platform convention', () => {
    expect(defaultConfigDir({}, '/home/a', 'linux')).toBe('/home/a/.config/telltale');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: '/c' }, '/home/a', 'linux')).toBe('/c/telltale');
    expect(defaultConfigDir({ XDG_CONFIG_HOME: 'rel' }, '/home/a', 'linux')).toBe('/home/a/.config/telltale');
    expect(defaultConfigDir({}, '/Users/a', 'darwin')).toBe('/Users/a/Library/Application Support/Telltale');
    expect(defaultConfigDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a', 'win32')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Telltale',
    );
    expect(defaultConfigDir({}, 'C:\\Users\\a', 'win32')).toBe('C:\\Users\\a\\AppData\\Roaming\\Telltale');
  });
});
