import { describe, expect, it } from 'vitest';
import type { Inference, Signal } from '../../../contract/snapshot.js';
import { infer } from '../../../main/core/inference/engine.js';
import { errorSignal, okSignal } from '../../../main/core/signal.js';
import { baseUrl, dnsSearch, effectiveHttps, email, envProxy, fakeGeo, lang, registry, tz } from './fixtures.js';

const run = (signals: Signal[], geo = fakeGeo({})) => infer({ signals, tools: [], geo }).inferences;
const find = (inferences: Inference[], id: Inference['id'], value?: string | boolean) =>
  inferences.find((i) => i.id === id && (value === undefined || i.value === value));

describe('location.country rules', () => {
  it('country.timezone: a zone of a country; not UTC', () => {
    expect(find(run([tz('Asia/Shanghai')]), 'location.country', 'CN')?.confidence).toBe('medium');
    expect(find(run([tz('Etc/UTC')]), 'location.country')).toBeUndefined();
  });

  it('country.locale: the territory (meta or parsed), not the en_US default', () => {
    expect(find(run([lang('zh_CN.UTF-8', 'CN')]), 'location.country', 'CN')?.confidence).toBe('low');
    expect(find(run([lang('de_DE.UTF-8')]), 'location.country', 'DE')?.rules).toEqual(['country.locale']);
    expect(find(run([lang('en_US.UTF-8', 'US'), lang('C.UTF-8')]), 'location.country')).toBeUndefined();
  });

  it('country.registry-mirror: a national mirror; not the official registry', () => {
    const hit = find(run([registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')]), 'location.country', 'CN');
    expect(hit?.confidence).toBe('medium');
    expect(hit?.rules).toEqual(['country.registry-mirror']);
    expect(find(run([registry('npm', 'https://registry.npmjs.org/', 'registry.npmjs.org')]), 'location.country')).toBeUndefined();
  });

  it('country.registry-mirror works without meta.host and with GOPROXY lists', () => {
    const goproxy = registry('go', 'https://goproxy.cn,direct', undefined, 'env:GOPROXY');
    expect(find(run([goproxy]), 'location.country', 'CN')).toBeDefined();
  });

  it('country.proxy-host: ccTLD of a proxy host or geo of its IP literal, weakly', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://proxy.firma.de:3128', 'proxy.firma.de')]), 'location.country', 'DE')?.confidence).toBe('low');
    expect(find(run([envProxy('https_proxy', 'http://127.0.0.1:7890', '127.0.0.1')]), 'location.country')).toBeUndefined();
  });

  it('country.dns-domain: a ccTLD search domain; not a .com one', () => {
    expect(find(run([dnsSearch('corp.example.cn')]), 'location.country', 'CN')).toBeDefined();
    expect(find(run([dnsSearch('corp.example.com')]), 'location.country')).toBeUndefined();
  });

  it('country.model-endpoint: a mainland-China lab endpoint; not the international one', () => {
    expect(find(run([baseUrl('ANTHROPIC_BASE_URL', 'https://api.moonshot.cn/anthropic', 'api.moonshot.cn')]), 'location.country', 'CN')).toBeDefined();
    expect(find(run([baseUrl('ANTHROPIC_BASE_URL', 'https://api.moonshot.ai/anthropic', 'api.moonshot.ai')]), 'location.country')).toBeUndefined();
  });

  it('country.email: national webmail or a ccTLD, weakly; not gmail', () => {
    expect(find(run([email('someone@qq.com')]), 'location.country', 'CN')?.confidence).toBe('low');
    expect(find(run([email('someone@gmail.com')]), 'location.country')).toBeUndefined();
  });
});

describe('network.proxy rules', () => {
  it('proxy.env: an HTTPS proxy in the environment; HTTP_PROXY alone only at low confidence, saying so', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://p:8080', 'p')]), 'network.proxy', true)?.confidence).toBe('medium');
    const httpOnly = find(run([envProxy('HTTP_PROXY', 'http://p:8080', 'p')]), 'network.proxy', true);
    expect(httpOnly?.confidence).toBe('low');
    expect(httpOnly?.statement).toMatch(/HTTP only, but many clients use it for HTTPS too/);
    // Beside an HTTPS proxy it is the same fact, not more evidence.
    expect(find(run([envProxy('HTTPS_PROXY', 'http://p:8080', 'p'), envProxy('HTTP_PROXY', 'http://p:8080', 'p')]), 'network.proxy', true)?.confidence).toBe('medium');
  });

  it('an HTTP-only proxy still names its host', () => {
    const out = run([envProxy('http_proxy', 'http://proxy.example.cn:3128', 'proxy.example.cn')]);
    expect(find(out, 'network.proxy-country', 'CN')).toBeDefined();
  });

  it('proxy.env: NO_PROXY excluding every host (effective proxy null) means no proxy applies', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://p:8080', 'p'), effectiveHttps(null)]), 'network.proxy')).toBeUndefined();
  });

  it('proxy.system: a manual system HTTPS proxy; not when the mode is none', () => {
    const https = okSignal({ kind: 'proxy', key: { source: 'system', system: 'gnome', setting: 'https' } }, 'http://p.corp:8080', 'cmd:gsettings', { host: 'p.corp' });
    expect(find(run([okSignal({ kind: 'proxy', key: { source: 'system', system: 'gnome', setting: 'mode' } }, 'manual', 'cmd:gsettings'), https]), 'network.proxy')).toBeDefined();
    expect(find(run([okSignal({ kind: 'proxy', key: { source: 'system', system: 'gnome', setting: 'mode' } }, 'none', 'cmd:gsettings'), https]), 'network.proxy')).toBeUndefined();
  });

  it('proxy.pac: a PAC in force is a weak hint', () => {
    const pac = okSignal({ kind: 'proxy', key: { source: 'pac', system: 'gnome' } }, 'http://wpad/proxy.pac', 'cmd:gsettings', { host: 'wpad', source: 'gnome' });
    expect(find(run([pac]), 'network.proxy')?.confidence).toBe('low');
  });

  it('proxy.tool-config: a tool config proxy and npm https-proxy', () => {
    const toolProxy = okSignal(
      { kind: 'tool-setting', key: { toolId: 'vscode', setting: 'proxy', name: 'http.proxy', file: '~/.config/Code/User/settings.json' } },
      'http://p:3128',
      'file:~/.config/Code/User/settings.json',
      { host: 'p' },
    );
    const npm = registry({ ecosystem: 'npm', setting: 'https-proxy' }, 'http://p:3128', 'p');
    expect(find(run([toolProxy]), 'network.proxy')?.rules).toEqual(['proxy.tool-config']);
    expect(find(run([npm]), 'network.proxy')).toBeDefined();
  });

  it('ignores signals that are not ok', () => {
    const broken: Signal = errorSignal({ kind: 'proxy', key: { source: 'env', variable: 'HTTPS_PROXY' } }, 'env:HTTPS_PROXY', { id: 'reason.url.malformed', value: 'http://[' });
    expect(run([broken])).toEqual([]);
  });
});

