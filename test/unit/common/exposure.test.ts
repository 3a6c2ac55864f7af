import { describe, expect, it } from 'vitest';
import { ExposureLevel, type CheckResult } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS, exposureFor, exposureLabel, exposureLevel, rankInferences, topInference } from '../../../common/exposure.js';
import { inference } from '../../helpers/snapshot-builders.js';
import { change, factor, probeReport } from '../../helpers/probe-builders.js';

const flaggedCheck: CheckResult = { id: 'check-2026', name: '2026 check', flagged: true, statement: 'Would be flagged.', evidence: [], visibleTo: [] };

describe('exposure levels', () => {
  it('lists every level from none to high, each with its own label', () => {
    expect(EXPOSURE_LEVELS).toEqual(ExposureLevel.options);
    expect(new Set(EXPOSURE_LEVELS.map((level) => exposureLabel(level, 'en'))).size).toBe(EXPOSURE_LEVELS.length);
    expect(exposureLabel('high', 'en')).toBe('High exposure');
    expect(exposureLabel(undefined, 'en')).toBe('Exposure not assessed');
  });

  it('rates a proxy in use as elevated and a confident country or a flagged check as high', () => {
    expect(exposureLevel([])).toBe('none');
    expect(exposureLevel([inference({ confidence: 'low' })])).toBe('low');
    expect(exposureLevel([inference({ id: 'network.proxy', value: true, confidence: 'low' })])).toBe('elevated');
    expect(exposureLevel([inference({ confidence: 'medium' })])).toBe('elevated');
    expect(exposureLevel([inference({ confidence: 'high' })])).toBe('high');
    expect(exposureLevel([inference({ id: 'network.proxy-country', confidence: 'high' })])).toBe('elevated');
    expect(exposureLevel([], [flaggedCheck])).toBe('high');
  });

  it('sums the verdict up with the flagged check and the top inference', () => {
    expect(exposureFor([]).summary).toBe('No exposure: the tools here can infer nothing about your country, proxy or employer.');
    expect(exposureFor([inference({ statement: 'You are probably in China: Asia/Shanghai.' })], [flaggedCheck])).toMatchObject({
      level: 'high',
      summary: 'High exposure: the 2026 check would flag this machine; top inference: You are probably in China.',
    });
  });
});

describe('exposure with probe findings', () => {
  const covert = probeReport({ toolId: 'claude-code', command: ['/usr/bin/node', '/x/claude.mjs'], factors: [factor('timezone', { 'Asia/Shanghai': [change('confusable')] })] });
  const overt = probeReport({ command: ['copilot'], factors: [factor('timezone', { 'Asia/Tokyo': [change('offset')] })] });

  it('a covert channel makes it high and names the tool; an overt change lifts low to elevated, never lowers', () => {
    const low = inference({ confidence: 'low' });
    expect(exposureLevel([low], [], [covert])).toBe('high');
    expect(exposureLevel([low], [], [overt])).toBe('elevated');
    expect(exposureLevel([inference({ confidence: 'high' })], [], [overt])).toBe('high');
    expect(exposureFor([], [], [covert], (r) => (r.toolId === 'claude-code' ? 'Claude Code' : '?')).summary).toBe(
      'High exposure: a probe found a covert channel in Claude Code.',
    );
    // Without a name for it, the program the command runs.
    expect(exposureFor([], [], [covert]).summary).toBe('High exposure: a probe found a covert channel in claude.mjs.');
    expect(exposureFor([], [], [overt])).toMatchObject({ level: 'elevated', summary: 'Elevated exposure: a probe saw the requests of copilot change with your settings.' });
  });
});

describe('ranking inferences', () => {
  const proxy = inference({ id: 'network.proxy', value: true, confidence: 'medium', statement: 'proxy' });
  const lab = inference({ id: 'affiliation.ai-lab', value: 'Moonshot AI', confidence: 'medium', statement: 'lab' });
  const country = inference({ confidence: 'high', statement: 'country' });
  const weakOrg = inference({ id: 'affiliation.organization', value: 'Example', confidence: 'low', statement: 'org' });

  it('puts the most certain first, then who you are before where your proxy is, then the snapshot order', () => {
    expect(rankInferences([weakOrg, proxy, country, lab]).map((i) => i.statement)).toEqual(['country', 'lab', 'proxy', 'org']);
    const first = inference({ statement: 'first' });
    const second = inference({ statement: 'second' });
    expect(rankInferences([first, second]).map((i) => i.statement)).toEqual(['first', 'second']);
  });

  it('names as top inference the one ranked first', () => {
    for (const list of [[proxy, lab], [lab, proxy], [weakOrg, proxy, country, lab], [proxy], []]) {
      expect(topInference(list)).toBe(rankInferences(list)[0] ?? null);
    }
  });

  it('ranks an id it does not know (a newer host) below the known ones of the same confidence', () => {
    const unknown = { ...proxy, id: 'network.something-new' } as unknown as typeof proxy;
    expect(rankInferences([unknown, proxy])).toEqual([proxy, unknown]);
  });
});
