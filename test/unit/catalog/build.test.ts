import { describe, expect, it } from 'vitest';
import { Tool } from '../../../contract/snapshot.js';
import { buildTools } from '../../../main/core/catalog/build.js';
import { TOOL_CATALOG } from '../../../main/core/catalog/tools.js';

describe('buildTools', () => {
  const running = new Map([
    ['gemini-cli', [1601, 1600]],
    ['claude-code', [4242]],
  ]);
  const installed = new Map([
    ['codex-cli', ['~/.codex']],
    ['claude-code', ['~/.claude', '~/.local/bin/claude (on PATH)']],
  ]);
  const settings = new Map([
    ['claude-code', [{ file: '~/.claude/settings.json', key: 'env.ANTHROPIC_BASE_URL', kind: 'base-url' as const, value: 'https://api.moonshot.cn/anthropic' }]],
  ]);
  const tools = buildTools(TOOL_CATALOG, running, installed, settings);

  it('lists every catalog entry as a valid contract Tool', () => {
    expect(tools).toHaveLength(TOOL_CATALOG.length);
    for (const tool of tools) expect(Tool.safeParse(tool).success).toBe(true);
  });

  it('sorts running tools first, then installed, then absent', () => {
    expect(tools.slice(0, 3).map((t) => t.id)).toEqual(['claude-code', 'gemini-cli', 'codex-cli']);
    expect(tools.slice(3).every((t) => !t.running && !t.installed)).toBe(true);
  });

  it('carries pids, evidence, settings and catalog facts; inferences are left for later', () => {
    const claude = tools[0];
    expect(claude).toMatchObject({
      id: 'claude-code',
      name: 'Claude Code',
      vendor: 'Anthropic',
      running: true,
      pids: [4242],
      installed: true,
      installEvidence: ['~/.claude', '~/.local/bin/claude (on PATH)'],
      canRead: ['env', 'timezone', 'files', 'network'],
      inferences: [],
    });
    expect(claude?.endpoints).toContain('api.anthropic.com');
    expect(claude?.settings).toHaveLength(1);
    expect(claude?.telemetryOptOuts).toContain('Set CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1');
    expect(claude?.telemetryOptOutMessages).toContainEqual({ id: 'opt-out.env', variable: 'CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', value: '1' });
  });

  it('counts a running tool as installed even without install evidence', () => {
    const gemini = tools.find((t) => t.id === 'gemini-cli');
    expect(gemini).toMatchObject({ running: true, installed: true, pids: [1601, 1600] });
    expect(gemini?.installEvidence).toBeUndefined();
  });
});