describe('network.proxy-country rules', () => {
  it('proxy-country.ip: geo of an IP-literal proxy via the GeoLookup', () => {
    const geo = fakeGeo({ '203.0.113.7': 'JP' });
    const hit = find(run([envProxy('HTTPS_PROXY', 'http://203.0.113.7:8080', '203.0.113.7')], geo), 'network.proxy-country');
    expect(hit?.value).toBe('JP');
    expect(hit?.confidence).toBe('medium');
    expect(geo.calls).toContain('203.0.113.7');
  });

  it('proxy-country.ip: nothing for a private address or without geo data', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://10.0.0.1:8080', '10.0.0.1')]), 'network.proxy-country')).toBeUndefined();
    const none = infer({ signals: [envProxy('HTTPS_PROXY', 'http://203.0.113.7:8080')], tools: [], geo: null });
    expect(find(none.inferences, 'network.proxy-country')).toBeUndefined();
  });

  it('proxy-country.tld and proxy-country.org', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://proxy.example.cn:80')]), 'network.proxy-country', 'CN')?.rules).toEqual(['proxy-country.tld']);
    expect(find(run([envProxy('HTTPS_PROXY', 'http://proxy.corp.huawei.com:8080')]), 'network.proxy-country', 'CN')?.rules).toEqual(['proxy-country.org']);
    expect(find(run([envProxy('HTTPS_PROXY', 'http://proxy.example.com:80')]), 'network.proxy-country')).toBeUndefined();
  });
});

