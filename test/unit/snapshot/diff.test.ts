import { describe, expect, it } from 'vitest';
import { diffIsEmpty } from '../../../common/diff.js';
import { connectionChurn } from '../../../common/connection-churn.js';
import { diffNames, diffSnapshots, renderDiffText } from '../../../main/core/snapshot/diff.js';
import { connection } from '../../helpers/snapshot-builders.js';
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

  it('finds inferences changed in confidence, and one that changed its value (one AI lab for another)', () => {
    expect(diff.inferencesAdded).toEqual([]);
    expect(diff.inferencesRemoved).toEqual([]);
    const changed = diff.inferencesChanged.map(({ before, after }) => `${after.id}: ${String(before.value)} ${before.confidence} -> ${String(after.value)} ${after.confidence}`);
    expect(changed).toEqual(['location.country: CN high -> CN medium', 'affiliation.ai-lab: Moonshot AI low -> DeepSeek low']);
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

  it('renders every kind of change as text, by names, inferences by their short value', () => {
    const text = renderDiffText(diff, diffNames(before, after, 'en'));
    for (const expected of [
      'Tools installed:\n  + Codex CLI',
      'Tools removed:\n  - Gemini CLI',
      'Tools stopped:\n  - Qoder CLI',
      '+ api.deepseek.com (Claude Code)',
      'New remote countries:\n  + Singapore (SG)',
      '~ Country: China (CN), confidence high -> medium, evidence changed',
      '~ AI lab: Moonshot AI -> DeepSeek, low confidence',
      '~ cargo registry: (none) -> https://rsproxy.cn/crates.io-index',
      'Connections: 3 opened, 2 closed',
      '+1          Codex CLI',
      '-1          Qoder CLI',
      '+1          104.18.33.45, United States (US)',
    ]) {
      expect(text).toContain(expected);
    }
    // Counts, not sockets, and never a full inference statement.
    expect(text).not.toContain('qodercli (pid 6001)');
    for (const i of [...before.inferences, ...after.inferences]) expect(text).not.toContain(i.statement);
    expect(diffIsEmpty(diff)).toBe(false);
  });

  it('lists every socket opened and closed with --verbose', () => {
    const text = renderDiffText(diff, { ...diffNames(before, after, 'en'), verbose: true });
    expect(text).toContain('+ codex (pid 7100) tcp 10.0.0.5:51700 -> 104.18.33.45:443 [US, Cloudflare, Inc.] ESTABLISHED (codex)');
    expect(text).toContain('- qodercli (pid 6001)');
  });
});

describe('connection churn on a busy machine', () => {
  it('summarises thousands of sockets as counts per tool and per remote host', () => {
    const later = structuredClone(before);
    later.takenAt = '2026-11-24T10:05:00.000Z';
    const hosts = ['api.anthropic.com', 'statsig.anthropic.com', 'sentry.io'];
    later.connections = Array.from({ length: 6074 }, (_, i) =>
      connection({
        localPort: 1024 + i,
        remoteAddress: `160.79.104.${i % 3}`,
        remote: { country: 'US', asn: 399358, org: 'Anthropic, PBC', host: hosts[i % 3] ?? null },
        toolId: i % 2 ? 'claude-code' : null,
        pid: i % 2 ? 4242 : 901,
      }),
    );
    const churned = diffSnapshots(before, later);
    expect(churned.connectionsOpened).toHaveLength(6074);
    const churn = connectionChurn(churned, diffNames(before, later, 'en').toolName, 'en');
    // Opened: the 6074 new sockets, half Claude Code's, half clash's (pid 901, no tool); closed: all 12 before.
    expect(churn.byTool.slice(0, 2)).toEqual([
      { label: 'Claude Code', opened: 3037, closed: before.connections.filter((c) => c.toolId === 'claude-code').length },
      { label: 'clash (no tool)', opened: 3037, closed: before.connections.filter((c) => c.pid === 901).length },
    ]);
    expect(churn.byTool.reduce((n, r) => n + r.closed, 0)).toBe(before.connections.length);
    // statsig.anthropic.com was among the remotes before too (a socket that closed).
    expect(churn.byRemote.slice(0, 3)).toEqual([
      { label: 'statsig.anthropic.com, United States (US)', opened: 2025, closed: 1 },
      { label: 'api.anthropic.com, United States (US)', opened: 2025, closed: 0 },
      { label: 'sentry.io, United States (US)', opened: 2024, closed: 0 },
    ]);
    const lines = renderDiffText(churned, diffNames(before, later, 'en')).split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(lines).toContain(`Connections: 6074 opened, ${before.connections.length} closed`);
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
