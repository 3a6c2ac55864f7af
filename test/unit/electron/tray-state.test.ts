import { describe, expect, it } from 'vitest';
import type { SamplerStatus } from '../../../contract/api.js';
import type { Inference } from '../../../contract/snapshot.js';
import { MAX_TOOLTIP_LENGTH, trayState, verdictOf } from '../../../main/electron/tray-state.js';
import { countryInference, proxyInference, sampleSnapshot } from '../service/sample-snapshot.js';
import { exposureLabel } from '../../../common/exposure.js';
import { dataStrings, expectChinese } from '../../helpers/i18n-checks.js';

const idle: SamplerStatus = { paused: false, sampling: false, lastSampleAt: null, intervalMs: 5000, lastError: null, capture: { mode: 'polling', reason: null, pollMs: null }, language: 'en', now: '2026-11-24T10:00:00.000Z' };

describe('trayState', () => {
  it('shows "none" and a sampling hint before the first snapshot', () => {
    const state = trayState(null, { ...idle, sampling: true });
    expect(state.level).toBe('none');
    expect(state.iconName).toBe('tray-none');
    expect(state.tooltip).toBe('Telltale — sampling…');
    expect(state.menu.sampleNow).toBe('Sampling…');
    expect(state.menu.sampleNowEnabled).toBe(false);
    expect(state.menu.exportEnabled).toBe(false);
  });

  it('names the failure when the first sample failed', () => {
    expect(trayState(null, { ...idle, lastError: 'ss: not found' }).tooltip).toBe('Telltale — sampling failed: ss: not found');
  });

  it('uses the snapshot exposure level and names the most confident inference', () => {
    const state = trayState(sampleSnapshot(), idle);
    expect(state.level).toBe('high');
    expect(state.iconName).toBe('tray-high');
    expect(state.tooltip).toBe('Telltale — High exposure: You are probably in China.');
    expect(state.menu).toMatchObject({ sampleNow: 'Sample now', sampleNowEnabled: true, exportEnabled: true, pauseResume: 'Pause monitoring' });
  });

  it('uses the core verdict for a snapshot without one: a low-confidence proxy is elevated, as the engine says', () => {
    const level = (inferences: Inference[]) => trayState(sampleSnapshot({ exposure: undefined, inferences }), idle).level;
    const lowProxy: Inference = { ...proxyInference, confidence: 'low' };
    const lowCountry: Inference = { ...countryInference, confidence: 'low' };
    expect(level([lowCountry])).toBe('low');
    expect(level([lowProxy])).toBe('elevated');
    expect(level([proxyInference, countryInference])).toBe('high');
    expect(level([])).toBe('none');
    expect(verdictOf(sampleSnapshot({ exposure: undefined, inferences: [] })).level).toBe('none');
    const flagged = sampleSnapshot({
      exposure: undefined,
      inferences: [],
      checks: [{ id: 'check-2026', name: '2026 check', flagged: true, statement: 'Would be flagged.', evidence: [], visibleTo: [] }],
    });
    expect(trayState(flagged, idle).level).toBe('high');
    expect(trayState(flagged, idle).tooltip).toBe('Telltale — High exposure: the 2026 check would flag this machine.');
  });

  it('says nothing was inferred for a clean machine', () => {
    const state = trayState(sampleSnapshot({ exposure: { level: 'none', summary: '' }, inferences: [] }), idle);
    expect(state.iconName).toBe('tray-none');
    expect(state.tooltip).toBe('Telltale — No exposure');
    const clean = trayState(sampleSnapshot({ exposure: undefined, inferences: [] }), idle);
    expect(clean.tooltip).toMatch(/^Telltale — No exposure: the tools here can infer nothing/);
  });

  it('names the inference the Overview lists first: a medium affiliation over a medium proxy listed before it', () => {
    const lab: Inference = { ...countryInference, id: 'affiliation.ai-lab', confidence: 'medium', statement: 'You work with Moonshot AI.' };
    const state = trayState(sampleSnapshot({ inferences: [proxyInference, lab] }), idle);
    expect(state.tooltip).toBe('Telltale — High exposure: You work with Moonshot AI.');
  });

  it('marks paused monitoring and a failed latest sample, and offers Resume', () => {
    const state = trayState(sampleSnapshot(), { ...idle, paused: true, lastError: 'timeout' });
    expect(state.tooltip).toBe('Telltale — High exposure: You are probably in China. (paused; last sample failed)');
    expect(state.menu.pauseResume).toBe('Resume monitoring');
  });

  it('keeps long tooltips within the limit, with the paused mark still visible', () => {
    const long: Inference = { ...countryInference, statement: 'x'.repeat(300) };
    const state = trayState(sampleSnapshot({ inferences: [long] }), { ...idle, paused: true });
    expect(state.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
    expect(state.tooltip).toMatch(/…\s\(paused\)$/);
  });

  it('offers to pause notifications while they are on, and to resume them when off', () => {
    expect(trayState(sampleSnapshot(), idle).menu.notifications).toBe('Pause notifications');
    expect(trayState(sampleSnapshot(), idle, false).menu.notifications).toBe('Resume notifications');
  });

  describe('in Chinese (the status says which language is in force)', () => {
    const zh: SamplerStatus = { ...idle, language: 'zh-CN' };
    // The statement comes from its message; the English text stays in the snapshot for any other reader.
    const located: Inference = {
      ...countryInference,
      message: { id: 'inference.location.country', country: 'CN', confidence: 'high' },
      evidenceMessages: [{ id: 'evidence.signal', signal: { kind: 'timezone', subject: { source: 'env' }, value: 'Asia/Shanghai' } }],
    };

    it('names every menu item in Chinese', () => {
      const idleMenu = trayState(sampleSnapshot(), zh).menu;
      const busyMenu = trayState(sampleSnapshot(), { ...zh, sampling: true, paused: true }, false).menu;
      expect(idleMenu).toMatchObject({ open: '打开 Telltale', sampleNow: '立即采样', exportSnapshot: '导出快照…', pauseResume: '暂停监控', notifications: '暂停通知', quit: '退出 Telltale' });
      expect(busyMenu).toMatchObject({ sampleNow: '正在采样……', pauseResume: '恢复监控', notifications: '恢复通知' });
      for (const label of [...Object.values(idleMenu), ...Object.values(busyMenu)].filter((v) => typeof v === 'string')) expectChinese(label, ['Telltale'], label);
    });

    it('says the finding from its message, with the marks in Chinese', () => {
      const state = trayState(sampleSnapshot({ inferences: [located] }), { ...zh, paused: true, lastError: 'timeout' });
      expect(state.tooltip).toBe(`Telltale — ${exposureLabel('high', 'zh-CN')}：工具几乎可以肯定你在中国（CN）：时区 Asia/Shanghai。（已暂停；上次采样失败）`);
      expect(state.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
    });

    it('says it is sampling, or why sampling failed, in Chinese', () => {
      expect(trayState(null, { ...zh, sampling: true }).tooltip).toBe('Telltale — 正在采样……');
      const failed = trayState(null, { ...zh, lastError: 'ss: not found' }).tooltip;
      expect(failed).toBe('Telltale — 采样失败：ss: not found');
      expectChinese(failed, dataStrings(['Telltale', 'ss: not found']), 'failed');
    });

    it('follows the language from one status to the next', () => {
      expect(trayState(sampleSnapshot(), idle).menu.open).toBe('Open Telltale');
      expect(trayState(sampleSnapshot(), zh).menu.open).toBe('打开 Telltale');
    });
  });
});