describe('affiliation.organization rules', () => {
  it('org.email: a company domain (subdomains too); not webmail', () => {
    expect(find(run([email('a@alibaba-inc.com')]), 'affiliation.organization', 'Alibaba')?.confidence).toBe('medium');
    expect(find(run([email('a@corp.alibaba-inc.com', false)]), 'affiliation.organization', 'Alibaba')).toBeDefined();
    for (const webmail of ['a@gmail.com', 'a@outlook.com', 'a@qq.com', 'a@163.com', '1+a@users.noreply.github.com']) {
      expect([webmail, find(run([email(webmail)]), 'affiliation.organization')]).toEqual([webmail, undefined]);
    }
  });

  it('org.email-domain: an unknown non-webmail domain is a weak employer hint; example.com is not', () => {
    expect(find(run([email('me@acme-widgets.com')]), 'affiliation.organization', 'acme-widgets.com')?.confidence).toBe('low');
    expect(find(run([email('me@example.com')]), 'affiliation.organization')).toBeUndefined();
  });

  it('org.dns: a corporate DNS search domain; not a home one', () => {
    expect(find(run([dnsSearch('corp.bytedance.com')]), 'affiliation.organization', 'ByteDance')).toBeDefined();
    expect(run([dnsSearch('lan', 'home.arpa', 'fritz.box')]).filter((i) => i.id.startsWith('affiliation'))).toEqual([]);
  });

  it('org.proxy-host: a proxy on a company network', () => {
    expect(find(run([envProxy('HTTPS_PROXY', 'http://proxy.corp.alibaba-inc.com:8080')]), 'affiliation.organization', 'Alibaba')).toBeDefined();
  });

  it('org.registry: a private company registry; not a public mirror the company runs', () => {
    expect(find(run([registry('npm', 'https://npm.corp.alibaba-inc.com/')]), 'affiliation.organization', 'Alibaba')).toBeDefined();
    for (const host of ['registry.npmmirror.com', 'npm.aliyun.com', 'mirrors.tencent.com']) {
      expect([host, find(run([registry('npm', `https://${host}/`, host)]), 'affiliation.organization')]).toEqual([host, undefined]);
    }
  });

  it('org.model-endpoint: an internal LLM gateway; a public lab API is not employment', () => {
    expect(find(run([baseUrl('OPENAI_BASE_URL', 'https://llm.corp.bytedance.com/v1')]), 'affiliation.organization', 'ByteDance')).toBeDefined();
    expect(find(run([baseUrl('ANTHROPIC_BASE_URL', 'https://api.moonshot.cn/anthropic')]), 'affiliation.organization')).toBeUndefined();
  });
});

describe('affiliation.ai-lab rules', () => {
  it('lab.email: staff of a lab; not staff of a conglomerate outside its lab', () => {
    const lab = find(run([email('a@deepseek.com')]), 'affiliation.ai-lab', 'DeepSeek');
    expect(lab?.statement).toMatch(/work at or with the AI lab DeepSeek/);
    expect(find(run([email('a@alibaba-inc.com')]), 'affiliation.ai-lab')).toBeUndefined();
    expect(find(run([email('a@deepmind.com')]), 'affiliation.ai-lab', 'Google')).toBeDefined();
  });

  it('lab.model-endpoint: says you use the lab', () => {
    const lab = find(run([baseUrl('ANTHROPIC_BASE_URL', 'https://api.moonshot.cn/anthropic', 'api.moonshot.cn')]), 'affiliation.ai-lab');
    expect(lab?.value).toBe('Moonshot AI');
    expect(lab?.statement).toMatch(/^Your tools are pointed at Moonshot AI's API, so a tool can tell you use \(and may work with\) Moonshot AI/);
    const dashscope = find(run([baseUrl('OPENAI_BASE_URL', 'https://dashscope.aliyuncs.com/compatible-mode/v1')]), 'affiliation.ai-lab');
    expect(dashscope?.value).toBe('Alibaba');
    expect(find(run([baseUrl('OPENAI_BASE_URL', 'https://openrouter.ai/api/v1')]), 'affiliation.ai-lab')).toBeUndefined();
  });

  it('lab.dns, lab.proxy-host, lab.registry', () => {
    expect(find(run([dnsSearch('office.moonshot.cn')]), 'affiliation.ai-lab', 'Moonshot AI')?.rules).toEqual(['lab.dns']);
    expect(find(run([envProxy('HTTPS_PROXY', 'http://gw.deepseek.com:3128')]), 'affiliation.ai-lab', 'DeepSeek')?.rules).toEqual(['lab.proxy-host']);
    expect(find(run([registry('pip', 'https://pypi.internal.minimaxi.com/simple')]), 'affiliation.ai-lab', 'MiniMax')?.rules).toEqual(['lab.registry']);
  });
});
