import { describe, expect, it } from 'vitest';
import type { CheckResult, Inference } from '../../../contract/snapshot.js';
import { CHECK_2026_ID, countryLabel, overviewRows, toolView, uniqueAdvice } from '../../../common/overview.js';
import { change, factor, probeReport } from '../../helpers/probe-builders.js';

const inference = (over: Partial<Inference> & Pick<Inference, 'id' | 'value'>): Inference => ({
  confidence: 'medium',
  statement: `statement for ${over.id}`,
  evidence: [],
  visibleTo: [],
  ...over,
});

const check = (flagged: boolean): CheckResult => ({
  id: CHECK_2026_ID,
  name: '2026 coding-CLI China check',
  flagged,
  statement: flagged ? 'Would be flagged' : 'Would not be flagged',
  evidence: ['timezone.iana', 'proxy.effective.https'],
  visibleTo: ['claude-code'],
});

describe('overviewRows', () => {
  it('answers the five questions in order, the 2026 check last when it does not flag you', () => {
    const rows = overviewRows([], [check(false)], 'en');
    expect(rows.map((r) => r.question)).toEqual(['country', 'proxy', 'employer', 'ai-lab', 'check-2026']);
    expect(rows.map((r) => r.verdict)).toEqual(['Not inferred', 'Not inferred', 'Not inferred', 'Not inferred', 'Would not flag you']);
    expect(rows.every((r) => !r.discloses)).toBe(true);
  });

  it('puts a flagged check first, with the advice of the inferences resting on its evidence', () => {
    const advice = { text: 'Start Claude Code with a neutral time zone.', command: "alias claude='TZ=UTC claude'", toolId: 'claude-code' };
    const country = inference({ id: 'location.country', value: 'CN', confidence: 'high', evidence: ['timezone.iana'], advice: [advice] });
    const rows = overviewRows([country], [check(true)], 'en');
    expect(rows[0]).toMatchObject({ question: 'check-2026', verdict: 'Would flag you', discloses: true, advice: [advice] });
    expect(rows[1]).toMatchObject({ question: 'country', verdict: 'China (CN)', confidence: 'high' });
  });

  it('joins the proxy and where it is in one answer, with tools and evidence once each', () => {
    const rows = overviewRows(
      [
        inference({ id: 'network.proxy', value: true, evidence: ['proxy.env.HTTPS_PROXY'], visibleTo: ['claude-code', 'codex'] }),
        inference({ id: 'network.proxy-country', value: 'US', confidence: 'low', evidence: ['proxy.env.HTTPS_PROXY'], visibleTo: ['codex'] }),
      ],
      [], 'en',
    );
    const proxy = rows.find((r) => r.question === 'proxy');
    expect(proxy).toMatchObject({ verdict: 'Yes, in United States (US)', confidence: 'medium', visibleTo: ['claude-code', 'codex'], evidence: ['proxy.env.HTTPS_PROXY'] });
    expect(rows.at(-1)).toMatchObject({ question: 'check-2026', verdict: 'Not evaluated' });
  });
});

describe('probe findings in the rows and per tool', () => {
  const proof = { toolId: 'claude-code', command: ['claude'], startedAt: '2026-11-24T10:00:00.000Z', factor: 'timezone' as const, value: 'Asia/Shanghai', kinds: ['format' as const], description: 'hidden' };

  it('puts a 2026 check a probe proved first even where it would not flag you now, with the proof', () => {
    const rows = overviewRows([], [{ ...check(false), probeProof: [proof] }], 'en');
    expect(rows[0]).toMatchObject({ question: 'check-2026', verdict: 'Would not flag you', discloses: true, probeProof: [proof] });
    expect(overviewRows([], [check(false)], 'en').at(-1)?.probeProof).toEqual([]);
  });

  it("raises a tool's level with its own latest probe only, and keeps only its own proof", () => {
    const covert = probeReport({ toolId: 'claude-code', factors: [factor('timezone', { 'Asia/Shanghai': [change('format')] })] });
    const other = probeReport({ toolId: 'codex', command: ['codex'], factors: [factor('timezone', { 'Asia/Shanghai': [change('offset')] })] });
    const checks = [{ ...check(false), visibleTo: [], probeProof: [proof] }];
    const claude = toolView('claude-code', [], checks, [covert, other], 'en');
    expect(claude.level).toBe('high');
    expect(claude.probes?.latest).toBe(covert);
    expect(claude.rows[0]).toMatchObject({ question: 'check-2026', probeProof: [proof] });
    const codex = toolView('codex', [], checks, [covert, other], 'en');
    expect(codex.level).toBe('elevated');
    expect(codex.rows.find((r) => r.question === 'check-2026')).toMatchObject({ verdict: 'Not evaluated', probeProof: [] });
    expect(toolView('gemini-cli', [], [], [covert, other], 'en')).toMatchObject({ level: 'none', probes: null });
  });
});

describe('uniqueAdvice and countryLabel', () => {
  it('keeps each action once and names countries', () => {
    const a = { text: 'Turn off telemetry.', command: 'export X=1', toolId: 'codex' };
    expect(uniqueAdvice([a, { ...a }, { ...a, toolId: 'claude-code' }])).toHaveLength(2);
    expect(countryLabel('cn', 'en')).toBe('China (CN)');
    expect(countryLabel('ZZ-not', 'en')).toBe('ZZ-not');
  });
});

describe('signalLabel and signalState', () => {
  it('names signals for people and calls an empty value "not set"', async () => {
    const { signalLabel, signalState } = await import('../../../common/signal-label.js');
    const name = (id: string) => (id === 'claude-code' ? 'Claude Code' : id);
    const setting = {
      id: 'tool.claude-code.base-url@~/.claude/settings.json:env.ANTHROPIC_BASE_URL',
      kind: 'tool-setting',
      key: { toolId: 'claude-code', setting: 'base-url', name: 'env.ANTHROPIC_BASE_URL', file: '~/.claude/settings.json' },
      value: 'https://api.moonshot.cn/anthropic',
      source: 'file:~/.claude/settings.json',
      status: 'ok',
    } as const;
    expect(signalLabel(setting, name, 'en')).toBe('Claude Code setting env.ANTHROPIC_BASE_URL');
    const proxy = { id: 'proxy.env.HTTPS_PROXY', kind: 'proxy', key: { source: 'env', variable: 'HTTPS_PROXY' }, value: null, source: 'env', status: 'ok' } as const;
    expect(signalLabel(proxy, name, 'en')).toBe('HTTPS_PROXY (environment)');
    expect(signalState(proxy)).toBe('not-set');
    expect(signalState(setting)).toBe('set');
  });
});
