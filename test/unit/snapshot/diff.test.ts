import { describe, expect, it } from 'vitest';
import { diffIsEmpty } from '../../../common/diff.js';
import { diffSnapshots, renderDiffText } from '../../../main/core/snapshot/diff.js';
import { loadSnapshot } from './load-fixture.js';

const before = loadSnapshot('linux-sample.json');
const after = loadSnapshot('linux-sample-later.json');

describe('diffSnapshots on two samples an hour and a half apart', () => {
  const diff = diffSnapshots(before, after);

  it('spans the two times', () => {
    expect([diff.from, diff.to]).toEqual(['2026-11-24T10:00:00.000Z', '2026-11-24T11:30:00.000Z']);
  });

  it('finds tools installed, removed, started and stopped', () => {
    expect(diff.toolsAdded).toEqual(['codex']);
    expect(diff.toolsRemoved).toEqual(['gemini-cli']);
    expect(diff.toolsStarted).toEqual(['codex']);
    expect(diff.toolsStopped).toEqual(['qoder']);
  });

  it('finds new endpoints per tool, by host name or by address:port', () => {
    expect(diff.endpointsAdded).toEqual([
      { toolId: 'claude-code', endpoint: 'api.deepseek.com' },
      { toolId: 'codex', endpoint: '104.18.33.45:443' },
    ]);
  });

  it('finds countries that were not among the remotes before', () => {
    expect(diff.countriesAdded).toEqual(['SG']);
  });

  it('finds inferences added, removed and changed', () => {
    expect(diff.inferencesAdded.map((i) => `${i.id}=${String(i.value)}`)).toEqual(['affiliation.ai-lab=DeepSeek']);
    expect(diff.inferencesRemoved.map((i) => `${i.id}=${String(i.value)}`)).toEqual(['affiliation.ai-lab=Moonshot AI']);
    expect(diff.inferencesChanged).toHaveLength(1);
    expect(diff.inferencesChanged[0]?.before.confidence).toBe('high');
    expect(diff.inferencesChanged[0]?.after.confidence).toBe('medium');
  });

  it('finds signals whose value or status changed, appeared or went', () => {
    expect(diff.signalsChanged).toEqual([
      { id: 'locale.LANGUAGE', before: 'zh_CN:en_US', after: null },
      { id: 'model.base-url.ANTHROPIC_BASE_URL', before: 'https://api.moonshot.cn/anthropic', after: 'https://api.deepseek.com/anthropic' },
      { id: 'proxy.env.ALL_PROXY', before: null, after: 'socks5://127.0.0.1:7891' },
      { id: 'registry.cargo', before: null, after: 'https://rsproxy.cn/crates.io-index' },
    ]);
  });

  it('finds connections opened and closed', () => {
    expect(diff.connectionsOpened.map((c) => `${c.pid} ${c.remoteAddress}`)).toEqual([
      '4242 116.205.40.120',
      '7100 104.18.33.45',
      '901 139.180.140.7',
    ]);
    expect(diff.connectionsClosed.map((c) => `${c.pid} ${c.remoteAddress}`)).toEqual(['6001 47.246.2.17', '901 45.76.180.3']);
  });

  it('renders every kind of change as text', () => {
    const text = renderDiffText(diff);
    for (const expected of [
      'Tools installed:\n  + codex',
      'Tools removed:\n  - gemini-cli',
      'Tools stopped:\n  - qoder',
      '+ api.deepseek.com (claude-code)',
      'New remote countries:\n  + SG',
      '+ affiliation.ai-lab = DeepSeek [low]',
      '- affiliation.ai-lab = Moonshot AI [low]',
      '~ location.country = CN: high -> medium',
      '~ registry.cargo: (none) -> https://rsproxy.cn/crates.io-index',
      '+ codex (pid 7100) tcp 10.0.0.5:51700 -> 104.18.33.45:443 [US, Cloudflare, Inc.] ESTABLISHED (codex)',
      '- qodercli (pid 6001)',
    ]) {
      expect(text).toContain(expected);
    }
    expect(diffIsEmpty(diff)).toBe(false);
  });
});

describe('diffSnapshots of a snapshot with itself', () => {
  it('is empty and says so', () => {
    const diff = diffSnapshots(before, structuredClone(before));
    expect(diffIsEmpty(diff)).toBe(true);
    expect(renderDiffText(diff)).toContain('No changes.');
  });

  it('sees a status change even when the value stays null', () => {
    const later = structuredClone(before);
    const signal = later.signals.find((s) => s.id === 'timezone.env');
    if (signal) Object.assign(signal, { status: 'error', reason: 'TZ is malformed' });
    expect(diffSnapshots(before, later).signalsChanged).toEqual([{ id: 'timezone.env', before: null, after: null }]);
  });
});
