import { readFileSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Signal } from '../../../contract/snapshot.js';
import { systemIo } from '../../../main/adapters/system-io.js';
import {
  canonicalZone,
  localeEnvSignals,
  parseBcp47,
  parseLocaltimeTarget,
  parsePosixLocale,
  parseTzEnv,
  resolvedZoneSignals,
  sampleLocale,
  zoneFromPath,
  zoneOffsetMinutes,
} from '../../../main/core/locale/index.js';
import { fixtureContext } from '../../helpers/fixture-io.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/locale/${name}`, import.meta.url), 'utf8');
const get = (signals: Signal[], id: string) => signals.find((s) => s.id === id);

describe('time zone parsers', () => {
  it('accepts the TZ forms glibc accepts', () => {
    expect(parseTzEnv('Asia/Shanghai')).toEqual({ ok: true, zone: 'Asia/Shanghai' });
    expect(parseTzEnv(':Asia/Shanghai')).toEqual({ ok: true, zone: 'Asia/Shanghai' });
    expect(parseTzEnv('/usr/share/zoneinfo/Asia/Urumqi')).toEqual({ ok: true, zone: 'Asia/Urumqi' });
  });

  it('rejects what is not an IANA zone', () => {
    expect(parseTzEnv('Mars/Olympus_Mons')).toEqual({ ok: false, reason: { id: 'reason.zone.not-iana', where: 'TZ', value: 'Mars/Olympus_Mons' } });
    expect(parseTzEnv('CST-8').ok).toBe(false);
    expect(parseTzEnv('../../etc/passwd').ok).toBe(false);
  });

  it('reads the /etc/localtime target (Linux and macOS layouts)', () => {
    expect(parseLocaltimeTarget('/usr/share/zoneinfo/Europe/Berlin')).toEqual({ ok: true, zone: 'Europe/Berlin' });
    expect(parseLocaltimeTarget('/var/db/timezone/zoneinfo/Asia/Shanghai')).toEqual({ ok: true, zone: 'Asia/Shanghai' });
    expect(parseLocaltimeTarget('/etc/localtime.bak').ok).toBe(false);
  });

  it('computes offsets for a given instant, DST included', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    const summer = new Date('2026-07-15T12:00:00Z');
    expect(zoneOffsetMinutes('Asia/Shanghai', winter)).toBe(480);
    expect(zoneOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
    expect(zoneOffsetMinutes('America/New_York', winter)).toBe(-300);
    expect(zoneOffsetMinutes('America/New_York', summer)).toBe(-240);
    expect(zoneOffsetMinutes('UTC', summer)).toBe(0);
  });

  it('resolves the best source in order', () => {
    const signals = resolvedZoneSignals(
      [
        { from: 'env', source: 'env:TZ', outcome: { ok: false } },
        { from: 'localtime', source: 'file:/etc/localtime', outcome: { ok: true, zone: 'Asia/Shanghai' } },
        { from: 'intl', source: 'intl (this process)', outcome: { ok: true, zone: 'UTC' } },
      ],
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(signals).toEqual([
      { id: 'timezone.iana', kind: 'timezone', key: { source: 'resolved' }, value: 'Asia/Shanghai', source: 'file:/etc/localtime', status: 'ok', meta: { from: 'timezone.localtime' } },
      {
        id: 'timezone.offset',
        kind: 'timezone',
        key: { source: 'offset' },
        value: 480,
        source: 'file:/etc/localtime',
        status: 'ok',
        meta: { zone: 'Asia/Shanghai', unit: 'minutes east of UTC' },
      },
    ]);
  });
});

describe('locale parsers', () => {
  it('parses POSIX and BCP 47 locales', () => {
    expect(parsePosixLocale('zh_CN.UTF-8')).toEqual({ language: 'zh', territory: 'CN', codeset: 'UTF-8', modifier: null });
    expect(parsePosixLocale('sr_RS@latin')).toMatchObject({ language: 'sr', territory: 'RS', modifier: 'latin' });
    expect(parsePosixLocale('C.UTF-8')).toMatchObject({ language: null, territory: null });
    expect(parseBcp47('zh-Hans-CN')).toMatchObject({ language: 'zh', territory: 'CN' });
  });

  it('reports LANG, LANGUAGE and each LC_* set', () => {
    const signals = localeEnvSignals({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_TW:en', LC_TIME: 'en_GB.UTF-8', LC_ALL: '', HOME: '/x' });
    expect(signals.map((s) => s.id)).toEqual(['locale.LANG', 'locale.LANGUAGE', 'locale.LC_TIME']);
    expect(get(signals, 'locale.LANGUAGE')?.meta).toMatchObject({ language: 'zh', territory: 'TW' });
  });
});

describe('sampleLocale', () => {
  it('prefers a valid TZ and labels every source', async () => {
    const signals = await sampleLocale(
      fixtureContext({
        env: { TZ: ':Asia/Shanghai', LANG: 'zh_CN.UTF-8' },
        links: { '/etc/localtime': '/usr/share/zoneinfo/Europe/London' },
        files: { '/etc/timezone': fixture('etc-timezone.txt') },
      }),
    );
    expect(get(signals, 'timezone.env')).toMatchObject({ value: 'Asia/Shanghai', meta: { raw: ':Asia/Shanghai' } });
    expect(get(signals, 'timezone.localtime')?.value).toBe('Europe/London');
    expect(get(signals, 'timezone.etc-timezone')?.value).toBe('Asia/Shanghai');
    expect(get(signals, 'timezone.intl')?.source).toBe('intl (this process)');
    expect(get(signals, 'timezone.iana')).toMatchObject({ value: 'Asia/Shanghai', source: 'env:TZ' });
    expect(get(signals, 'timezone.offset')?.value).toBe(480);
    expect(get(signals, 'locale.LANG')?.meta).toMatchObject({ language: 'zh', territory: 'CN' });
  });

  it('an invalid TZ is an error and the next source wins', async () => {
    const signals = await sampleLocale(fixtureContext({ env: { TZ: 'Nowhere/Land' }, links: { '/etc/localtime': '/usr/share/zoneinfo/Asia/Urumqi' } }));
    expect(get(signals, 'timezone.env')).toMatchObject({ status: 'error', reason: 'TZ: Nowhere/Land is not an IANA time zone name' });
    expect(get(signals, 'timezone.iana')).toMatchObject({ value: 'Asia/Urumqi', source: 'file:/etc/localtime' });
    expect(get(signals, 'timezone.etc-timezone')).toBeUndefined();
  });

  it('on macOS reads AppleLocale; on Windows tzutil', async () => {
    const mac = await sampleLocale(fixtureContext({ platform: 'darwin', commands: { 'defaults read -g AppleLocale': fixture('macos-defaults-read-g-applelocale.txt') } }));
    expect(get(mac, 'locale.AppleLocale')).toMatchObject({ value: 'zh_CN', meta: { language: 'zh', territory: 'CN' } });
    expect(get(mac, 'timezone.localtime')).toMatchObject({ status: 'unavailable' });
    const win = await sampleLocale(fixtureContext({ platform: 'win32', commands: { 'tzutil /g': fixture('windows-tzutil-g.txt') } }));
    expect(get(win, 'timezone.windows')?.value).toBe('China Standard Time');
    expect(get(win, 'timezone.iana')?.source).toBe('intl (this process)');
  });

  it('on macOS an AppleLocale never set (defaults exits 1) is "not set"; another failure is an error', async () => {
    const missing = { id: 'reason.command.failed', command: 'defaults', status: '1', detail: 'The domain/default pair of (kCFPreferencesAnyApplication, AppleLocale) does not exist' } as const;
    const unset = await sampleLocale(fixtureContext({ platform: 'darwin', commands: { 'defaults read -g AppleLocale': { fail: missing, exitCode: 1 } } }));
    expect(get(unset, 'locale.AppleLocale')).toEqual({ id: 'locale.AppleLocale', kind: 'locale', key: { variable: 'AppleLocale' }, value: null, source: 'cmd:defaults read -g AppleLocale', status: 'ok' });
    const broken = await sampleLocale(fixtureContext({ platform: 'darwin', commands: { 'defaults read -g AppleLocale': { fail: { id: 'reason.command.timed-out', command: 'defaults' } } } }));
    expect(get(broken, 'locale.AppleLocale')).toMatchObject({ status: 'error', reason: 'defaults timed out' });
  });

  it('reads this machine (real /etc/localtime through systemIo)', async () => {
    const signals = await sampleLocale({ env: {}, home: '/nonexistent', platform: process.platform, io: systemIo });
    const name = zoneFromPath(realpathSync('/etc/localtime'));
    const expected = name ? canonicalZone(name) : null;
    expect(expected).not.toBeNull();
    expect(get(signals, 'timezone.localtime')).toMatchObject({ status: 'ok', value: expected });
    expect(get(signals, 'timezone.iana')).toMatchObject({ value: expected, source: 'file:/etc/localtime' });
    expect(get(signals, 'timezone.offset')?.value).toBe(zoneOffsetMinutes(expected ?? 'UTC', new Date()));
  });
});
