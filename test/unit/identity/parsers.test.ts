import { renderReason } from '../../../common/i18n/render-reason.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGitConfig } from '../../../main/core/identity/git.js';
import { emailDomain, parseResolvConf } from '../../../main/core/identity/host.js';
import { modelBaseUrlSignals } from '../../../main/core/identity/model-urls.js';
import {
  goProxyEntry,
  parseCargoConfig,
  parseNpmrc,
  parsePipConf,
  parseYarnrc,
  registrySignal,
} from '../../../main/core/identity/registries.js';
import { parseMavenSettings } from '../../../main/core/identity/maven.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/identity/${name}`, import.meta.url), 'utf8');

describe('git config', () => {
  it('reads user and resolves [include] paths', () => {
    expect(parseGitConfig(fixture('gitconfig'), '/home/dev/.gitconfig', '/home/dev')).toEqual({
      ok: true,
      value: { name: 'Ada Lovelace', includes: ['/home/dev/.gitconfig-work'], proxies: {} },
    });
    expect(parseGitConfig(fixture('gitconfig-work'), '/x/y', '/home/dev')).toEqual({ ok: true, value: { email: 'ada@alibaba-inc.com', includes: [], proxies: {} } });
    expect(parseGitConfig('[include]\npath = work.inc\n', '/etc/git/cfg', '/h')).toMatchObject({ ok: true, value: { includes: ['/etc/git/work.inc'] } });
  });

  it('reports a truncated file', () => {
    expect(parseGitConfig(fixture('gitconfig-truncated'), '/h/.gitconfig', '/h')).toEqual({
      ok: false,
      reason: { id: 'reason.config.bad-line', format: 'git config', line: 3, problem: 'unterminated-section' },
    });
  });

  it('takes the email domain', () => {
    expect(emailDomain('Ada@Alibaba-Inc.com')).toBe('alibaba-inc.com');
    expect(emailDomain('nobody')).toBeNull();
  });
});

