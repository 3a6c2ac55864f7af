import { renderReason } from '../../../common/i18n/render-reason.js';
import { describe, expect, it } from 'vitest';
import {
  parseGnomeProxy,
  parseGVariant,
  parseKioslaverc,
  parseProxyServer,
  parseScutilProxy,
  parseWindowsInternetSettings,
  systemProxySignals,
} from '../../../main/core/proxy/index.js';
import { proxyFixture } from './fixtures.js';

describe('GNOME gsettings', () => {
  it('parses GVariant text forms', () => {
    expect(parseGVariant("'it\\'s'")).toBe("it's");
    expect(parseGVariant("['a', 'b c']")).toEqual(['a', 'b c']);
    expect(parseGVariant('@as []')).toEqual([]);
    expect(parseGVariant('8080')).toBe(8080);
    expect(parseGVariant('true')).toBe(true);
  });

  it('reads a manual configuration and never the password', () => {
    const parsed = parseGnomeProxy(proxyFixture('gsettings-list-recursively-proxy-manual.txt'));
    expect(parsed).toEqual({
      ok: true,
      value: {
        mode: 'manual',
        rawMode: 'manual',
        servers: { http: 'proxy.corp.example.cn:8080', https: 'proxy.corp.example.cn:8443' },
        pac: null,
        bypass: ['localhost', '127.0.0.0/8', '::1', '*.corp.example.cn'],
      },
    });
    const signals = parsed.ok ? systemProxySignals('gnome', parsed.value, 'cmd:gsettings') : [];
    expect(signals.map((s) => s.id)).toEqual([
      'proxy.system.gnome.mode',
      'proxy.system.gnome.http',
      'proxy.system.gnome.https',
      'proxy.system.gnome.bypass',
    ]);
    expect(signals[1]?.meta).toEqual({ host: 'proxy.corp.example.cn', port: 8080, scheme: 'http' });
    expect(JSON.stringify(signals)).not.toContain('hunter2');
  });

  it('reports only the mode when the proxy is off, even with stale hosts', () => {
    const parsed = parseGnomeProxy(proxyFixture('gsettings-list-recursively-proxy-none.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'none', servers: {}, pac: null, bypass: [] });
  });

  it('reads the PAC URL in auto mode', () => {
    const parsed = parseGnomeProxy(proxyFixture('gsettings-list-recursively-proxy-auto.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'pac', pac: 'file:///etc/proxy/corp.pac', servers: {} });
  });

  it('fails on output without a mode', () => {
    expect(parseGnomeProxy('No such schema “org.gnome.system.proxy”\n')).toMatchObject({ ok: false });
  });
});

describe('KDE kioslaverc', () => {
  it('reads manual servers in the "host port" form', () => {
    const parsed = parseKioslaverc(proxyFixture('kde-kioslaverc-manual.txt'));
    expect(parsed.ok && parsed.value).toEqual({
      mode: 'manual',
      rawMode: 'ProxyType=1',
      servers: {
        http: 'http://proxy.corp.example.cn:8080',
        https: 'http://proxy.corp.example.cn:8080',
        socks: 'socks5://127.0.0.1:1080',
      },
      pac: null,
      bypass: ['localhost', '127.0.0.1', '.corp.example.cn'],
    });
  });

  it('reads the PAC script URL', () => {
    const parsed = parseKioslaverc(proxyFixture('kde-kioslaverc-pac.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'pac', pac: 'http://wpad.corp.example.com/wpad.dat' });
  });

  it('reports a truncated file as malformed', () => {
    const parsed = parseKioslaverc(proxyFixture('kde-kioslaverc-truncated.txt'));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && renderReason(parsed.reason, 'en')).toBe('invalid kioslaverc at line 4: unterminated section header');
  });

  it('treats a file without proxy settings as no proxy', () => {
    expect(parseKioslaverc('[Cache]\nMaxCacheSize=5120\n')).toMatchObject({ ok: true, value: { mode: 'none' } });
  });
});

describe('macOS scutil --proxy', () => {
  it('reads the no-proxy capture', () => {
    const parsed = parseScutilProxy(proxyFixture('macos-scutil-proxy-none.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'none', servers: {}, pac: null, bypass: [] });
  });

  it('reads manual HTTP and HTTPS with exceptions, ignoring __SCOPED__', () => {
    const parsed = parseScutilProxy(proxyFixture('macos-scutil-proxy-manual.txt'));
    expect(parsed.ok && parsed.value).toEqual({
      mode: 'manual',
      rawMode: 'HTTPEnable HTTPSEnable',
      servers: { http: '127.0.0.1:7890', https: '127.0.0.1:7890' },
      pac: null,
      bypass: ['*.local', '169.254/16', '*.corp.example.cn'],
    });
  });

  it('reads a PAC URL', () => {
    const parsed = parseScutilProxy(proxyFixture('macos-scutil-proxy-pac.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'pac', pac: 'http://wpad.corp.example.com/proxy.pac' });
  });

  it('reads a SOCKS proxy', () => {
    const parsed = parseScutilProxy(proxyFixture('macos-scutil-proxy-socks.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'manual', servers: { socks: 'socks.hk.example.net:1080' } });
  });

  it('reports truncated output', () => {
    const parsed = parseScutilProxy(proxyFixture('macos-scutil-proxy-truncated.txt'));
    expect(parsed).toEqual({ ok: false, reason: { id: 'reason.output.unexpected', command: 'scutil' } });
  });
});

describe('Windows reg query Internet Settings', () => {
  it('reads ProxyEnable=0 as no proxy', () => {
    const parsed = parseWindowsInternetSettings(proxyFixture('windows-reg-query-internet-settings-none.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'none', servers: {}, pac: null, rawMode: 'ProxyEnable=0x0' });
  });

  it('reads a single host:port for all protocols and the override list', () => {
    const parsed = parseWindowsInternetSettings(proxyFixture('windows-reg-query-internet-settings-manual.txt'));
    expect(parsed.ok && parsed.value).toEqual({
      mode: 'manual',
      rawMode: 'ProxyEnable=0x1',
      servers: {
        http: 'proxy.corp.example.cn:8080',
        https: 'proxy.corp.example.cn:8080',
        ftp: 'proxy.corp.example.cn:8080',
      },
      pac: null,
      bypass: ['*.corp.example.cn', '10.*', '<local>'],
    });
  });

  it('reads per-protocol servers', () => {
    const parsed = parseWindowsInternetSettings(proxyFixture('windows-reg-query-internet-settings-per-protocol.txt'));
    expect(parsed.ok && parsed.value.servers).toEqual({ http: '127.0.0.1:7890', https: '127.0.0.1:7890', socks: '127.0.0.1:7891' });
    expect(parseProxyServer('HTTP=a:1;bogus=b:2;https=')).toEqual({ http: 'a:1' });
  });

  it('reads an AutoConfigURL', () => {
    const parsed = parseWindowsInternetSettings(proxyFixture('windows-reg-query-internet-settings-pac.txt'));
    expect(parsed.ok && parsed.value).toMatchObject({ mode: 'pac', pac: 'file://C:/ProgramData/Corp/proxy.pac' });
  });

  it('fails on output with no values', () => {
    expect(parseWindowsInternetSettings('ERROR: The system was unable to find the specified registry key or value.\r\n').ok).toBe(false);
  });
});
