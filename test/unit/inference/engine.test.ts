import { describe, expect, it } from 'vitest';
import type { Inference, Signal } from '../../../contract/snapshot.js';
import { Inference as InferenceSchema, CheckResult as CheckSchema } from '../../../contract/snapshot.js';
import { CHECK_2026_ID, CHECK_2026_SIGNALLING } from '../../../main/core/inference/check-2026.js';
import { combineConfidence } from '../../../main/core/inference/confidence.js';
import { infer } from '../../../main/core/inference/engine.js';
import { exposureLevel } from '../../../common/exposure.js';
import { okSignal } from '../../../main/core/signal.js';
import { baseUrl, claude, disableTelemetry, dnsSearch, email, envProxy, effectiveHttps, fakeGeo, lang, optOuts, registry, sharingOff, tool, tz } from './fixtures.js';

const byId = (inferences: Inference[], id: Inference['id']) => inferences.filter((i) => i.id === id);

describe('confidence', () => {
  it('one weak piece -> low, one strong -> medium, two independent -> high', () => {
    expect(combineConfidence([{ group: 'locale', weight: 'weak' }])).toBe('low');
    expect(combineConfidence([{ group: 'timezone', weight: 'strong' }])).toBe('medium');
    expect(combineConfidence([{ group: 'timezone', weight: 'strong' }, { group: 'locale', weight: 'weak' }])).toBe('high');
  });

  it('the same fact from two sources does not double count', () => {
    const { inferences } = infer({ signals: [tz('Asia/Shanghai'), tz('Asia/Shanghai', 'localtime', 'file:/etc/localtime')], tools: [], geo: null });
    const [country] = byId(inferences, 'location.country');
    expect(country?.confidence).toBe('medium');
    expect(country?.evidence).toEqual(['timezone.iana', 'timezone.localtime']);
  });

  it('agreeing independent signals give high', () => {
    const { inferences } = infer({
      signals: [tz('Asia/Shanghai'), registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')],
      tools: [],
      geo: null,
    });
    expect(byId(inferences, 'location.country')).toMatchObject([{ value: 'CN', confidence: 'high' }]);
  });

  it('an org from email and DNS together is high', () => {
    const { inferences } = infer({ signals: [email('x@bytedance.com'), dnsSearch('corp.bytedance.com')], tools: [], geo: null });
    expect(byId(inferences, 'affiliation.organization')).toMatchObject([{ value: 'ByteDance', confidence: 'high' }]);
  });
});

describe('the empty machine', () => {
  it('UTC, no proxy, no identity hints -> no inferences, level none', () => {
    const signals: Signal[] = [
      tz('Etc/UTC'),
      okSignal({ kind: 'timezone', key: { source: 'offset' } }, 0, 'env:TZ'),
      lang('C.UTF-8'),
      okSignal({ kind: 'locale', key: { variable: 'intl' } }, 'en-US', 'intl'),
      effectiveHttps(null),
      okSignal({ kind: 'identity', key: { field: 'hostname' } }, 'devbox', 'os.hostname'),
    ];
    const out = infer({ signals, tools: [claude], geo: fakeGeo({}) });
    expect(out.inferences).toEqual([]);
    expect(out.exposure.level).toBe('none');
    expect(out.checks).toMatchObject([{ id: CHECK_2026_ID, flagged: false }]);
  });

  it('an empty signal list is fine too', () => {
    expect(infer({ signals: [], tools: [], geo: null })).toMatchObject({ inferences: [], exposure: { level: 'none' } });
  });
});

describe('conflicts', () => {
  it('keeps conflicting countries, each with its own confidence', () => {
    const { inferences } = infer({ signals: [tz('Europe/Berlin'), lang('zh_CN.UTF-8', 'CN')], tools: [], geo: null });
    const countries = byId(inferences, 'location.country').map((i) => [i.value, i.confidence]);
    expect(countries).toEqual([['DE', 'medium'], ['CN', 'low']]);
  });

  it('lowers a country that one mirror suggests when time zone and locale agree on another', () => {
    const { inferences } = infer({
      signals: [tz('Asia/Hong_Kong'), lang('zh_HK.UTF-8', 'HK'), registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')],
      tools: [],
      geo: null,
    });
    const countries = byId(inferences, 'location.country');
    expect(countries.map((i) => [i.value, i.confidence])).toEqual([['HK', 'high'], ['CN', 'low']]);
    expect(countries[1]?.statement).toMatch(/more independent evidence points to HK/);
  });

  it('keeps both countries at their own confidence when neither has more independent evidence', () => {
    const { inferences } = infer({
      signals: [tz('Asia/Hong_Kong'), registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')],
      tools: [],
      geo: null,
    });
    expect(byId(inferences, 'location.country').map((i) => [i.value, i.confidence])).toEqual([['HK', 'medium'], ['CN', 'medium']]);
  });
});

describe('vendor defaults', () => {
  const labs = (name: string, url: string) =>
    byId(infer({ signals: [baseUrl(name, url, new URL(url).hostname)], tools: [], geo: null }).inferences, 'affiliation.ai-lab');

  it("says nothing about affiliation when a base URL points at its own vendor's public API", () => {
    expect(labs('ANTHROPIC_BASE_URL', 'https://api.anthropic.com')).toEqual([]);
    expect(labs('OPENAI_BASE_URL', 'https://api.openai.com/v1')).toEqual([]);
    expect(labs('GOOGLE_GEMINI_BASE_URL', 'https://generativelanguage.googleapis.com')).toEqual([]);
  });

  it("still tells another vendor's API, which the user chose", () => {
    expect(labs('OPENAI_BASE_URL', 'https://api.anthropic.com/v1')).toMatchObject([{ value: 'Anthropic' }]);
    expect(labs('ANTHROPIC_BASE_URL', 'https://api.moonshot.cn/anthropic')).toMatchObject([{ value: 'Moonshot AI' }]);
  });
});

describe('organisations stay distinct', () => {
  it('names Ant Group as itself, related to Alibaba but never merged into it', () => {
    const { inferences } = infer({ signals: [email('dev@antgroup.com')], tools: [], geo: null });
    const orgs = byId(inferences, 'affiliation.organization');
    expect(orgs.map((i) => i.value)).toEqual(['Ant Group']);
    expect(orgs[0]?.statement).toMatch(/Ant Group, an affiliate of Alibaba/);
    expect(byId(inferences, 'affiliation.ai-lab').map((i) => i.value)).toEqual(['Ant Group']);
    expect(inferences.some((i) => i.value === 'Alibaba')).toBe(false);
  });

  it('keeps Alibaba for its own domains', () => {
    const { inferences } = infer({ signals: [email('dev@alibaba-inc.com')], tools: [], geo: null });
    expect(byId(inferences, 'affiliation.organization').map((i) => i.value)).toEqual(['Alibaba']);
  });
});

describe('specificity of evidence', () => {
  const country = (host: string) =>
    byId(infer({ signals: [registry('go', `https://${host}`, host, 'env:GOPROXY')], tools: [], geo: null }).inferences, 'location.country')[0];

  it('takes a national mirror as strong evidence and a global service run from a country as weak', () => {
    expect(country('goproxy.cn')).toMatchObject({ value: 'CN', confidence: 'medium' });
    const global = country('goproxy.io');
    expect(global).toMatchObject({ value: 'CN', confidence: 'low' });
    expect(global?.statement).toMatch(/a service used worldwide/);
  });
});

describe('the 2026 check', () => {
  const check = (signals: Signal[]) => {
    const result = infer({ signals, tools: [claude], geo: null }).checks.find((c) => c.id === CHECK_2026_ID);
    if (!result) throw new Error('check missing');
    return CheckSchema.parse(result);
  };

  it('flags a proxy plus Asia/Shanghai and says which part tripped', () => {
    const result = check([tz('Asia/Shanghai'), envProxy('HTTPS_PROXY', 'http://127.0.0.1:7890', '127.0.0.1')]);
    expect(result.flagged).toBe(true);
    expect(result.statement).toMatch(/^Would be flagged: HTTPS proxy set \(HTTPS_PROXY=http:\/\/127\.0\.0\.1:7890\) and time zone Asia\/Shanghai/);
    expect(result.evidence).toEqual(['proxy.env.HTTPS_PROXY', 'timezone.iana']);
    expect(result.visibleTo).toEqual(['claude-code']);
  });

  it('flags a proxy plus Asia/Urumqi, and the PRC alias', () => {
    expect(check([tz('Asia/Urumqi'), envProxy('ALL_PROXY', 'socks5://127.0.0.1:1080')]).flagged).toBe(true);
    expect(check([tz('PRC'), envProxy('https_proxy', 'http://127.0.0.1:7890')]).statement).toMatch(/time zone PRC/);
  });

  it('flags ANTHROPIC_BASE_URL at api.moonshot.cn without any proxy', () => {
    const result = check([tz('Etc/UTC'), baseUrl('ANTHROPIC_BASE_URL', 'https://api.moonshot.cn/anthropic', 'api.moonshot.cn')]);
    expect(result.flagged).toBe(true);
    expect(result.statement).toMatch(/host api\.moonshot\.cn belongs to the AI lab Moonshot AI/);
    expect(result.evidence).toEqual(['model.base-url.ANTHROPIC_BASE_URL']);
  });

  it('flags a proxy host on a Chinese domain', () => {
    expect(check([tz('Europe/Berlin'), envProxy('HTTPS_PROXY', 'http://proxy.example.cn:8080')]).statement).toMatch(/Chinese \(\.cn\) domain/);
  });

  it('does not flag Asia/Shanghai without a proxy or listed host, and says why', () => {
    const result = check([tz('Asia/Shanghai'), baseUrl('ANTHROPIC_BASE_URL', 'https://api.anthropic.com', 'api.anthropic.com')]);
    expect(result.flagged).toBe(false);
    expect(result.statement).toMatch(/^Would not be flagged: the time zone is Asia\/Shanghai, but no proxy applies to HTTPS/);
  });

  it('does not flag a proxy with Asia/Hong_Kong', () => {
    const result = check([tz('Asia/Hong_Kong'), envProxy('HTTPS_PROXY', 'http://127.0.0.1:7890')]);
    expect(result.flagged).toBe(false);
    expect(result.statement).toMatch(/time zone \(Asia\/Hong_Kong\) is not Asia\/Shanghai or Asia\/Urumqi/);
  });

  it('describes the covert signalling in the statement and as data', () => {
    const result = check([]);
    for (const a of CHECK_2026_SIGNALLING.apostrophes) expect(result.statement).toContain(a.codePoint);
    expect(result.statement).toContain('"-" to "/"');
    expect(CHECK_2026_SIGNALLING.apostrophes.map((a) => a.char.codePointAt(0))).toEqual([0x27, 0x2019, 0x2bc, 0x2b9]);
  });
});

describe('visibleTo', () => {
  const envOnly = tool('env-reader', ['env']);
  const filesOnly = tool('file-reader', ['files']);
  const tzOnly = tool('tz-reader', ['timezone']);
  const absent = tool('absent', ['env', 'files', 'timezone'], { installed: false, running: false });
  const tools = [envOnly, filesOnly, tzOnly, absent];

  it('follows the capability each signal needs, among tools present', () => {
    const { inferences } = infer({ signals: [tz('Asia/Tokyo'), email('a@bytedance.com')], tools, geo: null });
    expect(byId(inferences, 'location.country')[0]?.visibleTo).toEqual(['env-reader', 'tz-reader']);
    expect(byId(inferences, 'affiliation.organization')[0]?.visibleTo).toEqual(['file-reader']);
  });

  it('counts a tool that can read any one piece of the evidence', () => {
    const { inferences } = infer({
      signals: [tz('Asia/Shanghai'), registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')],
      tools,
      geo: null,
    });
    expect(byId(inferences, 'location.country')[0]?.visibleTo).toEqual(['env-reader', 'file-reader', 'tz-reader']);
  });

  it('a registry set through the environment is visible to env readers', () => {
    const { inferences } = infer({
      signals: [registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com', 'env:npm_config_registry')],
      tools,
      geo: null,
    });
    expect(byId(inferences, 'location.country')[0]?.visibleTo).toEqual(['env-reader']);
  });
});

describe('advice', () => {
  it('wraps tools that read the time zone with TZ=UTC (and LANG for locale evidence)', () => {
    const { inferences } = infer({ signals: [tz('Asia/Shanghai'), lang('zh_CN.UTF-8', 'CN')], tools: [claude], geo: null });
    const commands = byId(inferences, 'location.country')[0]?.advice?.map((a) => a.command);
    expect(commands).toContain("alias claude='TZ=UTC LANG=en_US.UTF-8 claude'");
    expect(commands).toContain('export DISABLE_TELEMETRY=1');
  });

  it("gathers a tool's telemetry opt-outs into one item: env vars as one command, the rest in words", () => {
    const noisy = { ...claude, ...optOuts(disableTelemetry, { id: 'opt-out.env', variable: 'DISABLE_ERROR_REPORTING', value: '1' }, sharingOff) };
    const { inferences } = infer({ signals: [tz('Asia/Shanghai')], tools: [noisy], geo: null });
    const telemetry = byId(inferences, 'location.country')[0]?.advice?.filter((a) => a.text.includes('telemetry')) ?? [];
    expect(telemetry).toEqual([
      {
        text: 'Turn off Claude Code telemetry: In Settings, turn off “Share usage data”.',
        command: 'export DISABLE_TELEMETRY=1 DISABLE_ERROR_REPORTING=1',
        toolId: 'claude-code',
        message: { id: 'advice.telemetry-off', tool: 'Claude Code', steps: [sharingOff] },
      },
    ]);
  });

  it('gives git advice, not TZ advice, for an email inference', () => {
    const { inferences } = infer({ signals: [tz('Asia/Shanghai'), email('a@alibaba-inc.com')], tools: [claude], geo: null });
    const advice = byId(inferences, 'affiliation.organization')[0]?.advice ?? [];
    expect(advice.some((a) => a.command?.startsWith('git config'))).toBe(true);
    expect(advice.some((a) => a.command?.includes('TZ=UTC'))).toBe(false);
  });

  it('unsets the proxy for the tool or bypasses it for its endpoints', () => {
    const { inferences } = infer({ signals: [envProxy('HTTPS_PROXY', 'http://127.0.0.1:7890', '127.0.0.1')], tools: [claude], geo: null });
    const commands = byId(inferences, 'network.proxy')[0]?.advice?.map((a) => a.command) ?? [];
    expect(commands).toContain("alias claude='env -u HTTPS_PROXY claude'");
    expect(commands).toContain('export NO_PROXY="${NO_PROXY:+$NO_PROXY,}api.anthropic.com,statsig.anthropic.com"');
  });

  it('removes the mirror from where it was set', () => {
    const fromFile = infer({ signals: [registry('npm', 'https://registry.npmmirror.com/', 'registry.npmmirror.com')], tools: [claude], geo: null });
    expect(byId(fromFile.inferences, 'location.country')[0]?.advice?.map((a) => a.command)).toContain('npm config delete registry --location=user');
    const fromEnv = infer({ signals: [registry('pip', 'https://pypi.tuna.tsinghua.edu.cn/simple', undefined, 'env:PIP_INDEX_URL')], tools: [claude], geo: null });
    expect(byId(fromEnv.inferences, 'location.country')[0]?.advice?.map((a) => a.command)).toContain("alias claude='env -u PIP_INDEX_URL claude'");
  });
});

describe('exposure', () => {
  it('none, low, elevated, high', () => {
    const at = (signals: Signal[]) => infer({ signals, tools: [], geo: null }).exposure;
    expect(at([]).level).toBe('none');
    expect(at([lang('zh_CN.UTF-8', 'CN')]).level).toBe('low');
    expect(at([tz('Europe/Berlin')]).level).toBe('elevated');
    expect(at([envProxy('HTTPS_PROXY', 'http://127.0.0.1:3128')]).level).toBe('elevated');
    const high = at([tz('Europe/Berlin'), lang('de_DE.UTF-8', 'DE')]);
    expect(high.level).toBe('high');
    expect(high.summary).toBe('High exposure: top inference: Tools can tell you are almost certainly in Germany (DE).');
  });

  it('a flagged 2026 check is high on its own', () => {
    const out = infer({ signals: [tz('Asia/Shanghai'), envProxy('HTTPS_PROXY', 'http://127.0.0.1:7890')], tools: [], geo: null });
    expect(out.exposure.level).toBe('high');
    expect(out.exposure.summary).toMatch(/2026 coding-CLI China check would flag this machine/);
    expect(exposureLevel(out.inferences)).toBe('elevated');
  });
});

describe('contract', () => {
  it('every inference validates against the schema', () => {
    const out = infer({
      signals: [tz('Asia/Shanghai'), lang('zh_CN.UTF-8'), envProxy('HTTPS_PROXY', 'http://203.0.113.9:8080'), email('a@moonshot.cn'),
        dnsSearch('corp.bytedance.com'), baseUrl('ANTHROPIC_BASE_URL', 'https://api.deepseek.com/anthropic')],
      tools: [claude],
      geo: fakeGeo({ '203.0.113.9': 'SG' }),
    });
    expect(out.inferences.length).toBeGreaterThan(5);
    for (const i of out.inferences) expect(InferenceSchema.parse(i)).toEqual(i);
  });
});