describe('registries', () => {
  it('reads .npmrc, expanding ${VAR} from the given env and never reading auth lines', () => {
    const parsed = parseNpmrc(fixture('npmrc'), { PROXY_USER: 'alice', PROXY_PASS: 'pr0xyPa55' });
    expect(parsed.ok && [...parsed.value.values()]).toEqual([
      { key: { ecosystem: 'npm', setting: 'registry' }, value: 'https://registry.npmmirror.com/' },
      { key: { ecosystem: 'npm', setting: 'scope', scope: '@corp' }, value: 'https://npm.corp.example.cn/' },
      { key: { ecosystem: 'npm', setting: 'proxy' }, value: 'http://alice:pr0xyPa55@proxy.corp.example.cn:8080' },
      { key: { ecosystem: 'npm', setting: 'https-proxy' }, value: 'http://proxy.corp.example.cn:8080' },
    ]);
    expect(parsed.ok && [...parsed.value.keys()]).toEqual(['registry.npm', 'registry.npm.@corp', 'registry.npm.proxy', 'registry.npm.https-proxy']);
    expect(JSON.stringify(parsed.ok && [...parsed.value])).not.toContain('SECRETTOKEN');
    const signal = registrySignal({ ecosystem: 'npm', setting: 'proxy' }, 'http://alice:pr0xyPa55@proxy.corp.example.cn:8080', 'file:~/.npmrc');
    expect(signal).toMatchObject({ value: 'http://alice:***@proxy.corp.example.cn:8080', meta: { host: 'proxy.corp.example.cn', port: 8080 } });
  });

  it('reads .yarnrc.yml and reports malformed YAML', () => {
    const parsed = parseYarnrc(fixture('yarnrc.yml'));
    expect(parsed.ok && [...parsed.value.values()]).toEqual([{ key: { ecosystem: 'yarn', setting: 'registry' }, value: 'https://registry.npmmirror.com' }]);
    expect(parseYarnrc('npmRegistryServer: [unclosed').ok).toBe(false);
  });

  it('reads pip.conf with continuation lines; a file that sets nothing gives nothing', () => {
    const parsed = parsePipConf(fixture('pip.conf'));
    expect(parsed.ok && [...parsed.value.values()]).toEqual([
      { key: { ecosystem: 'pip', setting: 'registry' }, value: 'https://pypi.tuna.tsinghua.edu.cn/simple' },
      { key: { ecosystem: 'pip', setting: 'extra' }, value: 'https://mirrors.aliyun.com/pypi/simple/ https://pypi.doubanio.com/simple/' },
    ]);
    const extra = registrySignal({ ecosystem: 'pip', setting: 'extra' }, 'https://mirrors.aliyun.com/pypi/simple/ https://pypi.doubanio.com/simple/', 'x');
    expect(extra).toMatchObject({ meta: { host: 'mirrors.aliyun.com', hosts: 'mirrors.aliyun.com,pypi.doubanio.com' } });
    const local = registrySignal({ ecosystem: 'pip', setting: 'extra' }, 'file:///opt/pypi/simple https://mirrors.aliyun.com/pypi/simple/', 'x');
    expect(local).toMatchObject({ status: 'ok', value: ['file:///opt/pypi/simple', 'https://mirrors.aliyun.com/pypi/simple/'], meta: { host: null, scheme: 'file', hosts: 'mirrors.aliyun.com' } });
    const empty = parsePipConf(fixture('pip-empty.conf'));
    expect(empty.ok && empty.value.size).toBe(0);
    expect(parsePipConf('[global\nindex-url = x').ok).toBe(false);
  });

  it('picks the first GOPROXY entry that is a proxy', () => {
    expect(goProxyEntry('https://goproxy.cn,direct')).toEqual({ entry: 'https://goproxy.cn', list: ['https://goproxy.cn', 'direct'] });
    expect(goProxyEntry('off|https://goproxy.io')?.entry).toBe('https://goproxy.io');
    expect(goProxyEntry('direct')).toBeNull();
  });

  it('follows cargo source replacement and reports truncated TOML', () => {
    expect(parseCargoConfig(fixture('cargo-config.toml'))).toEqual({
      ok: true,
      value: { name: 'rsproxy-sparse', registry: 'sparse+https://rsproxy.cn/index/' },
    });
    expect(parseCargoConfig('[net]\nretry = 2\n')).toEqual({ ok: true, value: null });
    const truncated = parseCargoConfig(fixture('cargo-config-truncated.toml'));
    expect(truncated.ok).toBe(false);
    expect(!truncated.ok && renderReason(truncated.reason, 'en')).toMatch(/^invalid cargo config at line \d+, column \d+/);
  });

  it('reads the first Maven mirror outside comments', () => {
    expect(parseMavenSettings(fixture('maven-settings.xml'))).toEqual({ ok: true, value: { url: 'https://maven.aliyun.com/repository/public', mirrorOf: '*' } });
    expect(parseMavenSettings('<settings/>')).toEqual({ ok: true, value: null });
    // An unclosed <mirror> is malformed, with its position; read in one pass however long the file.
    const unclosed = parseMavenSettings(`<settings><mirrors><mirror><url>${'<mirror>x'.repeat(100_000)}`);
    expect(unclosed).toMatchObject({ ok: false, reason: { id: 'reason.config.unparsable', format: 'settings.xml', detail: expect.stringMatching(/^\d+:\d+: /) } });
    // A mirror outside <mirrors>, and one in CDATA and comments, are not the mirror in force.
    expect(parseMavenSettings('<settings><mirror><url>https://x/</url></mirror></settings>')).toEqual({ ok: true, value: null });
    const cdata = '<settings><mirrors><!-- <mirror><url>https://old/</url></mirror> --><mirror><url><![CDATA[https://m.example/]]></url></mirror></mirrors></settings>';
    expect(parseMavenSettings(cdata)).toEqual({ ok: true, value: { url: 'https://m.example/', mirrorOf: null } });
  });
});

describe('host and env parsers', () => {
  it('reads resolv.conf search and domain', () => {
    expect(parseResolvConf(fixture('resolv.conf'))).toEqual({ search: ['corp.example.cn', 'hz.corp.example.cn'], domain: null });
    expect(parseResolvConf('domain corp.example\nsearch a\nsearch b c\n')).toEqual({ search: ['b', 'c'], domain: 'corp.example' });
  });

  it('finds model base URLs: the known ones always, others only when http(s)', () => {
    const signals = modelBaseUrlSignals({
      ANTHROPIC_BASE_URL: 'https://api.moonshot.cn/anthropic',
      OPENAI_BASE_URL: 'not a url',
      MY_LLM_BASE_URL: 'http://10.0.0.5:8000/v1',
      CMAKE_API_BASE: 'foo',
      HOME: '/x',
    });
    expect(signals.map((s) => [s.id, s.status, s.meta?.host ?? null])).toEqual([
      ['model.base-url.ANTHROPIC_BASE_URL', 'ok', 'api.moonshot.cn'],
      ['model.base-url.MY_LLM_BASE_URL', 'ok', '10.0.0.5'],
      ['model.base-url.OPENAI_BASE_URL', 'error', null],
    ]);
    expect(signals[0]).toMatchObject({ kind: 'model-endpoint', key: { variable: expect.any(String) } });
  });
});
