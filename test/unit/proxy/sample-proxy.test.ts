import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../contract/snapshot.js';
import { sampleProxy } from '../../../main/core/proxy/index.js';
import { fixtureContext } from '../../helpers/fixture-io.js';
import { proxyFixture } from './fixtures.js';

const find = (signals: Signal[], id: string) => signals.filter((s) => s.id === id);

describe('sampleProxy', () => {
  it('on Linux: gsettings missing is one unavailable signal; KDE, env and a local PAC are still sampled', async () => {
    const signals = await sampleProxy(
      fixtureContext({
        env: { https_proxy: 'http://me:pa55word@127.0.0.1:7890' },
        files: { '/home/dev/.config/kioslaverc': proxyFixture('kde-kioslaverc-manual.txt') },
      }),
    );
    expect(find(signals, 'proxy.system.gnome.mode')).toEqual([
      {
        id: 'proxy.system.gnome.mode',
        kind: 'proxy',
        key: { source: 'system', system: 'gnome', setting: 'mode' },
        value: null,
        source: 'cmd:gsettings list-recursively org.gnome.system.proxy',
        status: 'unavailable',
        reason: 'command not found: gsettings',
        reasonMessage: { id: 'reason.command.not-found', command: 'gsettings' },
      },
    ]);
    expect(signals.filter((s) => s.id.startsWith('proxy.system.gnome'))).toHaveLength(1);
    expect(find(signals, 'proxy.system.kde.http')[0]).toMatchObject({ source: 'file:~/.config/kioslaverc', meta: { host: 'proxy.corp.example.cn' } });
    expect(find(signals, 'proxy.effective.https')[0]?.value).toBe('http://me:***@127.0.0.1:7890');
    expect(JSON.stringify(signals)).not.toContain('pa55word');
  });

  it('evaluates a local PAC from GNOME through ctx.io', async () => {
    const signals = await sampleProxy(
      fixtureContext({
        commands: { 'gsettings list-recursively org.gnome.system.proxy': proxyFixture('gsettings-list-recursively-proxy-auto.txt') },
        files: { '/etc/proxy/corp.pac': proxyFixture('corp.pac') },
      }),
    );
    expect(find(signals, 'proxy.pac.gnome')[0]).toMatchObject({ value: 'file:///etc/proxy/corp.pac', meta: { source: 'gnome', scheme: 'file' } });
    expect(find(signals, 'proxy.pac-result.gnome')[0]).toMatchObject({
      status: 'ok',
      value: 'PROXY p.corp.example.cn:8080; DIRECT',
      source: 'file:/etc/proxy/corp.pac',
      meta: { host: 'p.corp.example.cn', port: 8080, source: 'gnome' },
    });
    // KDE absent: unavailable, not an error
    expect(find(signals, 'proxy.system.kde.mode')[0]).toMatchObject({ status: 'unavailable' });
  });

  it('a failing local PAC is an error and the sample goes on', async () => {
    const signals = await sampleProxy(
      fixtureContext({
        commands: { 'gsettings list-recursively org.gnome.system.proxy': proxyFixture('gsettings-list-recursively-proxy-auto.txt') },
        files: {
          '/etc/proxy/corp.pac': proxyFixture('throwing.pac'),
          '/home/dev/.config/kioslaverc': proxyFixture('kde-kioslaverc-truncated.txt'),
        },
      }),
    );
    expect(find(signals, 'proxy.pac-result.gnome')[0]).toMatchObject({ status: 'error', reason: 'PAC script failed: no proxy for api.anthropic.com' });
    expect(find(signals, 'proxy.system.kde.mode')[0]).toMatchObject({ status: 'error' });
    expect(find(signals, 'proxy.system.gnome.mode')[0]).toMatchObject({ status: 'ok', value: 'pac' });
  });

  it('on macOS reads scutil and never fetches a remote PAC', async () => {
    const signals = await sampleProxy(
      fixtureContext({ platform: 'darwin', commands: { 'scutil --proxy': proxyFixture('macos-scutil-proxy-pac.txt') } }),
    );
    expect(find(signals, 'proxy.system.macos.pac')[0]).toMatchObject({ meta: { host: 'wpad.corp.example.com' } });
    expect(find(signals, 'proxy.pac-result.macos')[0]).toMatchObject({
      status: 'unavailable',
      reason: 'remote PAC not fetched (Telltale makes no network connections)',
    });
    expect(signals.some((s) => s.id.includes('gnome') || s.id.includes('kde'))).toBe(false);
  });

  it('on macOS a truncated scutil capture is an error signal', async () => {
    const signals = await sampleProxy(
      fixtureContext({ platform: 'darwin', commands: { 'scutil --proxy': proxyFixture('macos-scutil-proxy-truncated.txt') } }),
    );
    expect(find(signals, 'proxy.system.macos.mode')[0]).toMatchObject({ status: 'error', reason: 'the output of scutil is not in the expected form' });
  });

  it('on Windows reads the registry', async () => {
    const signals = await sampleProxy(
      fixtureContext({
        platform: 'win32',
        commands: {
          'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings': proxyFixture(
            'windows-reg-query-internet-settings-manual.txt',
          ),
        },
      }),
    );
    expect(find(signals, 'proxy.system.windows.https')[0]).toMatchObject({ value: 'proxy.corp.example.cn:8080', meta: { port: 8080 } });
    expect(find(signals, 'proxy.system.windows.bypass')[0]?.value).toEqual(['*.corp.example.cn', '10.*', '<local>']);
  });
});
