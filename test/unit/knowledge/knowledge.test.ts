import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, countryOfTimeZone, isCountryCode, territoryOfLocale } from '../../../main/core/knowledge/countries.js';
import { countryOfTld, registrableDomain } from '../../../main/core/knowledge/domains.js';
import { findEmailProvider } from '../../../main/core/knowledge/email-providers.js';
import { findMirror } from '../../../main/core/knowledge/mirrors.js';
import { impliesMembership, isLabMatch, matchOrganization, ORGANIZATIONS } from '../../../main/core/knowledge/organizations.js';
import { FALLBACK_ZONE_COUNTRIES } from '../../../main/core/knowledge/zone-table.js';

describe('time zones', () => {
  it.each([
    ['Asia/Shanghai', 'CN'], ['Asia/Urumqi', 'CN'], ['Asia/Chongqing', 'CN'], ['Asia/Harbin', 'CN'], ['Asia/Kashgar', 'CN'],
    ['PRC', 'CN'], ['Asia/Hong_Kong', 'HK'], ['Asia/Taipei', 'TW'], ['Asia/Singapore', 'SG'], ['Asia/Tokyo', 'JP'],
    ['Asia/Seoul', 'KR'], ['Asia/Kolkata', 'IN'], ['Asia/Calcutta', 'IN'], ['Europe/Moscow', 'RU'], ['Europe/Berlin', 'DE'],
    ['Europe/Paris', 'FR'], ['Europe/London', 'GB'], ['America/New_York', 'US'], ['US/Pacific', 'US'],
    ['America/Toronto', 'CA'], ['America/Sao_Paulo', 'BR'], ['Australia/Sydney', 'AU'], [':Asia/Shanghai', 'CN'],
  ])('%s -> %s', (zone, country) => {
    expect(countryOfTimeZone(zone)).toBe(country);
  });

  it.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT-8', 'Not/AZone', ''])('%s -> no country', (zone) => {
    expect(countryOfTimeZone(zone)).toBeNull();
  });

  it('the fallback table agrees with the ICU data for every zone it lists', () => {
    for (const [zone, country] of Object.entries(FALLBACK_ZONE_COUNTRIES)) expect([zone, countryOfTimeZone(zone)]).toEqual([zone, country]);
  });

  it('resolves legacy aliases to the canonical zone', () => {
    expect(canonicalTimeZone('PRC')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Asia/Kashgar')).toBe('Asia/Urumqi');
  });
});

describe('locales and countries', () => {
  it.each([
    ['zh_CN.UTF-8', 'CN'], ['zh-Hans-CN', 'CN'], ['de_DE@euro', 'DE'], ['zh_TW.Big5', 'TW'], ['en_GB:en', 'GB'],
    ['C.UTF-8', null], ['POSIX', null], ['zh', null], ['garbage!!', null],
  ])('%s -> %s', (locale, territory) => {
    expect(territoryOfLocale(locale)).toBe(territory);
  });

  it('knows country codes but not groupings', () => {
    expect(isCountryCode('CN')).toBe(true);
    expect(isCountryCode('EU')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });
});

describe('domains', () => {
  it.each([
    ['pypi.tuna.tsinghua.edu.cn', 'CN'], ['api.moonshot.cn', 'CN'], ['shop.example.com.cn', 'CN'], ['proxy.firma.de', 'DE'],
    ['www.example.co.uk', 'GB'], ['api.example.com', null], ['minimax.io', null], ['trae.ai', null], ['10.1.2.3', null],
    ['localhost', null], ['corp', null],
  ])('ccTLD of %s -> %s', (host, country) => {
    expect(countryOfTld(host)).toBe(country);
  });

  it('finds the registrable domain via the Public Suffix List', () => {
    expect(registrableDomain('corp.alibaba-inc.com')).toBe('alibaba-inc.com');
    expect(registrableDomain('a.b.example.com.cn')).toBe('example.com.cn');
    expect(registrableDomain('127.0.0.1')).toBeNull();
  });
});

describe('organisations', () => {
  it('matches subdomains of staff domains as membership', () => {
    const m = matchOrganization('corp.alibaba-inc.com');
    expect(m?.org.name).toBe('Alibaba');
    expect(m && impliesMembership(m)).toBe(true);
  });

  it('treats public services of a company as use, not employment', () => {
    for (const host of ['registry.npmmirror.com', 'mirrors.aliyun.com', 'oss-cn-hangzhou.aliyuncs.com', 'mirrors.cloud.tencent.com']) {
      const m = matchOrganization(host);
      expect([host, m && impliesMembership(m)]).toEqual([host, false]);
    }
  });

  it('separates a conglomerate from its lab', () => {
    const staff = matchOrganization('alibaba-inc.com');
    const api = matchOrganization('dashscope.aliyuncs.com');
    expect(staff && isLabMatch(staff)).toBe(false);
    expect(api && isLabMatch(api)).toBe(true);
    expect(api?.market).toBe('CN');
    const pureLab = matchOrganization('deepseek.com');
    expect(pureLab && isLabMatch(pureLab) && impliesMembership(pureLab)).toBe(true);
  });

  it('does not match look-alike domains or bare names', () => {
    expect(matchOrganization('notalibaba-inc.com')).toBeNull();
    expect(matchOrganization('alibaba-inc.com.evil.net')).toBeNull();
    expect(matchOrganization('localhost')).toBeNull();
  });

  it('gives every organisation a valid country', () => {
    for (const org of ORGANIZATIONS) expect([org.name, isCountryCode(org.country)]).toEqual([org.name, true]);
  });
});

describe('mirrors and email providers', () => {
  it('finds mirrors by host', () => {
    expect(findMirror('registry.npmmirror.com')?.country).toBe('CN');
    expect(findMirror('goproxy.cn')?.ecosystems).toContain('go');
    expect(findMirror('registry.npmjs.org')).toBeNull();
  });

  it('knows webmail, with a country where it is national', () => {
    expect(findEmailProvider('gmail.com')).toEqual({ domain: 'gmail.com' });
    expect(findEmailProvider('qq.com')?.country).toBe('CN');
    expect(findEmailProvider('12345.users.noreply.github.com')).not.toBeNull();
    expect(findEmailProvider('alibaba-inc.com')).toBeNull();
  });
});
