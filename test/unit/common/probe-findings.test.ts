import { describe, expect, it } from 'vitest';
import { latestProbes, probeExposure, probeFindings, probesByTool, probesOfTool, probeVerdict, programOf } from '../../../common/probe-findings.js';
import { change, factor, probeReport, reachFinding } from '../../helpers/probe-builders.js';

const covert = probeReport({ toolId: 'claude-code', factors: [factor('timezone', { 'Asia/Shanghai': [change('confusable'), change('format')], 'Europe/Berlin': [] })] });
const overt = probeReport({ toolId: 'copilot', command: ['copilot', '-p', 'hi'], factors: [factor('timezone', { 'Asia/Tokyo': [change('offset')] })] });
const clean = probeReport({ toolId: 'gemini-cli', command: ['gemini', '-p', 'hi'], startedAt: '2026-11-24T09:00:00.000Z', factors: [factor('locale', { 'zh_CN.UTF-8': [] })] });
const failed = probeReport({ toolId: 'qoder', command: ['qodercli', '-p', 'hi'], startedAt: '2026-11-24T08:30:00.000Z', error: 'No model request in the baseline runs.', factors: [] });

describe('probe verdicts and findings', () => {
  it('calls a hidden change covert, a visible one overt, none clean, and an error failed', () => {
    expect([covert, overt, clean, failed].map(probeVerdict)).toEqual(['covert', 'overt', 'clean', 'failed']);
  });

  it('is overt when only the hosts the tool tries depend on a setting', () => {
    const reach = probeReport({ factors: [factor('timezone', { 'Asia/Shanghai': [] })], reachFindings: [reachFinding('rum.aliyuncs.com')] });
    expect(probeVerdict(reach)).toBe('overt');
    expect(probeFindings(reach)).toEqual([
      { kind: 'reach', factor: 'timezone', values: ['Asia/Shanghai'], changeKinds: [], description: 'rum.aliyuncs.com was tried only with Asia/Shanghai.' },
    ]);
  });

  it('lists one finding per changed variant, with its change kinds once each and its disclosure', () => {
    const findings = probeFindings(covert);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'covert', factor: 'timezone', values: ['Asia/Shanghai'], changeKinds: ['confusable', 'format'] });
    expect(findings[0]?.description).toContain('Asia/Shanghai');
    expect(probeFindings(failed)).toEqual([]);
  });
});

describe('probes per tool', () => {
  const older = { ...covert, startedAt: '2026-11-20T08:00:00.000Z' };

  it('gives one row per tool, the most recently probed tool first, older probes of it behind the latest', () => {
    const rows = probesByTool([older, clean, covert, failed]);
    expect(rows.map((r) => r.key)).toEqual(['claude-code', 'gemini-cli', 'qoder']);
    expect(rows[0]?.latest).toBe(covert);
    expect(rows[0]?.earlier).toEqual([older]);
  });

  it('keeps a report read twice once', () => {
    const rows = probesByTool([covert, { ...covert }, clean]);
    expect(rows.map((r) => [r.key, r.earlier.length])).toEqual([
      ['claude-code', 0],
      ['gemini-cli', 0],
    ]);
  });

  it('groups an unrecognised tool by its command line', () => {
    const a = probeReport({ command: ['node', '/x/tool.mjs'], startedAt: '2026-11-24T10:00:00.000Z' });
    const b = probeReport({ command: ['node', '/x/tool.mjs'], startedAt: '2026-11-23T10:00:00.000Z' });
    const c = probeReport({ command: ['node', '/x/other.mjs'], startedAt: '2026-11-22T10:00:00.000Z' });
    expect(probesByTool([c, b, a]).map((r) => [r.toolId, r.key, r.earlier.length])).toEqual([
      [null, 'node /x/tool.mjs', 1],
      [null, 'node /x/other.mjs', 0],
    ]);
  });

  it('orders by instant, not by how the time is written', () => {
    const offsetLater = probeReport({ toolId: 'a', command: ['a'], startedAt: '2026-11-24T12:00:00+08:00' }); // 04:00Z
    const utcEarlier = probeReport({ toolId: 'b', command: ['b'], startedAt: '2026-11-24T05:00:00Z' });
    expect(latestProbes([offsetLater, utcEarlier]).map((r) => r.toolId)).toEqual(['b', 'a']);
  });

  it("finds one tool's probes", () => {
    expect(probesOfTool('claude-code', [clean, older, covert])?.latest).toBe(covert);
    expect(probesOfTool('codex', [clean, covert])).toBeNull();
  });
});

describe('probe exposure', () => {
  it('is high for a covert channel, elevated for other findings, none for clean or failed probes', () => {
    expect(probeExposure([clean, covert])).toBe('high');
    expect(probeExposure([clean, overt, failed])).toBe('elevated');
    expect(probeExposure([clean, failed])).toBe('none');
    expect(probeExposure([])).toBe('none');
  });

  it("counts each tool's latest probe only: a covert finding fixed by a later release no longer counts", () => {
    const fixed = { ...clean, toolId: 'claude-code', startedAt: '2026-11-25T10:00:00.000Z' };
    expect(probeExposure([covert, fixed])).toBe('none');
  });
});

describe('programOf', () => {
  it('names the script an interpreter runs, else the program', () => {
    expect(programOf(['/usr/bin/node', '--no-warnings', '/x/covert-tool.mjs', '--now', 'x'])).toBe('covert-tool.mjs');
    expect(programOf(['claude', '-p', 'hi'])).toBe('claude');
    expect(programOf(['C:\\Tools\\codex.exe'])).toBe('codex.exe');
    expect(programOf([])).toBe('a tool');
  });
});
