import { describe, expect, it } from 'vitest';
import type { SamplerStatus } from '../../../contract/api.js';
import type { Inference } from '../../../contract/snapshot.js';
import { MAX_TOOLTIP_LENGTH, exposureLevel, topInference, trayState } from '../../../main/electron/tray-state.js';
import { countryInference, proxyInference, sampleSnapshot } from '../service/sample-snapshot.js';

const idle: SamplerStatus = { paused: false, sampling: false, lastSampleAt: null, intervalMs: 5000, lastError: null, now: '2026-11-24T10:00:00.000Z' };

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
    expect(state.tooltip).toBe('Telltale — high exposure: You are probably in China.');
    expect(state.menu).toMatchObject({ sampleNow: 'Sample now', sampleNowEnabled: true, exportEnabled: true, pauseResume: 'Pause monitoring' });
  });

  it('derives the level from inference confidence when the snapshot has no exposure verdict', () => {
    const low: Inference = { ...proxyInference, confidence: 'low' };
    expect(exposureLevel(sampleSnapshot({ exposure: undefined, inferences: [low] }))).toBe('low');
    expect(exposureLevel(sampleSnapshot({ exposure: undefined, inferences: [low, proxyInference] }))).toBe('elevated');
    expect(exposureLevel(sampleSnapshot({ exposure: undefined, inferences: [proxyInference, countryInference] }))).toBe('high');
    expect(exposureLevel(sampleSnapshot({ exposure: undefined, inferences: [] }))).toBe('none');
    expect(exposureLevel(null)).toBe('none');
  });

  it('says nothing was inferred for a clean machine', () => {
    const state = trayState(sampleSnapshot({ exposure: { level: 'none', summary: '' }, inferences: [] }), idle);
    expect(state.iconName).toBe('tray-none');
    expect(state.tooltip).toBe('Telltale — nothing inferred');
  });

  it('picks the first of equally confident inferences', () => {
    const second: Inference = { ...countryInference, statement: 'Second.' };
    expect(topInference(sampleSnapshot({ inferences: [countryInference, second] }))).toBe(countryInference);
  });

  it('marks paused monitoring and a failed latest sample, and offers Resume', () => {
    const state = trayState(sampleSnapshot(), { ...idle, paused: true, lastError: 'timeout' });
    expect(state.tooltip).toBe('Telltale — high exposure: You are probably in China. (paused; last sample failed)');
    expect(state.menu.pauseResume).toBe('Resume monitoring');
  });

  it('keeps long tooltips within the limit, with the paused mark still visible', () => {
    const long: Inference = { ...countryInference, statement: 'x'.repeat(300) };
    const state = trayState(sampleSnapshot({ inferences: [long] }), { ...idle, paused: true });
    expect(state.tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH);
    expect(state.tooltip).toMatch(/…\s\(paused\)$/);
  });
});
